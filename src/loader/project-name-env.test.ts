import { describe, expect, it } from 'vitest';
import { envWithProjectName } from './project-name-env.js';
import type { ProjectSetup } from './project-setup.js';

const setup = (over: Partial<ProjectSetup> = {}): ProjectSetup => ({
  files: ['/p/My App/compose.yaml'],
  projectDir: '/p/My App',
  env: { STAGE: 'ci' },
  profiles: [],
  ...over,
});

describe('envWithProjectName', () => {
  it('offers the interpolated name: of the file', () => {
    const env = envWithProjectName(setup(), [{ name: 'shop-${STAGE}' }]);
    expect(env.COMPOSE_PROJECT_NAME).toBe('shop-ci');
    expect(env.STAGE).toBe('ci');
  });

  it('prefers -p, and the last file that sets name:', () => {
    expect(
      envWithProjectName(setup({ explicitName: { value: 'flag', from: 'flag' } }), [{ name: 'x' }])
        .COMPOSE_PROJECT_NAME,
    ).toBe('flag');
    expect(
      envWithProjectName(setup(), [{ name: 'a' }, {}, { name: 'b' }]).COMPOSE_PROJECT_NAME,
    ).toBe('b');
  });

  it('falls back to the normalized directory name', () => {
    expect(envWithProjectName(setup(), [{}]).COMPOSE_PROJECT_NAME).toBe('myapp');
  });

  it('keeps a COMPOSE_PROJECT_NAME the environment already sets', () => {
    const env = envWithProjectName(setup({ env: { COMPOSE_PROJECT_NAME: 'mine' } }), [
      { name: 'x' },
    ]);
    expect(env.COMPOSE_PROJECT_NAME).toBe('mine');
  });
});
