export { compareApiVersions } from '../../engine/api-version.js';

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
