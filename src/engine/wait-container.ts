import type { ContainerDetails } from './types.js';

/** How long and how often to poll. */
export interface WaitOptions {
  /** Give up after this many milliseconds. */
  timeoutMs: number;
  /** Between two inspects; default 200 ms. */
  intervalMs?: number;
  signal?: AbortSignal;
}

/**
 * How a wait for health ended. Only `healthy` lets a `service_healthy` dependent start; the
 * others carry the last inspect so the executor's message can say what the container did.
 */
export type HealthWait =
  | { outcome: 'healthy'; details: ContainerDetails }
  | {
      outcome: 'unhealthy' | 'exited' | 'no-healthcheck' | 'timeout';
      details: ContainerDetails;
    };

/** How a wait for exit ended (`service_completed_successfully` wants exit code 0). */
export type ExitWait =
  | { outcome: 'exited'; exitCode: number; details: ContainerDetails }
  | { outcome: 'timeout'; details: ContainerDetails };

type Inspect = (idOrName: string) => Promise<ContainerDetails>;

/**
 * Poll inspect until the container is healthy, unhealthy, stopped, or the deadline passes. The
 * engine has no "wait for healthy" call; polling inspect is what docker compose does too.
 */
export async function waitHealthy(
  inspect: Inspect,
  idOrName: string,
  opts: WaitOptions,
): Promise<HealthWait> {
  const deadline = Date.now() + opts.timeoutMs;
  for (;;) {
    const details = await inspect(idOrName);
    if (details.state !== 'running' && details.state !== 'restarting') {
      return { outcome: 'exited', details };
    }
    if (details.health === 'healthy') return { outcome: 'healthy', details };
    if (details.health === 'unhealthy') return { outcome: 'unhealthy', details };
    if (details.health === 'none') return { outcome: 'no-healthcheck', details };
    if (Date.now() >= deadline) return { outcome: 'timeout', details };
    await pause(opts, deadline);
  }
}

/** Poll inspect until the container has stopped (any exit code), or the deadline passes. */
export async function waitExited(
  inspect: Inspect,
  idOrName: string,
  opts: WaitOptions,
): Promise<ExitWait> {
  const deadline = Date.now() + opts.timeoutMs;
  for (;;) {
    const details = await inspect(idOrName);
    if (details.state === 'exited' || details.state === 'dead') {
      return { outcome: 'exited', exitCode: details.exitCode, details };
    }
    if (Date.now() >= deadline) return { outcome: 'timeout', details };
    await pause(opts, deadline);
  }
}

/** Sleep one interval (never past the deadline); an aborted signal ends the wait at once. */
function pause(opts: WaitOptions, deadline: number): Promise<void> {
  opts.signal?.throwIfAborted();
  const ms = Math.max(0, Math.min(opts.intervalMs ?? 200, deadline - Date.now()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      opts.signal?.removeEventListener('abort', abort);
      resolve();
    }
    function abort(): void {
      clearTimeout(timer);
      reject(opts.signal?.reason);
    }
    opts.signal?.addEventListener('abort', abort, { once: true });
  });
}
