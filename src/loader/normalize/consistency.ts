import type { Diagnostics } from '../../diag/diagnostic.js';
import type { Project } from '../../model/compose.js';
import { getKeyLoc, getLoc } from '../../model/locations.js';
import { mapOf, type Obj } from './obj.js';
import { isTrue } from './resource-names.js';

/**
 * The rules of compose-go's `checkConsistency` that are not about names: a service needs an
 * image or a build; `dockerfile` and `dockerfile_inline` exclude each other, as do
 * `network_mode` and `networks`; a `container_name` cannot be shared, by two services or by the
 * replicas of one; a secret that is not external needs a `file` or an `environment`.
 */
export function checkConsistency(project: Project, diags: Diagnostics): void {
  const services = mapOf((project as unknown as Obj).services) ?? {};
  const containerNames = new Map<string, string>();
  for (const name of Object.keys(services)) {
    const service = mapOf(services[name]);
    if (!service) continue;
    const build = mapOf(service.build);
    if (service.image == null && service.build == null)
      diags.error(
        'service-no-image',
        `service "${name}" has neither an image nor a build`,
        getKeyLoc(services, name),
        {
          hint: 'add `image:` or `build:`',
        },
      );
    if (build && build.dockerfile_inline != null && getLoc(build, 'dockerfile'))
      diags.error(
        'build-dockerfile-conflict',
        `service "${name}" sets both build.dockerfile and build.dockerfile_inline`,
        getLoc(build, 'dockerfile'),
      );
    const nets = mapOf(service.networks);
    if (service.network_mode != null && nets && Object.keys(nets).length > 0)
      diags.error(
        'network-mode-and-networks',
        `service "${name}" sets both network_mode and networks`,
        getKeyLoc(service, 'networks'),
        {
          related: [{ message: 'network_mode is set here', loc: getLoc(service, 'network_mode') }],
        },
      );
    checkContainerName(name, service, containerNames, services, diags);
  }
  for (const [name, s] of Object.entries(mapOf((project as unknown as Obj).secrets) ?? {})) {
    const secret = mapOf(s) ?? {};
    if (isTrue(secret.external) || secret.file != null || secret.environment != null) continue;
    diags.error(
      'secret-no-source',
      `secret "${name}" declares neither file nor environment`,
      getKeyLoc(mapOf((project as unknown as Obj).secrets) ?? {}, name),
    );
  }
}

function checkContainerName(
  name: string,
  service: Obj,
  seen: Map<string, string>,
  services: Obj,
  diags: Diagnostics,
): void {
  const cn = service.container_name;
  if (typeof cn !== 'string' || cn === '') return;
  const deploy = mapOf(service.deploy);
  const scale = Number(service.scale ?? deploy?.replicas ?? 1);
  if (scale > 1)
    diags.error(
      'container-name-with-scale',
      `service "${name}" sets container_name and ${service.scale != null ? 'scale' : 'deploy.replicas'} ${String(scale)}; a container name must be unique`,
      getLoc(service, 'container_name'),
    );
  const first = seen.get(cn);
  if (first === undefined) {
    seen.set(cn, name);
    return;
  }
  diags.error(
    'container-name-duplicate',
    `container name "${cn}" of service "${name}" is already used by service "${first}"`,
    getLoc(service, 'container_name'),
    {
      related: [
        {
          message: `service "${first}" sets it here`,
          loc: getLoc(mapOf(services[first]) ?? {}, 'container_name'),
        },
      ],
    },
  );
}
