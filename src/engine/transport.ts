/**
 * One HTTP exchange with the engine, below the per-resource clients. Two implementations:
 * http-transport.ts (node:http, for unix:// and tcp://) and modem-transport.ts (dockerode's
 * modem, for ssh:// or when asked). The seam exists because loading dockerode costs about 200 ms
 * (it loads ssh2 and gRPC up front), most of the 0.3 s a no-op `nestc plan` may take.
 */
export interface EngineRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path with the version prefix already applied (`/v1.41/containers/json`), or `/_ping`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** Sent as JSON. */
  body?: unknown;
}

/** The engine's answer, whatever its status: callers decide which statuses are success. */
export interface EngineResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON when the engine sent JSON, else the text. */
  body: unknown;
}

export interface Transport {
  request(req: EngineRequest): Promise<EngineResponse>;
}

/**
 * An engine error answer as docker-modem reports it (`statusCode`, `json.message`). Every
 * transport and the in-memory engine throw this one shape, so one classifier
 * (classify-error.ts) serves them all.
 */
export function engineHttpError(statusCode: number, body: unknown): Error {
  const message =
    body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string'
      ? (body as { message: string }).message
      : typeof body === 'string'
        ? body
        : '';
  return Object.assign(new Error(`(HTTP code ${statusCode}) ${message}`), {
    statusCode,
    json: { message },
  });
}

/** `?a=1&filters=...` with undefined values dropped; objects are sent as JSON, as the API wants. */
export function queryString(query: EngineRequest['query']): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined) continue;
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Parse a body by its content type: JSON when it says so (and parses), else text. */
export function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  const text = raw.toString('utf8');
  if (contentType?.includes('json') && text.trim() !== '') {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}
