import type { ServiceFileRef } from '../../model/compose.js';
import { getLoc, getSelfLoc } from '../../model/locations.js';
import type { NestNode, Scope } from '../types.js';
import type { Mount } from './mounts.js';
import { normalizeAbs } from './translate.js';

/**
 * The file-based configs and secrets a service uses, as read-only file mounts. Compose mounts a
 * config's `file` at `target` (default `/<name>`) and a secret's at `/run/secrets/<target>`
 * (default `/run/secrets/<name>`), where `name` is the name the service's own file uses: the
 * inner name, not the flat key. Configs from `environment` or `content` have no host file and a
 * child cannot share them.
 */
export function fileMounts(node: NestNode): Mount[] {
  return [...refs(node, 'configs'), ...refs(node, 'secrets')];
}

function refs(node: NestNode, kind: 'configs' | 'secrets'): Mount[] {
  const list = node.service[kind];
  if (!Array.isArray(list)) return [];
  const out: Mount[] = [];
  list.forEach((ref: ServiceFileRef, i) => {
    if (!ref || typeof ref.source !== 'string') return;
    const name = innerName(node.scope, kind, ref.source);
    const file = node.scope[kind][name]?.file;
    if (typeof file !== 'string' || file === '') return;
    const loc = getSelfLoc(ref) ?? getLoc(list, i);
    out.push({
      kind: 'file',
      target: fileTarget(kind, name, ref.target),
      source: file,
      readOnly: true,
      ...(loc ? { loc } : {}),
    });
  });
  return out;
}

/** Where Compose puts a config or secret file inside the container. */
export function fileTarget(kind: 'configs' | 'secrets', name: string, target?: string): string {
  const base = kind === 'secrets' ? '/run/secrets/' : '/';
  if (!target) return base + name;
  return normalizeAbs(target.startsWith('/') ? target : base + target);
}

/** The inner name of a resource from its flat key (names stage: inner name → flat key). */
export function innerName(
  scope: Scope,
  kind: 'configs' | 'secrets' | 'volumes',
  flat: string,
): string {
  for (const [inner, key] of scope.keys[kind]) if (key === flat) return inner;
  return flat;
}
