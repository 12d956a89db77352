import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { DockerHost } from './docker-host.js';
import {
  parseBody,
  queryString,
  type EngineRequest,
  type EngineResponse,
  type Transport,
} from './transport.js';

/**
 * The engine over node:http: a unix socket or a TCP port (HTTPS with DOCKER_CERT_PATH's
 * certificates when the host asks for TLS). Connections are kept alive and reused, so the
 * executor's parallel calls do not each pay a connect; idle ones do not keep nestc running.
 */
export function httpTransport(
  host: Exclude<DockerHost, { kind: 'ssh' }>,
  env: NodeJS.ProcessEnv,
): Transport {
  const tls = host.kind === 'tcp' && host.tls;
  const agent = tls
    ? new https.Agent({
        keepAlive: true,
        ...tlsFiles(env),
        // As the docker CLI: DOCKER_TLS alone means TLS without checking the engine's certificate.
        rejectUnauthorized: !(env.DOCKER_TLS && !env.DOCKER_TLS_VERIFY),
      })
    : new http.Agent({ keepAlive: true });
  const where =
    host.kind === 'unix' ? { socketPath: host.socketPath } : { host: host.host, port: host.port };
  // Without TLS there is no server name to send; an empty one keeps node:http from working one
  // out, which costs 10-20 ms at the first request (compiling node:net's IPv6 pattern).
  const target = tls ? where : { ...where, servername: '' };
  const send = tls ? https.request : http.request;
  return {
    request: (req: EngineRequest) =>
      new Promise<EngineResponse>((resolve, reject) => {
        const data = req.body === undefined ? undefined : Buffer.from(JSON.stringify(req.body));
        const r = send(
          {
            ...target,
            agent,
            method: req.method,
            path: req.path + queryString(req.query),
            headers: data
              ? { 'Content-Type': 'application/json', 'Content-Length': data.length }
              : {},
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('error', reject);
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                headers: res.headers,
                body: parseBody(Buffer.concat(chunks), res.headers['content-type']),
              }),
            );
          },
        );
        r.on('error', reject);
        r.end(data);
      }),
  };
}

/** ca.pem, cert.pem and key.pem from DOCKER_CERT_PATH (default ~/.docker), those that exist. */
export function tlsFiles(env: NodeJS.ProcessEnv): { ca?: Buffer; cert?: Buffer; key?: Buffer } {
  const dir = env.DOCKER_CERT_PATH || join(homedir(), '.docker');
  const out: { ca?: Buffer; cert?: Buffer; key?: Buffer } = {};
  for (const k of ['ca', 'cert', 'key'] as const) {
    const file = join(dir, `${k}.pem`);
    if (existsSync(file)) out[k] = readFileSync(file);
  }
  return out;
}
