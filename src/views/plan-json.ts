import type { Plan } from '../apply/types.js';
import { planCounts } from './plan-summary.js';

/**
 * The machine view of a plan (`nestc plan --json`), documented in docs/up.md ("Plans"). It is
 * versioned: `format_version` changes its major number when a field changes meaning or goes
 * away; new fields may appear within a version. Keys are snake_case and always present (`null`
 * when empty), so scripts need no existence checks.
 */
export interface PlanJson {
  format_version: '1';
  project: string;
  resource_changes: {
    /** `container:NAME`, `network:NAME`, `volume:NAME`: unique within the plan. */
    address: string;
    kind: string;
    /** Engine name. */
    name: string;
    /** Nest path of a container (`null` when unknown, and for networks and volumes). */
    nest_path: string | null;
    /** Key in the flat file of a network or volume (`null` for containers). */
    key: string | null;
    action: string;
    reasons: string[];
    /** Addresses of the changes that are applied first. */
    after: string[];
  }[];
  ports: {
    nest_path: string;
    service: string;
    index: number;
    protocol: string;
    host_ip: string;
    target: number;
    written: string;
    published: string;
    reason: string | null;
  }[];
  summary: { create: number; replace: number; start: number; remove: number; unchanged: number };
}

/** The plan as the versioned JSON document (an object; the command serializes it). */
export function planJson(plan: Plan): PlanJson {
  const n = planCounts(plan);
  return {
    format_version: '1',
    project: plan.project,
    resource_changes: plan.operations.map((op) => ({
      address: op.id,
      kind: op.kind,
      name: op.name,
      nest_path: op.kind === 'container' && op.label !== '' ? op.label : null,
      key: op.kind === 'container' ? null : op.label,
      action: op.action,
      reasons: [...op.causes],
      after: [...op.after],
    })),
    ports: plan.ports.map((p) => ({
      nest_path: p.nestPath,
      service: p.service,
      index: p.index,
      protocol: p.protocol,
      host_ip: p.hostIp,
      target: p.target,
      written: p.written,
      published: p.published,
      reason: p.reason ?? null,
    })),
    summary: {
      create: n.create,
      replace: n.replace,
      start: n.start,
      remove: n.remove,
      unchanged: n.unchanged,
    },
  };
}

/** The JSON document as `nestc plan --json` prints it: two-space indent, one trailing newline. */
export function planJsonText(plan: Plan): string {
  return JSON.stringify(planJson(plan), null, 2) + '\n';
}
