import { describe, expect, it } from 'vitest';
import type { ApplyEvent } from '../apply/execute/events.js';
import type { Operation } from '../apply/types.js';
import { jsonDiagnosticLine, jsonEventLine } from './progress-json.js';
import { plainProgressLine } from './progress-plain.js';
import { progressMode, progressSink } from './progress-sink.js';
import { TtyProgress } from './progress-tty.js';

const op = (
  kind: Operation['kind'],
  name: string,
  label = '',
  action: Operation['action'] = 'create',
): Operation => ({
  id: `${kind}:${name}`,
  kind,
  action,
  name,
  label,
  causes: [],
  after: [],
});

const NET = op('network', 'ci_default', 'default');
const DB = op('container', 'ci-agent-db-1', 'agent/db');
const WEB = op('container', 'ci-web-1', 'web', 'replace');
const KEPT = op('container', 'ci-cache-1', 'cache', 'unchanged');

describe('plain progress', () => {
  it('writes one line per event: the object, then what happened', () => {
    const events: ApplyEvent[] = [
      { type: 'op-start', op: NET, step: 'creating' },
      { type: 'op-done', op: NET, ms: 35 },
      { type: 'op-wait', op: WEB, step: 'waiting for agent/db to be healthy' },
      { type: 'op-done', op: WEB, ms: 1234 },
      { type: 'op-failed', op: DB, message: 'boom' },
      { type: 'op-skipped', op: WEB, reason: 'an earlier step failed' },
      { type: 'rollback', op: DB, step: 'removing (created by this run)' },
      { type: 'op-ready', op: DB, state: 'healthy' },
    ];
    expect(events.map(plainProgressLine).join('')).toBe(
      [
        'network ci_default: creating',
        'network ci_default: created (35ms)',
        'container ci-web-1 (web): waiting for agent/db to be healthy',
        'container ci-web-1 (web): recreated (1.2s)',
        'container ci-agent-db-1 (agent/db): failed: boom',
        'container ci-web-1 (web): skipped: an earlier step failed',
        'container ci-agent-db-1 (agent/db): rollback: removing (created by this run)',
        'container ci-agent-db-1 (agent/db): healthy',
        '',
      ].join('\n'),
    );
  });
});

describe('JSON progress', () => {
  it('writes one JSON object per line with the address, kind, name, nest path and action', () => {
    const lines = [
      jsonEventLine({ type: 'op-start', op: DB, step: 'creating' }),
      jsonEventLine({ type: 'op-done', op: NET, ms: 12.4 }),
    ];
    expect(lines.every((l) => l.endsWith('\n') && !l.slice(0, -1).includes('\n'))).toBe(true);
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
      {
        type: 'op-start',
        address: 'container:ci-agent-db-1',
        kind: 'container',
        name: 'ci-agent-db-1',
        nest_path: 'agent/db',
        action: 'create',
        step: 'creating',
      },
      {
        type: 'op-done',
        address: 'network:ci_default',
        kind: 'network',
        name: 'ci_default',
        nest_path: null,
        action: 'create',
        ms: 12,
      },
    ]);
  });

  it('writes a diagnostic as a line with the fields of the --json document', () => {
    const line = jsonDiagnosticLine({
      code: 'apply-orphan',
      severity: 'warning',
      summary: 'container "x" ...',
      hint: 'run nestc up --remove-orphans',
    });
    expect(JSON.parse(line)).toEqual({
      type: 'diagnostic',
      code: 'apply-orphan',
      severity: 'warning',
      summary: 'container "x" ...',
      hint: 'run nestc up --remove-orphans',
    });
  });
});

describe('TTY progress', () => {
  it('shows one line per changing object and rewrites them in place', () => {
    let out = '';
    let now = 1000;
    const view = new TtyProgress([NET, KEPT, DB], (s) => void (out += s), {
      color: false,
      columns: 80,
      now: () => now,
    });
    expect(view.frame()).toEqual([
      '· network ci_default                  waiting',
      '· container ci-agent-db-1 (agent/db)  waiting',
    ]);
    view.handle({ type: 'op-start', op: NET, step: 'creating' });
    now += 1500;
    expect(view.frame()[0]).toBe('⠋ network ci_default                  creating 1.5s');
    view.handle({ type: 'op-done', op: NET, ms: 1500 });
    view.handle({ type: 'op-failed', op: DB, message: 'boom' });
    expect(view.frame()).toEqual([
      '✔ network ci_default                  created (1.5s)',
      '✘ container ci-agent-db-1 (agent/db)  failed: boom',
    ]);
    // The first draw moves nothing; every later one goes back up over the 2 lines it drew.
    expect(out.startsWith('\u001b[2K')).toBe(true);
    expect(out.split('\u001b[2F').length - 1).toBe(2);
  });

  it('adds a line for an event about an object it did not list (up --wait on an unchanged one)', () => {
    const view = new TtyProgress([], () => {}, { color: false, columns: 80 });
    view.handle({ type: 'op-ready', op: KEPT, state: 'healthy' });
    expect(view.frame()).toEqual(['✔ container ci-cache-1 (cache)  healthy']);
  });

  it('cuts lines to the terminal width and colours them when asked', () => {
    const narrow = new TtyProgress([DB], () => {}, { color: false, columns: 20 });
    expect(narrow.frame()).toEqual(['· container ci-age…']);
    const coloured = new TtyProgress([DB], () => {}, { color: true, columns: 80 });
    const line = coloured.frame()[0] ?? '';
    expect(line.startsWith('\u001b[2m· container')).toBe(true);
    expect(line.endsWith('\u001b[0m')).toBe(true);
  });
});

describe('progressMode and progressSink', () => {
  it('uses the live view only on a colour terminal that can move its cursor', () => {
    const base = { json: false, color: true, stdoutTty: true, term: 'xterm' };
    expect(progressMode(base)).toBe('tty');
    expect(progressMode({ ...base, stdoutTty: false })).toBe('plain');
    expect(progressMode({ ...base, color: false })).toBe('plain');
    expect(progressMode({ ...base, term: 'dumb' })).toBe('plain');
    expect(progressMode({ ...base, json: true })).toBe('json');
  });

  it('sends events to the chosen view', () => {
    let out = '';
    const sink = progressSink('plain', [DB], (s) => void (out += s));
    sink.onEvent({ type: 'op-start', op: DB, step: 'creating' });
    sink.stop();
    expect(out).toBe('container ci-agent-db-1 (agent/db): creating\n');
  });
});
