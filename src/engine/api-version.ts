/**
 * The newest Engine API version nestc is written against. nestc talks to a newer engine at this
 * version (engines serve older versions unchanged), and to an older engine at the engine's own,
 * so response shapes are always ones nestc knows; features gate on the negotiated version
 * (one network at create below 1.44, volume `subpath` from 1.45).
 */
export const CLIENT_MAX_API_VERSION = '1.47';

/** Compare `1.41` and `1.9` as numbers per component: negative, zero or positive. */
export function compareApiVersions(a: string, b: string): number {
  const pa = a.split('.').map((p) => Number.parseInt(p, 10) || 0);
  const pb = b.split('.').map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Whether `version` is at least `min`. */
export function apiAtLeast(version: string, min: string): boolean {
  return compareApiVersions(version, min) >= 0;
}

/**
 * The version to speak: `pinned` (DOCKER_API_VERSION, as the docker CLI honours it) when given,
 * else the lower of the engine's and nestc's.
 */
export function negotiateApiVersion(engineApi: string, pinned?: string): string {
  if (pinned) return pinned;
  return compareApiVersions(engineApi, CLIENT_MAX_API_VERSION) < 0
    ? engineApi
    : CLIENT_MAX_API_VERSION;
}
