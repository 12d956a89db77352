import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fallbackProjectName } from './fallback-name.js';

function dir(files: Record<string, string> = {}, name = 'My App'): string {
  const d = path.join(mkdtempSync(path.join(os.tmpdir(), 'nestc-fallback-')), name);
  mkdirSync(d);
  for (const [f, text] of Object.entries(files)) writeFileSync(path.join(d, f), text);
  return d;
}

describe('fallbackProjectName', () => {
  it('takes -p, then COMPOSE_PROJECT_NAME', () => {
    const cwd = dir();
    const env = { COMPOSE_PROJECT_NAME: 'fromenv' };
    expect(fallbackProjectName({ projectName: 'flag', files: [], cwd, env })).toBe('flag');
    expect(fallbackProjectName({ files: [], cwd, env })).toBe('fromenv');
  });

  it('reads a plain name: from a file that has errors Compose would report', () => {
    const cwd = dir({ 'compose.yaml': 'name: ci\nservices:\n  web:\n    image: [\n' });
    // The YAML is broken past the name; then the directory decides.
    expect(fallbackProjectName({ files: [], cwd, env: {} })).toBe('myapp');
    const ok = dir({ 'compose.yaml': 'name: ci\nservices:\n  web:\n    imagee: x\n' });
    expect(fallbackProjectName({ files: [], cwd: ok, env: {} })).toBe('ci');
  });

  it('does not guess an interpolated name, and falls back to the directory, normalized', () => {
    const cwd = dir({ 'compose.yaml': 'name: ${NAME}\n' });
    expect(fallbackProjectName({ files: [], cwd, env: {} })).toBe('myapp');
  });

  it('uses the directory of -f, or --project-directory', () => {
    const cwd = dir({ 'nest.yaml': 'services: {}\n' }, 'proj');
    expect(fallbackProjectName({ files: ['nest.yaml'], cwd, env: {} })).toBe('proj');
    expect(fallbackProjectName({ files: [], projectDirectory: '/srv/Other', cwd, env: {} })).toBe(
      'other',
    );
  });
});
