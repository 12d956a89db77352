/**
 * Addresses that, inside a container, mean the container itself or the host, never a sibling
 * (NESTFILE.md rule 7): loopback, Docker Desktop's host name, and the default bridge's gateway.
 */
export const HOST_ONLY_ADDRESSES = [
  'localhost',
  '127.0.0.1',
  '[::1]',
  'host.docker.internal',
  '172.17.0.1',
] as const;

/** One `HOST:PORT` in a value: `localhost:5432`, or inside `postgres://u@127.0.0.1:5432/db`. */
export interface HostPortRef {
  /** As written in the value (`LOCALHOST` keeps its case). */
  host: string;
  port: number;
  /** `host:port` as written, for messages. */
  text: string;
}

const escape = (s: string): string => s.replace(/[.[\]]/g, '\\$&');

/**
 * A host must not continue a longer name or address (`mylocalhost`, `10.127.0.0.1`), and a port
 * must not continue into more digits.
 */
const PATTERN = new RegExp(
  `(?<![\\w.-])(${HOST_ONLY_ADDRESSES.map(escape).join('|')}):(\\d{1,5})(?!\\d)`,
  'gi',
);

/** Every host-only `HOST:PORT` in `value`, in order. */
export function findHostPortRefs(value: string): HostPortRef[] {
  const refs: HostPortRef[] = [];
  for (const m of value.matchAll(PATTERN)) {
    const port = Number(m[2]);
    if (port < 1 || port > 65535) continue;
    refs.push({ host: m[1] as string, port, text: m[0] });
  }
  return refs;
}
