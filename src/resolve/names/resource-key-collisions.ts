import type { ResolveContext, ResourceKind, Scope } from '../types.js';
import { walkScopes } from '../types.js';
import { describeResource, resourceLoc } from './describe.js';
import { scopesInClaimOrder } from './order.js';
import { RESOURCE_KINDS } from './resource-keys.js';

/**
 * Flat resource keys must be unique per kind across all scopes: the flat file has one
 * `networks:` map, so a root network `agent-default` and agent's `default` would be one entry.
 * The later scope in claim order gets the error, which names both declarations.
 */
export function checkResourceKeys(root: Scope, ctx: ResolveContext): void {
  const scopes = scopesInClaimOrder(walkScopes(root));
  for (const kind of RESOURCE_KINDS) {
    const taken = new Map<string, { scope: Scope; inner: string }>();
    for (const scope of scopes) {
      for (const [inner, key] of [...scope.keys[kind]].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const first = taken.get(key);
        if (!first) taken.set(key, { scope, inner });
        else report(ctx, kind, key, { scope, inner }, first);
      }
    }
  }
}

function report(
  ctx: ResolveContext,
  kind: ResourceKind,
  key: string,
  later: { scope: Scope; inner: string },
  first: { scope: Scope; inner: string },
): void {
  const firstName = describeResource(first.scope, kind, first.inner);
  ctx.diags.error(
    'nest-resource-key-collision',
    `${describeResource(later.scope, kind, later.inner)} gets the flat key "${key}", which ${firstName} already has`,
    resourceLoc(later.scope, kind, later.inner),
    {
      hint: `rename one of the two ${kind} (an inner key is its scope's flat name, "-", and its own name)`,
      related: [
        {
          message: `${firstName} is declared here`,
          loc: resourceLoc(first.scope, kind, first.inner),
        },
      ],
    },
  );
}
