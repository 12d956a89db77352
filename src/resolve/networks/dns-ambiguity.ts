import type { NestNode, ResolveContext, Scope } from '../types.js';
import { walkNodes, walkScopes } from '../types.js';

/** One container on one engine network, under the flat key its service uses for it. */
interface Member {
  node: NestNode;
  key: string;
}

/** Who answers one name for one container: each member with the networks it answers on. */
type Answers = Map<NestNode, string[]>;

/**
 * A container that could resolve one name to two different containers gets a warning naming
 * both (rule 4): the engine's DNS answers either, so `db` in the parent may reach the root
 * `db` or its child `db`. A container resolves, on each network it joins, every member's flat
 * name, `container_name` and aliases on that network. Networks are compared by engine name,
 * so two flat keys for one external network are one network. Containers with `network_mode`
 * join no network and are skipped. One warning per (container, name), in tree order.
 */
export function warnDnsAmbiguity(root: Scope, ctx: ResolveContext): void {
  const engineName = engineNames(root);
  const idOf = (key: string): string => engineName.get(key) ?? key;
  const members = new Map<string, Member[]>();
  for (const node of walkNodes(root)) {
    if (node.service.network_mode != null) continue;
    for (const key of Object.keys(node.service.networks ?? {})) {
      const id = idOf(key);
      let list = members.get(id);
      if (!list) members.set(id, (list = []));
      list.push({ node, key });
    }
  }
  for (const node of walkNodes(root)) {
    if (node.service.network_mode != null) continue;
    const answers = new Map<string, Answers>();
    const ids = new Set<string>();
    for (const key of Object.keys(node.service.networks ?? {})) {
      const id = idOf(key);
      if (ids.has(id)) continue;
      ids.add(id);
      for (const m of members.get(id) ?? []) {
        for (const name of namesOn(m)) record(answers, name, m.node, key);
      }
    }
    for (const name of [...answers.keys()].sort()) {
      const who = answers.get(name) as Answers;
      if (who.size > 1) report(ctx, node, name, who);
    }
  }
}

/** Engine name of each flat network key, from every scope's declarations. */
function engineNames(root: Scope): Map<string, string> {
  const out = new Map<string, string>();
  for (const scope of walkScopes(root)) {
    for (const [inner, key] of scope.keys.networks) {
      const name = scope.networks[inner]?.name;
      out.set(key, typeof name === 'string' ? name : key);
    }
  }
  return out;
}

/** The names a member answers to on one network. */
function namesOn(m: Member): Set<string> {
  const names = new Set<string>([m.node.flatName]);
  const cn = m.node.service.container_name;
  if (typeof cn === 'string' && cn !== '') names.add(cn);
  for (const a of m.node.service.networks?.[m.key]?.aliases ?? []) names.add(a);
  return names;
}

function record(answers: Map<string, Answers>, name: string, node: NestNode, net: string): void {
  let who = answers.get(name);
  if (!who) answers.set(name, (who = new Map()));
  const nets = who.get(node);
  if (!nets) who.set(node, [net]);
  else if (!nets.includes(net)) nets.push(net);
}

function report(ctx: ResolveContext, node: NestNode, name: string, who: Answers): void {
  const list = [...who].sort(([a], [b]) => (a.nestPath < b.nestPath ? -1 : 1));
  const parts = list.map(([n, nets]) => `"${n.nestPath}" (network ${nets.join(', ')})`);
  const flat = list.map(([n]) => n.flatName).join(', ');
  ctx.diags.warn(
    'nest-dns-ambiguous',
    `service "${node.nestPath}" can resolve "${name}" to ${String(list.length)} services: ${parts.join(' and ')}`,
    node.loc,
    {
      hint: `DNS answers any of them; rename one, or use a name only one answers to (flat names: ${flat})`,
      related: list.map(([n, nets]) => ({
        message: `service "${n.nestPath}" answers to "${name}" on ${nets.join(', ')}`,
        loc: n.loc,
      })),
    },
  );
}
