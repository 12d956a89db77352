import { createHash } from 'node:crypto';

/**
 * Longest flat name nestc makes: a DNS label. A flat name is also a network alias and part of
 * the container names Compose derives from it, so it must stay one label.
 */
export const FLAT_NAME_MAX = 63;

/** Hex characters of the hash that keeps a shortened name unique. */
const HASH_LEN = 8;

/** Characters Compose accepts in a service name; anything else becomes `-`. */
const INVALID = /[^a-zA-Z0-9_.-]/g;

/** A container name must begin with a letter or digit. */
const LEADING_PUNCT = /^[_.-]+/;

/**
 * The flat name of a nest path (rule 1), also used for the flat keys of scoped resources.
 * A root name (one segment) is kept as written: the user chose it for the flat file too. Inner
 * names join their segments with `-` (`agent/db` → `agent-db`), readable in `docker ps`. Past
 * 63 characters the LEADING segments are dropped first, because the last ones carry the meaning
 * (cdk8s `names.ts`), and 8 hex characters of the sha256 of the whole nest path are appended so
 * that two long paths with the same tail still differ. Pure and deterministic.
 */
export function flatName(segments: readonly string[]): string {
  if (segments.length === 1) return segments[0] as string;
  const joined = segments.join('-').replace(INVALID, '-').replace(LEADING_PUNCT, '');
  if (joined.length > 0 && joined.length <= FLAT_NAME_MAX) return joined;
  const hash = createHash('sha256').update(segments.join('/')).digest('hex').slice(0, HASH_LEN);
  const tail = keepTail(segments, FLAT_NAME_MAX - HASH_LEN - 1);
  return tail ? `${tail}-${hash}` : hash;
}

/**
 * The last segments (joined, sanitized) that fit in `budget` characters; a single last segment
 * longer than that loses its first characters. Never begins with punctuation.
 */
function keepTail(segments: readonly string[], budget: number): string {
  let tail = '';
  for (let i = segments.length - 1; i >= 0; i--) {
    const next = i === segments.length - 1 ? segments[i]! : `${segments[i]!}-${tail}`;
    if (next.length > budget) {
      if (tail === '') tail = next.slice(next.length - budget);
      break;
    }
    tail = next;
  }
  return tail.replace(INVALID, '-').replace(LEADING_PUNCT, '');
}

/**
 * Flat key of a resource declared in the scope at `scopePath` (`''` for the root, which keeps
 * its keys): the same rule as a service's flat name, so `agent`'s `default` network is
 * `agent-default`.
 */
export function flatKey(scopePath: string, innerName: string): string {
  return scopePath === '' ? innerName : flatName([...scopePath.split('/'), innerName]);
}
