import type { Service } from '../../model/compose.js';
import { checkKeys } from './check-keys.js';
import type { DesiredContext } from './context.js';

/**
 * Every top-level service key that some mapper of this directory sends to the engine, or that
 * means nothing for one container by design: `depends_on` orders the plan, `scale` counts the
 * containers, `profiles`, `extends` and `env_file` were applied by the loader, `build` and
 * `pull_policy` concern getting the image (nestc uses the local one; `up` reports a missing
 * image), `attach` only concerns log streaming. Anything else a service sets is reported.
 */
// prettier-ignore
const MAPPED = [
  // identity and process
  'image', 'build', 'pull_policy', 'pull_refresh_after', 'command', 'entrypoint', 'environment',
  'working_dir', 'user', 'labels', 'hostname', 'domainname', 'tty', 'stdin_open', 'stop_signal',
  'stop_grace_period', 'mac_address', 'container_name', 'healthcheck', 'restart', 'init',
  // security and kernel
  'privileged', 'read_only', 'cap_add', 'cap_drop', 'security_opt', 'group_add', 'sysctls',
  'ulimits', 'shm_size', 'tmpfs', 'runtime', 'isolation', 'storage_opt', 'annotations',
  'oom_score_adj', 'oom_kill_disable', 'userns_mode', 'cgroup', 'cgroup_parent', 'pid', 'ipc',
  'uts',
  // resources
  'cpus', 'cpu_shares', 'cpu_quota', 'cpu_period', 'cpu_rt_period', 'cpu_rt_runtime', 'cpuset',
  'mem_limit', 'memswap_limit', 'mem_reservation', 'mem_swappiness', 'pids_limit', 'devices',
  'device_cgroup_rules', 'blkio_config', 'deploy', 'scale',
  // network
  'network_mode', 'networks', 'ports', 'expose', 'extra_hosts', 'dns', 'dns_search', 'dns_opt',
  'links', 'external_links',
  // storage
  'volumes', 'volumes_from', 'configs', 'secrets',
  // logging, order, and what the loader already applied
  'logging', 'depends_on', 'profiles', 'extends', 'env_file', 'attach',
] as const;

/** Keys nestc knowingly does not apply, with what to say about each. */
const UNSUPPORTED: Readonly<Record<string, string>> = {
  platform:
    'nestc does not pass a platform to the engine yet (it would run the image for the engine default platform)',
  gpus: 'nestc does not request GPUs from the engine yet',
  post_start: 'nestc does not run lifecycle hooks yet',
  pre_stop: 'nestc does not run lifecycle hooks yet',
  pre_start: 'nestc does not run lifecycle hooks yet',
  provider: 'nestc does not run provider services',
  models: 'nestc does not run models',
  use_api_socket: 'nestc does not pass the engine socket this way; use x-nest socket: host',
  label_file: 'nestc does not read label files yet; write the labels under labels',
  cpu_count: 'cpu_count applies to Windows containers only',
  cpu_percent: 'cpu_percent applies to Windows containers only',
  credential_spec: 'credential_spec applies to Windows containers only',
};

const IGNORED: Readonly<Record<string, string>> = {
  develop: 'development settings are used by `docker compose watch`, not by `up`',
};

/** Report every top-level key of a service that no mapper applies. */
export function checkServiceKeys(ctx: DesiredContext, name: string, service: Service): void {
  checkKeys(ctx, name, service, '', { mapped: MAPPED, ignored: IGNORED, unsupported: UNSUPPORTED });
  const policy = service.pull_policy;
  if (typeof policy === 'string' && !['missing', 'never', 'if_not_present'].includes(policy)) {
    ctx.ignored(
      name,
      'pull_policy',
      ctx.locOf(name, service, 'pull_policy'),
      `nestc does not pull or build images yet; it uses the image on the engine (pull_policy "${policy}" is not applied)`,
    );
  }
}
