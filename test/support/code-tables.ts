import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CODES_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../src/diag/codes',
);

/**
 * Every code declared in any table of `src/diag/codes/*.ts`, found by importing each module and
 * keeping the exported objects shaped like a code table. Read from the files rather than from
 * the index, so that a stage's table counts as soon as it exists, registered or not.
 */
export async function declaredCodes(): Promise<Set<string>> {
  const codes = new Set<string>();
  for (const f of fs.readdirSync(CODES_DIR).sort()) {
    if (!f.endsWith('.ts') || f.endsWith('.test.ts') || f.endsWith('.d.ts')) continue;
    const mod = (await import(path.join(CODES_DIR, f))) as Record<string, unknown>;
    for (const table of Object.values(mod)) {
      if (!isCodeTable(table)) continue;
      for (const code of Object.keys(table)) codes.add(code);
    }
  }
  return codes;
}

function isCodeTable(v: unknown): v is Record<string, { meaning: string; fix: string }> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const entries = Object.values(v);
  return (
    entries.length > 0 &&
    entries.every(
      (e) =>
        e !== null &&
        typeof e === 'object' &&
        typeof (e as { meaning?: unknown }).meaning === 'string' &&
        typeof (e as { fix?: unknown }).fix === 'string',
    )
  );
}
