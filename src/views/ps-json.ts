import type { PsRow } from '../apply/ps/ps-rows.js';

/**
 * `nestc ps --json`: the project's containers as one document, versioned like the plan's JSON
 * (`format_version` changes when a field changes meaning or goes away). Documented in
 * docs/up.md ("Running a project").
 */
export interface PsJson {
  format_version: '1';
  project: string;
  containers: {
    name: string;
    service: string;
    nest_path: string;
    number: number;
    state: string;
    /** `null` when not running or without a healthcheck. */
    health: string | null;
    ports: { host_ip: string; host_port: number; target: number; protocol: string }[];
  }[];
}

export function psJson(project: string, rows: readonly PsRow[]): PsJson {
  return {
    format_version: '1',
    project,
    containers: rows.map((r) => ({
      name: r.name,
      service: r.service,
      nest_path: r.nestPath,
      number: r.number,
      state: r.state,
      health: r.health && r.health !== 'none' ? r.health : null,
      ports: r.ports.map((p) => ({
        host_ip: p.hostIp,
        host_port: p.hostPort,
        target: p.containerPort,
        protocol: p.protocol,
      })),
    })),
  };
}

/** The document as printed: two-space indent, one trailing newline. */
export function psJsonText(project: string, rows: readonly PsRow[]): string {
  return `${JSON.stringify(psJson(project, rows), null, 2)}\n`;
}
