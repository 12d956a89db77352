import net from 'node:net';
import type { Diagnostic } from '../diag/diagnostic.js';
import type { DesiredContainer, ObservedState, Plan } from './types.js';

/**
 * Host ports the plan will bind that something outside the engine already holds (a process
 * listening on the host): the engine would fail half-way through `up` with "port is already
 * allocated", so they are found before anything is created. Only meaningful when the engine
 * runs on this machine (a unix socket); ports the project's own containers hold now are theirs.
 */
export async function preflightPorts(plan: Plan, observed: ObservedState): Promise<Diagnostic[]> {
  const own = new Set(
    observed.containers.flatMap((c) => c.ports.map((p) => `${p.protocol}/${p.hostPort}`)),
  );
  const foreign = new Set(observed.foreignPorts.map((p) => `${p.protocol}/${p.port}`));
  const out: Diagnostic[] = [];
  const checks: Promise<void>[] = [];
  for (const op of plan.operations) {
    if (op.kind !== 'container' || (op.action !== 'create' && op.action !== 'replace')) continue;
    const d = op.desired as DesiredContainer;
    for (const b of bindings(d)) {
      const key = `${b.protocol}/${b.port}`;
      if (b.protocol !== 'tcp' || own.has(key) || foreign.has(key)) continue;
      checks.push(
        inUse(b.hostIp, b.port).then((busy) => {
          if (!busy) return;
          out.push({
            code: 'apply-port-in-use',
            severity: 'error',
            summary: `${d.nestPath}: host port ${b.hostIp || '0.0.0.0'}:${b.port} is in use by a process outside the engine`,
            hint: 'stop what listens there, or publish another port (nested ports move by themselves only when a container holds them)',
            ...(d.loc ? { loc: d.loc } : {}),
          });
        }),
      );
    }
  }
  await Promise.all(checks);
  return out.sort((a, b) => (a.summary < b.summary ? -1 : 1));
}

function bindings(d: DesiredContainer): { hostIp: string; port: number; protocol: string }[] {
  const hc = (d.create.HostConfig ?? {}) as {
    PortBindings?: Record<string, { HostIp?: string; HostPort?: string }[]>;
  };
  const out: { hostIp: string; port: number; protocol: string }[] = [];
  for (const [key, list] of Object.entries(hc.PortBindings ?? {})) {
    const protocol = key.split('/')[1] ?? 'tcp';
    for (const b of list ?? []) {
      const [from, to] = (b.HostPort ?? '').split('-').map(Number);
      if (!from) continue;
      for (let p = from; p <= (to || from); p++)
        out.push({ hostIp: b.HostIp ?? '', port: p, protocol });
    }
  }
  return out;
}

/** Whether binding the port fails with EADDRINUSE (anything else: not our business). */
function inUse(hostIp: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'EADDRINUSE'));
    server.listen({ host: hostIp === '' ? '0.0.0.0' : hostIp, port, exclusive: true }, () =>
      server.close(() => resolve(false)),
    );
  });
}
