import type { CodeTable } from './types.js';

/**
 * Codes of project setup, project name and profiles (src/loader/project-setup.ts,
 * src/loader/setup/*, src/loader/project-name.ts, src/loader/profiles.ts).
 */
export const PROJECT_CODES = {
  'project-no-file': {
    meaning:
      'No Compose file was given (`-f`, `COMPOSE_FILE`) and none was found in the working directory or its parents.',
    fix: 'Run nestc in the directory of your `compose.yaml`, or pass `-f path/to/compose.yaml`.',
  },
  'project-multiple-files': {
    meaning:
      'One directory holds several Compose files (or override files) with supported names; only the first in Compose’s order is used.',
    fix: 'Remove or rename the files you do not use, or name the one you want with `-f`.',
  },
  'project-compose-file-env': {
    meaning: '`COMPOSE_FILE` names a file that does not exist.',
    fix: 'Fix `COMPOSE_FILE` (in the environment or the `.env` file); relative entries resolve against the working directory.',
  },
  'project-env-var-invalid': {
    meaning: 'A Compose setting read from the environment has a value nestc cannot use.',
    fix: 'Set the variable to a value of the documented form, or unset it.',
  },
  'project-name-invalid': {
    meaning:
      'An explicit project name (`-p` or `COMPOSE_PROJECT_NAME`) is not a valid Compose project name.',
    fix: 'Use only lowercase letters, digits, dashes and underscores, starting with a letter or digit.',
  },
  'project-name-normalized': {
    meaning:
      'The top-level `name:` is not a valid project name; Compose lowercases it and drops the other characters, and so does nestc.',
    fix: 'Write the name as it will be used: lowercase letters, digits, dashes and underscores, starting with a letter or digit.',
  },
  'project-name-empty': {
    meaning: 'No usable project name: the name is empty once invalid characters are removed.',
    fix: 'Set a name with `-p`, `COMPOSE_PROJECT_NAME` or a top-level `name:`.',
  },
  'profile-reference-disabled': {
    meaning:
      'An enabled service depends on (or shares a namespace or volumes with) a service that the active profiles disable.',
    fix: 'Activate a profile of the referenced service (`--profile`), give both services a common profile, or mark the `depends_on` entry `required: false`.',
  },
  'profile-unknown-service': {
    meaning: 'A service named on the command line does not exist in the project.',
    fix: 'Check the name against the `services:` of your Compose files (inner services: a nest path such as `agent/db`).',
  },
} as const satisfies CodeTable;
