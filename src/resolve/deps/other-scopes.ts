import type { NestNode, Scope } from '../types.js';
import { walkNodes } from '../types.js';

/**
 * Every service of the tree by its inner name, in (depth, nest path) order. A reference that
 * its own scope cannot resolve is looked up here, so the error can say where a service of that
 * name does live instead of only "undefined service".
 */
export function servicesByName(root: Scope): Map<string, NestNode[]> {
  const out = new Map<string, NestNode[]>();
  for (const node of walkNodes(root)) {
    const list = out.get(node.name);
    if (list) list.push(node);
    else out.set(node.name, [node]);
  }
  for (const list of out.values()) list.sort(byDepthThenPath);
  return out;
}

function byDepthThenPath(a: NestNode, b: NestNode): number {
  return a.depth - b.depth || (a.nestPath < b.nestPath ? -1 : a.nestPath > b.nestPath ? 1 : 0);
}

/** True when `outer` encloses `inner` (is it, or one of its ancestor scopes). */
function encloses(outer: Scope, inner: Scope): boolean {
  for (let s: Scope | undefined = inner; s; s = s.parent?.scope) if (s === outer) return true;
  return false;
}

/**
 * How `other` sits relative to `own`, in the words an error message uses: users think of
 * scopes as "the parent's" or "a sibling's", not as nest paths.
 */
export function scopeRelation(own: Scope, other: Scope): string {
  if (own.parent && other === own.parent.scope) return 'the parent scope';
  if (encloses(other, own)) return 'an outer scope';
  if (other.parent?.scope === own) return 'a child scope';
  if (encloses(own, other)) return 'an inner scope';
  if (own.parent && other.parent && own.parent.scope === other.parent.scope)
    return 'a sibling scope';
  return 'another scope';
}

/** A scope as a message names it: the root project, or the `x-nest` of its parent service. */
export function scopeLabel(scope: Scope): string {
  return scope.parent ? `the x-nest of "${scope.path}"` : 'the root project';
}
