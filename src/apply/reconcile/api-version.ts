/**
 * Engine API versions (`1.41`, `1.45`) compare as numbers per component, not as strings or
 * floats: `1.9` is older than `1.41`.
 */
export function compareApiVersions(a: string, b: string): number {
  const pa = a.split('.').map((n) => Number.parseInt(n, 10) || 0);
  const pb = b.split('.').map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The first Docker release of an API version, for messages: users know "Docker 26", not
 * "API 1.45". Versions not listed are named by their API version only.
 */
const DOCKER_RELEASE: Readonly<Record<string, string>> = {
  '1.41': '20.10',
  '1.42': '23.0',
  '1.43': '24.0',
  '1.44': '25.0',
  '1.45': '26.0',
  '1.46': '27.0',
};

/** `API 1.45 (Docker 26.0)`, or `API 1.50` for a version this table does not know. */
export function describeApiVersion(version: string): string {
  const release = DOCKER_RELEASE[version];
  return release ? `API ${version} (Docker ${release})` : `API ${version}`;
}
