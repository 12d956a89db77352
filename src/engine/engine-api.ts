import { engineHttpError, type EngineRequest, type Transport } from './transport.js';

/** Options of one API request. */
export interface SendOptions {
  query?: EngineRequest['query'];
  body?: unknown;
  /** Statuses that mean success; default 200, 201 and 204. */
  ok?: number[];
}

/** One Engine API request on the negotiated version; resolves to the body, throws on failure. */
export type Send = (
  method: EngineRequest['method'],
  path: string,
  opts?: SendOptions,
) => Promise<unknown>;

/**
 * Requests on the Engine API at a version: `/containers/json` goes out as
 * `/v1.41/containers/json` once `version` is set (before that, unversioned, as for `/_ping`).
 * An answer outside `ok` becomes the docker-modem-shaped error the classifier reads.
 */
export function engineApi(transport: Transport, version: () => string | undefined): Send {
  return async (method, path, opts = {}) => {
    const v = version();
    const res = await transport.request({
      method,
      path: v ? `/v${v}${path}` : path,
      ...(opts.query ? { query: opts.query } : {}),
      ...(opts.body !== undefined ? { body: opts.body } : {}),
    });
    if (!(opts.ok ?? [200, 201, 204]).includes(res.status)) {
      throw engineHttpError(res.status, res.body);
    }
    return res.body;
  };
}
