import type { SourceLoc } from '../../diag/diagnostic.js';
import type { PortConfig } from '../../model/compose.js';
import { getLoc, getSelfLoc } from '../../model/locations.js';
import type { NestNode, Scope } from '../types.js';
import { walkNodes } from '../types.js';
import { parseSpan, type PortSpan } from './port-span.js';

/** One published host port (or host range) of one canonical `ports` entry: a claim on the host. */
export interface Claim {
  node: NestNode;
  /** Index in the service's canonical `ports` list (the key of `previousPorts`). */
  index: number;
  /** The entry itself; allocation writes the new `published` into it. */
  config: PortConfig;
  protocol: string;
  /** `host_ip` as written, `''` for none. */
  hostIp: string;
  /** `published` as written. */
  written: string;
  /** The host ports it holds now: the written ones until it moves. */
  span: PortSpan;
  /** The written entry it came from. */
  loc?: SourceLoc;
  /** Set for a port a container outside the project holds (`foreign-claims.ts`): its name. */
  foreign?: string;
}

/**
 * Claims that move as one contiguous block: the entries one written entry expanded to (a
 * container range), and the tcp / udp / sctp halves of one mapping, so that a protocol pair
 * like `53:53/tcp` + `53:53/udp` never ends up split across two host ports.
 */
export interface ClaimGroup {
  node: NestNode;
  /** In index order. */
  members: Claim[];
}

/**
 * Every claim of the graph, grouped, in claim order: depth (outermost first), nest path (plain
 * string order), then the group's first entry index. The order of keys in a file never matters,
 * so the same topology always gets the same ports.
 */
export function collectClaimGroups(root: Scope): ClaimGroup[] {
  const nodes = [...walkNodes(root)].sort(
    (a, b) => a.depth - b.depth || (a.nestPath < b.nestPath ? -1 : a.nestPath > b.nestPath ? 1 : 0),
  );
  const groups: ClaimGroup[] = [];
  for (const node of nodes) groups.push(...nodeGroups(node));
  return groups;
}

/** The groups of one service, ordered by their first entry. */
function nodeGroups(node: NestNode): ClaimGroup[] {
  const list = node.service.ports;
  if (!list || list.length === 0) return [];
  const byEntry = new Map<string, Claim[]>();
  const groups: Claim[][] = [];
  list.forEach((config, index) => {
    const span = parseSpan(config.published);
    if (!span) return; // ephemeral: the engine picks a port, nothing to claim
    const loc = getLoc(list, index) ?? getSelfLoc(config);
    const claim: Claim = {
      node,
      index,
      config,
      protocol: config.protocol ?? 'tcp',
      hostIp: config.host_ip ?? '',
      written: String(config.published),
      span,
      ...(loc ? { loc } : {}),
    };
    // Entries expanded from one written entry share its position; an entry without one is alone.
    const key = list.length === 1 ? '' : loc ? `${loc.file}:${loc.line}:${loc.col}` : `#${index}`;
    const same = byEntry.get(key);
    if (same) same.push(claim);
    else {
      const group = [claim];
      byEntry.set(key, group);
      groups.push(group);
    }
  });
  if (groups.length === 1) return [{ node, members: groups[0]! }];
  return mergeProtocolHalves(groups).map((members) => ({ node, members }));
}

/**
 * Join groups that map the same host address, host ports and container ports and differ only
 * in protocol: the halves of one mapping. A group joins the first earlier one that has none of
 * its protocols yet.
 */
function mergeProtocolHalves(groups: Claim[][]): Claim[][] {
  const out: { shape: string; protocols: Set<string>; members: Claim[] }[] = [];
  for (const group of groups) {
    const shape = group
      .map((c) => `${c.hostIp}|${c.written}|${c.config.target}`)
      .sort()
      .join(',');
    const protocols = new Set(group.map((c) => c.protocol));
    if (protocols.size !== 1) {
      out.push({ shape: '', protocols, members: group });
      continue;
    }
    const into = out.find(
      (g) => g.shape === shape && [...protocols].every((p) => !g.protocols.has(p)),
    );
    if (into) {
      into.members.push(...group);
      into.members.sort((a, b) => a.index - b.index);
      for (const p of protocols) into.protocols.add(p);
    } else out.push({ shape, protocols, members: [...group] });
  }
  return out.map((g) => g.members);
}
