import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The package installs as users install it: `npm pack`, install the tarball into an empty
 * directory, run the installed `nestc`, and import the library with its type declarations.
 */
describe('npm package', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'nestc-pack-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('packs, installs into an empty project, and runs', async () => {
    const root = path.resolve(import.meta.dirname, '..');
    await execa('npm', ['pack', '--pack-destination', work, '--loglevel=error'], { cwd: root });
    const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'));
    expect(tgz).toBeDefined();
    const app = path.join(work, 'app');
    await execa('mkdir', ['-p', app]);
    writeFileSync(path.join(app, 'package.json'), '{"name":"app","private":true,"type":"module"}');
    await execa(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
        '--loglevel=error',
        path.join(work, tgz as string),
      ],
      { cwd: app },
    );

    const bin = path.join(app, 'node_modules/.bin/nestc');
    const version = await execa(bin, ['--version']);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);

    writeFileSync(
      path.join(app, 'compose.yaml'),
      'services:\n  web:\n    image: nginx\n    ports: ["8080:80"]\n',
    );
    const config = await execa(bin, ['config', '--format', 'json'], { cwd: app });
    const model = JSON.parse(config.stdout) as { services: { web: { image: string } } };
    expect(model.services.web.image).toBe('nginx');

    writeFileSync(
      path.join(app, 'use.mjs'),
      "import { load } from 'nestc';\nconst r = await load({ files: ['compose.yaml'] });\nconsole.log(Object.keys(r.project.services).join(','));\n",
    );
    expect((await execa('node', ['use.mjs'], { cwd: app })).stdout).toBe('web');
    const types = readdirSync(path.join(app, 'node_modules/nestc/dist'));
    expect(types).toContain('index.d.ts');
    const schema = readdirSync(path.join(app, 'node_modules/nestc/schemas'));
    expect(schema).toContain('nestfile.schema.json');
  }, 120_000);
});
