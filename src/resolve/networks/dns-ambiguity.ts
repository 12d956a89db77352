import type { NestNode, ResolveContext, Scope } from '../types.js';
import { walkNodes, walkScopes } from '../types.js';

/** Who answers one name for one container: each member with the networks it answers on. */
type Answers = Map<NestNode, string[]>;

/** One engine network: for each name answered on it, the members answering, in tree order. */
interface NetworkNames {
  byName: Map<string, NestNode[]>;
  /** Names that two or more members answer to on this network alone. */
  shared: string[];
}

/**
 * A container that could resolve one name to two different containers gets a warning naming
 * both (rule 4): the engine's DNS answers either, so `db` in the parent may reach the root
 * `db` or its child `db`. A container resolves, on each network it joins, every member's flat
 * name, `container_name` and aliases on that network. Networks are compared by engine name,
 * so two flat keys for one external network are one network. Containers with `network_mode`
 * join no network and are skipped. One warning per (container, name), in tree order.
 *
 * Each network's names are indexed once. A container then looks only at names that can be
 * ambiguous for it: names shared on one of its networks, and the names of all its networks but
 * the largest (a name answered on two networks is on at least one that is not the largest).
 * A parent on its big scope network and its children's small ones so costs the small ones, not
 * every member of the big one, and a large flat graph stays linear.
 */
export function warnDnsAmbiguity(root: Scope, ctx: ResolveContext): void {
  const engineName = engineNames(root);
  const idOf = (key: string): string => engineName.get(key) ?? key;
  const networks = new Map<string, NetworkNames>();
  const nodes = walkNodes(root);
  for (const node of nodes) {
    const s = node.service;
    if (s.network_mode != null || !s.networks) continue;
    const cn = s.container_name;
    for (const key of Object.keys(s.networks)) {
      const id = idOf(key);
      let net = networks.get(id);
      if (!net) networks.set(id, (net = { byName: new Map(), shared: [] }));
      // The names a member answers to on one network: its flat name, container name, aliases.
      answer(net, node, node.flatName);
      if (typeof cn === 'string' && cn !== '') answer(net, node, cn);
      for (const a of s.networks[key]?.aliases ?? []) answer(net, node, a);
    }
  }
  for (const node of nodes) {
    if (node.service.network_mode != null) continue;
    const joined: { key: string; net: NetworkNames }[] = [];
    const ids: string[] = [];
    for (const key of Object.keys(node.service.networks ?? {})) {
      const id = idOf(key);
      if (ids.includes(id)) continue;
      ids.push(id);
      const net = networks.get(id);
      if (net) joined.push({ key, net });
    }
    let largest = joined[0];
    for (const j of joined) if (j.net.byName.size > (largest?.net.byName.size ?? 0)) largest = j;
    // On one network, only its shared names can be ambiguous (and they are distinct).
    if (joined.length === 1 && largest!.net.shared.length === 0) continue;
    const candidates = new Set<string>();
    for (const j of joined) {
      for (const name of j.net.shared) candidates.add(name);
      if (j !== largest) for (const name of j.net.byName.keys()) candidates.add(name);
    }
    for (const name of [...candidates].sort()) {
      const who: Answers = new Map();
      for (const { key, net } of joined) {
        for (const m of net.byName.get(name) ?? []) record(who, m, key);
      }
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

/** `node` answers to `name` on `net`. */
function answer(net: NetworkNames, node: NestNode, name: string): void {
  const who = net.byName.get(name);
  if (!who) net.byName.set(name, [node]);
  // A node's names on one network come one after another (it may also join it twice).
  else if (who[who.length - 1] !== node) {
    who.push(node);
    if (who.length === 2) net.shared.push(name);
  }
}

function record(who: Answers, node: NestNode, net: string): void {
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
