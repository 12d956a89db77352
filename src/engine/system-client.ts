import type { Send } from './engine-api.js';
import type { Caller } from './engine-call.js';
import type { VersionInfo } from './types.js';

/** The engine itself: the API version nestc speaks with it, its version, whether it answers. */
export interface SystemClient {
  /**
   * The negotiated API version (the engine's, capped at nestc's; CLIENT_MAX_API_VERSION). Asked
   * once per Engine, from the `/_ping` answer's `API-Version` header: the cheapest round trip.
   */
  apiVersion(): Promise<string>;
  /** The engine's version details (one `/version` call, then remembered). */
  version(): Promise<VersionInfo>;
  /** One round trip: resolves when the engine answers, rejects as an EngineError if not. */
  ping(): Promise<void>;
}

/** The SystemClient of a real engine, over the negotiation connect-engine.ts holds. */
export function engineSystemClient(
  send: Send,
  call: Caller,
  apiVersion: () => Promise<string>,
): SystemClient {
  let version: Promise<VersionInfo> | undefined;
  return {
    apiVersion,
    version: () =>
      (version ??= call({ op: 'system.version' }, async () => {
        const v = (await send('GET', '/version')) as Record<string, string | undefined>;
        return {
          apiVersion: await apiVersion(),
          engineApiVersion: v.ApiVersion ?? '',
          minApiVersion: v.MinAPIVersion ?? '',
          engineVersion: v.Version ?? '',
          os: v.Os ?? '',
          arch: v.Arch ?? '',
        };
      }).catch((err: unknown) => {
        version = undefined;
        throw err;
      })),
    ping: () =>
      call({ op: 'system.ping' }, async () => {
        await send('GET', '/_ping');
      }),
  };
}
