import type { SourceLoc } from '../../diag/diagnostic.js';
import type { NestNode, ResolveContext } from '../types.js';
import { scopeLabel, scopeRelation } from './other-scopes.js';

/** Most services of another scope a message lists by name; the rest are counted. */
const MAX_LISTED = 3;

/**
 * Report a service reference its own scope cannot resolve. When a service of that name exists
 * in another scope the user most likely expected scopes to see each other, so the error says
 * where it is and that references stay within a scope (`nest-ref-other-scope`); otherwise it is
 * the loader's plain `ref-unknown-service`, worded as the loader words it.
 */
export function reportUnresolved(
  node: NestNode,
  name: string,
  how: string,
  loc: SourceLoc | undefined,
  elsewhere: readonly NestNode[],
  ctx: ResolveContext,
): void {
  const where = scopeLabel(node.scope);
  if (elsewhere.length === 0) {
    ctx.diags.error(
      'ref-unknown-service',
      `service "${node.nestPath}" ${how} undefined service "${name}"`,
      loc,
      { hint: `declare service "${name}" in ${where}, or fix the name` },
    );
    return;
  }
  const found = elsewhere
    .slice(0, MAX_LISTED)
    .map((n) => `${n.nestPath} in ${scopeRelation(node.scope, n.scope)}`);
  if (elsewhere.length > MAX_LISTED) found.push(`${elsewhere.length - MAX_LISTED} more`);
  const isParent = elsewhere.some((n) => n === node.scope.parent);
  ctx.diags.error(
    'nest-ref-other-scope',
    `service "${node.nestPath}" ${how} "${name}", which is not a service of its scope (found: ${found.join(', ')})`,
    loc,
    {
      detail:
        `depends_on, links, volumes_from and service:NAME name services of the same scope; ` +
        `in ${where}, "${name}" would be a service declared there, and there is none`,
      hint: isParent
        ? `"${name}" starts this scope: the parent waits for its children (x-nest.wait), so a child cannot wait for it`
        : `declare "${name}" in ${where}, or move the reference to a service of the scope that declares "${name}"`,
      related: elsewhere
        .filter((n) => n.loc)
        .map((n) => ({ message: `${n.nestPath} is declared here`, loc: n.loc })),
    },
  );
}
