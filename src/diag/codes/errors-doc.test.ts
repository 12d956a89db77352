import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorsDoc } from './errors-doc.js';
import { CODE_TABLES } from './index.js';

describe('diagnostic codes', () => {
  it('docs/errors.md is generated from the code tables', () => {
    const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
    expect(doc, 'run: npm run build && node scripts/gen-errors-doc.mjs').toBe(errorsDoc());
  });

  it('declares each code once, in kebab-case', () => {
    const seen = new Set<string>();
    for (const t of CODE_TABLES) {
      for (const code of Object.keys(t.codes)) {
        expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
        expect(seen.has(code), code).toBe(false);
        seen.add(code);
      }
    }
  });
});

describe('every emitted code is declared', () => {
  it('finds no undeclared code in the sources', async () => {
    const { readdirSync } = await import('node:fs');
    const path = await import('node:path');
    const { codeInfo } = await import('./index.js');
    const root = new URL('../../', import.meta.url).pathname;
    const files = (readdirSync(root, { recursive: true }) as string[]).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
    );
    const undeclared: string[] = [];
    let found = 0;
    for (const f of files) {
      const text = readFileSync(path.join(root, f), 'utf8');
      for (const m of text.matchAll(
        /\.(?:error|warn)\(\s*'([a-z0-9-]+)'|\bcode: '([a-z0-9-]+)'/g,
      )) {
        const code = (m[1] ?? m[2]) as string;
        found++;
        if (!codeInfo(code)) undeclared.push(`${f}: ${code}`);
      }
    }
    expect(found).toBeGreaterThan(10);
    expect(undeclared).toEqual([]);
  });
});
