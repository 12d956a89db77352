import type { ApplyEvent } from '../apply/execute/events.js';
import type { Diagnostic } from '../diag/diagnostic.js';
import { diagnosticsToJson } from '../diag/render.js';

/**
 * `up --json` and `down --json`: one JSON object per line (JSON Lines), documented in
 * docs/up.md ("Progress as JSON"). Every line has `type`; an operation's lines carry its
 * `address` (as in the plan's JSON), kind, engine name, nest path and action. Keys are
 * snake_case, as in the plan's JSON.
 */
export function jsonEventLine(e: ApplyEvent): string {
  const op = e.op;
  const base = {
    type: e.type,
    address: op.id,
    kind: op.kind,
    name: op.name,
    nest_path: op.kind === 'container' && op.label !== '' ? op.label : null,
    action: op.action,
  };
  switch (e.type) {
    case 'op-start':
    case 'op-wait':
    case 'rollback':
      return jsonLine({ ...base, step: e.step });
    case 'op-done':
      return jsonLine({ ...base, ms: Math.round(e.ms) });
    case 'op-failed':
      return jsonLine({ ...base, message: e.message });
    case 'op-skipped':
      return jsonLine({ ...base, reason: e.reason });
    case 'op-ready':
      return jsonLine({ ...base, state: e.state });
  }
}

/** One diagnostic as a line: `{"type":"diagnostic","code":...}`, fields as in `--json` documents. */
export function jsonDiagnosticLine(d: Diagnostic): string {
  const [entry] = (diagnosticsToJson([d]) as { diagnostics: object[] }).diagnostics;
  return jsonLine({ type: 'diagnostic', ...entry });
}

/** Any object as one line of JSON with its newline. */
export function jsonLine(value: object): string {
  return `${JSON.stringify(value)}\n`;
}
