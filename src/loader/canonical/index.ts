import type { Diagnostics } from '../../diag/diagnostic.js';
import type { RawModel } from '../../model/compose.js';
import { buildSsh } from './build-ssh.js';
import { dependsOn } from './depends-on.js';
import { devices } from './devices.js';
import { duration } from './duration.js';
import { envFile } from './env-file.js';
import { expose } from './expose.js';
import { external } from './external.js';
import { extraHosts } from './extra-hosts.js';
import { healthcheckTest } from './healthcheck-test.js';
import { include } from './include.js';
import { keyValue, strictKeyValue } from './key-value.js';
import { ports } from './ports.js';
import { serviceNetworks } from './service-networks.js';
import { shellCommand } from './shell-command.js';
import { volumes } from './volumes.js';
import { compileTable, walk, type TransformTable } from './walk.js';
import { stringToList, wrapItems, wrapString } from './wrap.js';
import { xNest } from './x-nest.js';

const nullable = keyValue('nullable');
const empty = keyValue('empty');

/**
 * Short syntax → long syntax, keyed by path as compose-go's `transformers` are. A pattern's
 * transform runs before the patterns below it (`build` becomes a mapping, then `build.args`).
 * docs/syntax.md lists every entry with its long form; keep the two in step.
 */
export const CANONICAL_TRANSFORMS: TransformTable = {
  'services.*.ports': ports,
  'services.*.expose': expose,
  'services.*.volumes': volumes,
  'services.*.environment': nullable,
  'services.*.labels': empty,
  'services.*.annotations': empty,
  'services.*.sysctls': empty,
  'services.*.extra_hosts': extraHosts,
  'services.*.depends_on': dependsOn,
  'services.*.networks': serviceNetworks,
  'services.*.env_file': envFile,
  'services.*.build': wrapString('context'),
  'services.*.build.args': nullable,
  'services.*.build.labels': empty,
  'services.*.build.extra_hosts': extraHosts,
  'services.*.build.additional_contexts': strictKeyValue,
  'services.*.build.ssh': buildSsh,
  'services.*.build.secrets': wrapItems('source'),
  'services.*.secrets': wrapItems('source'),
  'services.*.configs': wrapItems('source'),
  'services.*.extends': wrapString('service'),
  'services.*.command': shellCommand,
  'services.*.entrypoint': shellCommand,
  'services.*.post_start.*.command': shellCommand,
  'services.*.post_start.*.environment': nullable,
  'services.*.pre_stop.*.command': shellCommand,
  'services.*.pre_stop.*.environment': nullable,
  'services.*.healthcheck.test': healthcheckTest,
  'services.*.healthcheck.interval': duration,
  'services.*.healthcheck.timeout': duration,
  'services.*.healthcheck.start_period': duration,
  'services.*.healthcheck.start_interval': duration,
  'services.*.stop_grace_period': duration,
  'services.*.deploy.labels': empty,
  'services.*.deploy.restart_policy.delay': duration,
  'services.*.deploy.restart_policy.window': duration,
  'services.*.deploy.update_config.delay': duration,
  'services.*.deploy.update_config.monitor': duration,
  'services.*.deploy.rollback_config.delay': duration,
  'services.*.deploy.rollback_config.monitor': duration,
  'services.*.tmpfs': stringToList,
  'services.*.dns': stringToList,
  'services.*.dns_search': stringToList,
  'services.*.label_file': stringToList,
  'services.*.devices': devices,
  'services.*.x-nest': xNest,
  'networks.*': external,
  'networks.*.labels': empty,
  'volumes.*': external,
  'volumes.*.labels': empty,
  'configs.*': external,
  'configs.*.labels': empty,
  'secrets.*': external,
  'secrets.*.labels': empty,
  include: include,
};

const TRIE = compileTable(CANONICAL_TRANSFORMS);

/**
 * The canonical stage: rewrites one validated file's short syntaxes into the long syntax, in
 * place, keeping source positions (what was derived from written text counts as written; what
 * Compose fills in does not). Runs once per file before merging, so the merge stage sees one
 * shape per field. Linear in the size of the file.
 */
export function canonicalize(model: RawModel, diags: Diagnostics): void {
  walk(TRIE, model, [], diags);
}
