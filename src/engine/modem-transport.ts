import type { DockerHost } from './docker-host.js';
import { EngineError } from './engine-error.js';
import { tlsFiles } from './http-transport.js';
import { parseBody, type EngineRequest, type EngineResponse, type Transport } from './transport.js';

/** Every status is an answer here; the clients decide which ones are success. */
const ANY_STATUS = new Proxy({}, { get: () => true });

interface Modem {
  dial(
    options: Record<string, unknown>,
    cb: (err: unknown, res?: import('node:http').IncomingMessage) => void,
  ): void;
}

/**
 * The engine through dockerode's modem: the way to reach an `ssh://` engine (it runs
 * `docker system dial-stdio` over SSH), and usable for every address (connectEngine's
 * `client: 'dockerode'`). dockerode is imported on the first request only, because loading it
 * costs about 200 ms.
 */
export function modemTransport(host: DockerHost, env: NodeJS.ProcessEnv): Transport {
  let modem: Promise<Modem> | undefined;
  return {
    request: async (req: EngineRequest) => {
      modem ??= loadModem(host, env);
      const m = await modem;
      return new Promise<EngineResponse>((resolve, reject) => {
        withoutUrlWarning(() =>
          m.dial(
            {
              path: `${req.path}?`,
              method: req.method,
              // `_query`/`_body` keep docker-modem from also copying the body into the URL.
              options: { _query: defined(req.query), _body: req.body ?? {} },
              ...(req.body === undefined ? {} : { allowEmpty: true }),
              statusCodes: ANY_STATUS,
              isStream: true,
            },
            (err, res) => {
              if (err || !res) return reject(err);
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
          ),
        );
      });
    },
  };
}

/**
 * Run `fn` with Node's DEP0170 warning ("The URL ssh:HOST:PORTHOST is invalid") held back.
 * docker-modem 5 builds the request path of an ssh:// engine with `url.resolve` on an address
 * without `//`, which Node 20+ warns about on the user's terminal; the engine ignores that part
 * of the path (the request goes over `docker system dial-stdio`), so the warning says nothing a
 * user can act on. Only that code is held back, and only during the synchronous `dial` call.
 */
function withoutUrlWarning(fn: () => void): void {
  const emit = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const code = typeof rest[0] === 'object' ? (rest[0] as { code?: string }).code : rest[1];
    if (code === 'DEP0170') return;
    (emit as (...a: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    fn();
  } finally {
    process.emitWarning = emit;
  }
}

/** dockerode with every connection option explicit, so `env` wins over process.env. */
async function loadModem(host: DockerHost, env: NodeJS.ProcessEnv): Promise<Modem> {
  const { default: Docker } = await import('dockerode');
  const base = { host: undefined, port: undefined, socketPath: undefined, version: undefined };
  let options: import('dockerode').DockerOptions;
  if (host.kind === 'unix') {
    options = { ...base, socketPath: host.socketPath, protocol: 'http' };
  } else if (host.kind === 'tcp') {
    options = {
      ...base,
      host: host.host,
      port: host.port,
      protocol: host.tls ? 'https' : 'http',
      ...(host.tls ? tlsFiles(env) : {}),
    };
  } else {
    options = {
      ...base,
      host: host.host,
      port: host.port,
      protocol: 'ssh',
      ...(host.username ? { username: host.username } : {}),
      sshOptions: env.SSH_AUTH_SOCK ? { agent: env.SSH_AUTH_SOCK } : {},
    };
  }
  try {
    return new Docker(options).modem as unknown as Modem;
  } catch (err) {
    throw new EngineError({
      code: 'engine-host-invalid',
      severity: 'error',
      summary: `cannot set up a connection to ${host.address}: ${(err as Error).message}`,
      hint: 'check DOCKER_HOST, DOCKER_CERT_PATH and DOCKER_TLS_VERIFY',
    });
  }
}

/** The query without undefined values (docker-modem would send them as empty strings). */
function defined(query: EngineRequest['query']): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) out[k] = v;
  return out;
}
