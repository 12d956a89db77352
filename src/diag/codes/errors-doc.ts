import { CODE_TABLES } from './index.js';

/** The text of docs/errors.md, generated so the documentation cannot drift from the code. */
export function errorsDoc(): string {
  const out: string[] = [
    '# Diagnostic codes',
    '',
    '<!-- Generated from src/diag/codes/*.ts by `node scripts/gen-errors-doc.mjs`; do not edit. -->',
    '',
    'Every problem nestc reports has one of these codes. Codes are stable: CI scripts may match',
    'on them (`nestc ... --json` prints them). Errors stop the command with exit code 1;',
    'warnings are printed and the command goes on.',
    '',
  ];
  for (const t of CODE_TABLES) {
    out.push(`## ${t.title}`, '', '| code | meaning | what to do |', '|---|---|---|');
    for (const [code, info] of Object.entries(t.codes).sort(([a], [b]) => (a < b ? -1 : 1))) {
      out.push(`| \`${code}\` | ${esc(info.meaning)} | ${esc(info.fix)} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

function esc(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
