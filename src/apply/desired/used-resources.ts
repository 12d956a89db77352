import { LABELS } from '../types.js';
import type { Body } from './body.js';
import { configHash } from './config-hash.js';

/** What networks and volumes share in the desired state: key, engine name, body and hash. */
export interface DesiredResource {
  key: string;
  name: string;
  external: boolean;
  create: Body;
  configHash: string;
}

/**
 * The declared resources some service uses, in key order (compose-go drops unused ones before
 * Compose v2 creates anything): an external one only needs to exist (no body; its hash covers
 * its name), every other gets `body` with its config hash added as a label.
 */
export function usedResources<T extends { name?: string; external?: boolean }>(
  declared: Record<string, T | undefined>,
  used: ReadonlySet<string>,
  body: (key: string, name: string, value: T) => Body,
): DesiredResource[] {
  const out: DesiredResource[] = [];
  for (const key of Object.keys(declared).sort()) {
    const value = declared[key];
    if (!used.has(key) || !value) continue;
    const name = value.name ?? key;
    if (value.external === true) {
      const hash = configHash({ Name: name, External: true });
      out.push({ key, name, external: true, create: {}, configHash: hash });
      continue;
    }
    const create = body(key, name, value);
    const hash = configHash(create);
    (create.Labels as Record<string, string>)[LABELS.configHash] = hash;
    out.push({ key, name, external: false, create, configHash: hash });
  }
  return out;
}
