import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR } from './fixture-cases.js';

/**
 * Cases of `fixtures/valid/` that docker-compose 1.29 cannot read, from the committed table in
 * `fixtures/compose-v1-unsupported.md` (rows start with the case name in backquotes): case →
 * the feature that 1.29 predates.
 */
export function v1UnsupportedCases(): Map<string, string> {
  const text = fs.readFileSync(path.join(FIXTURES_DIR, 'compose-v1-unsupported.md'), 'utf8');
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^\|\s*`([^`]+)`\s*\|\s*([^|]+?)\s*\|/.exec(line);
    if (m) out.set(m[1]!, m[2]!);
  }
  return out;
}
