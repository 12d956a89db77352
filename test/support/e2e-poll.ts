import net from 'node:net';

/**
 * Waiting in the end-to-end scenarios: poll a probe until it answers, with a deadline, never a
 * bare sleep (docker/compose pkg/e2e). A probe returns the value it waited for, or `undefined`
 * / `false` (or throws) for "not yet"; on timeout the error says what was awaited and what the
 * probe saw last, which is usually the whole diagnosis.
 */
export async function pollUntil<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  opts: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const intervalMs = opts.intervalMs ?? 200;
  const deadline = Date.now() + timeoutMs;
  let last = 'the probe never answered';
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
      last = `it answered ${String(v)}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    if (Date.now() >= deadline) {
      throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}; last: ${last}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** A TCP port nothing listens on now on 127.0.0.1 (the kernel's pick). */
export async function freePort(): Promise<number> {
  const server = await listenOn(0);
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** A TCP server on 127.0.0.1:port that accepts and closes (a port taken outside the engine). */
export function listenOn(port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer((s) => s.destroy());
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/** The body of `GET http://127.0.0.1:PORT/`, or a thrown error (refused, timeout, not 200). */
export async function httpGet(port: number, path = '/'): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    signal: AbortSignal.timeout(3000),
  });
  if (res.status !== 200) throw new Error(`GET 127.0.0.1:${port}${path}: HTTP ${res.status}`);
  return (await res.text()).trim();
}
