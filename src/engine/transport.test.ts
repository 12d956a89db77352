import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineApi } from './engine-api.js';
import { httpTransport } from './http-transport.js';
import { modemTransport } from './modem-transport.js';
import { engineHttpError, parseBody, queryString, type Transport } from './transport.js';

// A fake engine on a unix socket: it echoes what it received, so both transports can be held
// to the same wire format without a real engine.
let dir: string;
let socketPath: string;
let server: http.Server;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nestc-transport-'));
  socketPath = join(dir, 'engine.sock');
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url?.includes('/conflict')) {
        res.writeHead(409, { 'Content-Type': 'application/json', 'Api-Version': '1.41' });
        res.end(JSON.stringify({ message: 'network with name n already exists' }));
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json', 'Api-Version': '1.41' });
      res.end(
        JSON.stringify({
          method: req.method,
          url: req.url,
          contentType: req.headers['content-type'] ?? null,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const transports: [string, () => Transport][] = [
  ['http', () => httpTransport({ kind: 'unix', address: `unix://${socketPath}`, socketPath }, {})],
  [
    'dockerode',
    () => modemTransport({ kind: 'unix', address: `unix://${socketPath}`, socketPath }, {}),
  ],
];

describe.each(transports)('the %s transport', (_name, make) => {
  it('sends the query and a JSON body, and parses a JSON answer with its headers', async () => {
    const res = await make().request({
      method: 'POST',
      path: '/v1.41/containers/create',
      query: { name: 'web-1', skip: undefined },
      body: { Image: 'busybox', Labels: { a: 'b' } },
    });
    expect(res.status).toBe(200);
    expect(res.headers['api-version']).toBe('1.41');
    expect(res.body).toEqual({
      method: 'POST',
      url: '/v1.41/containers/create?name=web-1',
      contentType: 'application/json',
      body: '{"Image":"busybox","Labels":{"a":"b"}}',
    });
  });

  it('sends a bodiless request without a body', async () => {
    const res = await make().request({
      method: 'DELETE',
      path: '/v1.41/containers/a',
      query: { force: 1 },
    });
    expect(res.body).toMatchObject({
      method: 'DELETE',
      url: '/v1.41/containers/a?force=1',
      body: '',
    });
  });

  it('returns an error status as an answer, for the caller to judge', async () => {
    const res = await make().request({ method: 'POST', path: '/conflict' });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ message: 'network with name n already exists' });
  });
});

describe('engineApi', () => {
  it('prefixes the negotiated version, and turns an unexpected status into an engine error', async () => {
    const t = transports[0]?.[1]() as Transport;
    const send = engineApi(t, () => '1.41');
    expect(await send('GET', '/info')).toMatchObject({ url: '/v1.41/info' });
    const err = await send('POST', '/conflict').catch((e: unknown) => e);
    expect(err).toMatchObject({
      statusCode: 409,
      json: { message: 'network with name n already exists' },
    });
  });

  it('sends unversioned paths before negotiation', async () => {
    const send = engineApi(transports[0]?.[1]() as Transport, () => undefined);
    expect(await send('GET', '/_ping')).toMatchObject({ url: '/_ping' });
  });
});

describe('wire helpers', () => {
  it('builds a query string, dropping undefined values and encoding JSON', () => {
    expect(queryString({ all: 1, filters: '{"label":["a=b"]}', t: undefined })).toBe(
      '?all=1&filters=%7B%22label%22%3A%5B%22a%3Db%22%5D%7D',
    );
    expect(queryString({})).toBe('');
  });

  it('parses JSON only when the answer says it is JSON', () => {
    expect(parseBody(Buffer.from('{"a":1}'), 'application/json')).toEqual({ a: 1 });
    expect(parseBody(Buffer.from('OK'), 'text/plain; charset=utf-8')).toBe('OK');
    expect(parseBody(Buffer.from('not json'), 'application/json')).toBe('not json');
  });

  it('shapes an error answer as docker-modem does', () => {
    expect(engineHttpError(404, { message: 'No such container: a' })).toMatchObject({
      statusCode: 404,
      json: { message: 'No such container: a' },
    });
    expect(engineHttpError(500, 'plain text')).toMatchObject({ json: { message: 'plain text' } });
  });
});
