import { negotiateApiVersion } from './api-version.js';
import { engineContainerClient } from './container-client.js';
import { parseDockerHost } from './docker-host.js';
import type { Engine } from './engine.js';
import { engineApi } from './engine-api.js';
import { makeCaller } from './engine-call.js';
import { noopLogger, type EngineLogger } from './engine-logger.js';
import { EngineStats } from './engine-stats.js';
import { httpTransport } from './http-transport.js';
import { engineImageClient } from './image-client.js';
import { modemTransport } from './modem-transport.js';
import { engineNetworkClient } from './network-client.js';
import { engineSystemClient } from './system-client.js';
import { engineHttpError, type Transport } from './transport.js';
import { engineVolumeClient } from './volume-client.js';

export interface ConnectOptions {
  logger?: EngineLogger;
  stats?: EngineStats;
  /**
   * How requests travel: `http` (node:http; unix:// and tcp://, the default) or `dockerode`
   * (its modem; always used for ssh://). Both give the same answers; `http` starts ~200 ms
   * sooner because it does not load dockerode.
   */
  client?: 'http' | 'dockerode';
}

/**
 * The real engine named by DOCKER_HOST (docker-host.ts). Nothing is sent yet: the first call
 * pings the engine once for its API version, and every later call speaks the negotiated version
 * (`/v1.41/...`), as the docker CLI does; `DOCKER_API_VERSION` pins it. Throws only for an
 * unusable DOCKER_HOST (`engine-host-invalid`); an engine that does not answer shows up as the
 * first call's EngineError (`engine-unreachable`, `engine-permission-denied`).
 */
export function connectEngine(
  env: NodeJS.ProcessEnv = process.env,
  opts: ConnectOptions = {},
): Engine {
  const host = parseDockerHost(env);
  const transport: Transport =
    host.kind === 'ssh' || opts.client === 'dockerode'
      ? modemTransport(host, env)
      : httpTransport(host, env);
  const stats = opts.stats ?? new EngineStats();
  const logger = opts.logger ?? noopLogger;
  const pinned = env.DOCKER_API_VERSION?.trim() || undefined;

  let version: string | undefined;
  let negotiated: Promise<string> | undefined;
  const bare = makeCaller({ address: host.address, logger, stats });
  const negotiate = (): Promise<string> =>
    (negotiated ??= bare({ op: 'system.ping' }, async () => {
      const res = await transport.request({ method: 'GET', path: '/_ping' });
      if (res.status !== 200) throw engineHttpError(res.status, res.body);
      const header = res.headers['api-version'];
      // Engines before API 1.25 send no header; 1.24 is what the docker CLI assumes then.
      version = negotiateApiVersion(typeof header === 'string' ? header : '1.24', pinned);
      return version;
    }).catch((err: unknown) => {
      negotiated = undefined; // a later call tries again
      throw err;
    }));
  const send = engineApi(transport, () => version);
  const call = makeCaller({
    address: host.address,
    logger,
    stats,
    ready: async () => {
      await negotiate();
    },
  });
  const networks = engineNetworkClient(send, call);
  return {
    address: host.address,
    containers: engineContainerClient(send, call, networks),
    networks,
    volumes: engineVolumeClient(send, call),
    images: engineImageClient(send, call),
    system: engineSystemClient(send, call, negotiate),
    stats,
  };
}
