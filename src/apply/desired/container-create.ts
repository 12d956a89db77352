import type { DependsOn, Service } from '../../model/compose.js';
import { LABELS, type DesiredContainer } from '../types.js';
import { put, type Body } from './body.js';
import { configHash } from './config-hash.js';
import { containerConfig } from './container-config.js';
import { containerLabels } from './container-labels.js';
import { containerName } from './container-name.js';
import type { DesiredContext } from './context.js';
import { checkDeploy } from './deploy.js';
import { replicaNetworking, serviceNetworking, type ServiceNetworking } from './endpoints.js';
import { fileMounts } from './file-mounts.js';
import { declaresHealthcheck, healthConfig } from './healthcheck.js';
import { hostConfig } from './host-config.js';
import { replicaLinks } from './links.js';
import { serviceMounts } from './mounts.js';
import { namespaces } from './namespaces.js';
import { portBindings } from './port-bindings.js';
import { resources } from './resources.js';
import { restartPolicy } from './restart-policy.js';
import { checkServiceKeys } from './service-keys.js';

/**
 * What every replica of a service shares, mapped once so that each problem of the service is
 * reported once, not once per replica.
 */
export interface ServiceTemplate {
  name: string;
  service: Service;
  /** `ContainerCreate` top-level fields, without labels and networking. */
  config: Body;
  /** `HostConfig`, without networking and links. */
  host: Body;
  networking: ServiceNetworking;
}

/** Map one flat service (all but what differs per replica), reporting what cannot be mapped. */
export function serviceTemplate(ctx: DesiredContext, name: string, s: Service): ServiceTemplate {
  checkServiceKeys(ctx, name, s);
  checkDeploy(ctx, name, s);
  const config = containerConfig(ctx, name, s);
  const host = hostConfig(ctx, name, s);
  const { binds, mounts } = serviceMounts(ctx, name, s);
  const taken = new Set<string>(mounts.map((m) => String(m.Target)));
  for (const b of binds) taken.add(b.split(':')[1] ?? '');
  mounts.push(...fileMounts(ctx, name, s, taken));
  if (binds.length > 0) host.Binds = binds;
  if (mounts.length > 0) host.Mounts = mounts;
  const { exposed, bindings } = portBindings(ctx, name, s);
  put(config, 'ExposedPorts', exposed);
  put(host, 'PortBindings', bindings);
  put(config, 'Healthcheck', healthConfig(ctx, name, s));
  put(host, 'RestartPolicy', restartPolicy(ctx, name, s));
  namespaces(ctx, name, s, host);
  resources(ctx, name, s, host);
  return { name, service: s, config, host, networking: serviceNetworking(ctx, name, s) };
}

/**
 * The desired container of replica `n`: its name, the full create body (labels, host config,
 * the first network) and the networks to connect after create, with the config hash over all of
 * it (and the name), stored in the `io.nestc.config-hash` label.
 */
export function replicaContainer(
  ctx: DesiredContext,
  t: ServiceTemplate,
  n: number,
): DesiredContainer {
  const s = t.service;
  const name = containerName(ctx.project.name, t.name, s, n);
  const links = replicaLinks(ctx, s, n);
  const net = replicaNetworking(t.networking, t.name, name, links);
  // Each replica owns its body: nothing of one is shared with another.
  const create: Body = { ...structuredClone(t.config), Labels: containerLabels(ctx, t.name, s, n) };
  if (net.mac !== undefined && create.MacAddress === undefined) create.MacAddress = net.mac;
  if (net.networkDisabled) create.NetworkDisabled = true;
  const host: Body = { ...structuredClone(t.host), NetworkMode: net.networkMode };
  if (links.length > 0) host.Links = links;
  create.HostConfig = host;
  put(create, 'NetworkingConfig', net.networkingConfig);
  const hash = configHash({ name, create, connect: net.connect });
  (create.Labels as Record<string, string>)[LABELS.configHash] = hash;
  const loc = ctx.serviceLoc(t.name);
  return {
    service: t.name,
    nestPath: ctx.nestPath(t.name),
    number: n,
    name,
    image: String(create.Image),
    create,
    connect: net.connect,
    configHash: hash,
    dependsOn: dependsOn(ctx, s),
    hasHealthcheck: declaresHealthcheck(s.healthcheck),
    ...(loc ? { loc } : {}),
  };
}

/** `depends_on` by flat name, without entries naming a service the project does not have. */
function dependsOn(ctx: DesiredContext, s: Service): Record<string, DependsOn> {
  const out: Record<string, DependsOn> = {};
  const deps = s.depends_on ?? {};
  for (const key of Object.keys(deps).sort()) {
    const d = deps[key];
    if (d && ctx.service(key)) out[key] = { ...d };
  }
  return out;
}
