import type { Diagnostics } from '../../diag/diagnostic.js';
import { LABELS, type DesiredState, type ObservedState } from '../types.js';
import { compareApiVersions, describeApiVersion } from './api-version.js';
import { imagePresent } from './image-ref.js';
import { ownsNetwork } from './ownership.js';

/**
 * Everything that would make `up` fail halfway, found before anything is created (issue 4:
 * "nothing created"): an engine too old for a feature, an external object that is not there, a
 * name taken by something nestc does not own, an image that is not on the engine. Each is an
 * error that names the object and what to do; any of them means no plan.
 */
export function checkConflicts(
  desired: DesiredState,
  observed: ObservedState,
  diags: Diagnostics,
): void {
  checkApiVersion(desired, observed, diags);
  checkExternal(desired, observed, diags);
  checkNetworkNames(desired, observed, diags);
  checkContainerNames(desired, observed, diags);
  checkImages(desired, observed, diags);
}

function checkApiVersion(desired: DesiredState, observed: ObservedState, diags: Diagnostics) {
  const min = desired.minApiVersion;
  if (!min || compareApiVersions(observed.apiVersion, min.version) >= 0) return;
  diags.error(
    'apply-engine-too-old',
    `${min.why} needs Engine ${describeApiVersion(min.version)} or newer, but the engine speaks ${describeApiVersion(observed.apiVersion)}`,
    min.loc,
    { hint: `upgrade the Docker engine, or change this entry so it does not need the feature` },
  );
}

function checkExternal(desired: DesiredState, observed: ObservedState, diags: Diagnostics) {
  for (const n of desired.networks) {
    if (!n.external || observed.networkNames.has(n.name)) continue;
    diags.error(
      'apply-external-missing',
      `external network "${n.name}" (networks.${n.key}) does not exist on the engine`,
      undefined,
      { hint: `create it first (docker network create ${n.name}), or drop external: true` },
    );
  }
  for (const v of desired.volumes) {
    if (!v.external || observed.volumeNames.has(v.name)) continue;
    diags.error(
      'apply-external-missing',
      `external volume "${v.name}" (volumes.${v.key}) does not exist on the engine`,
      undefined,
      { hint: `create it first (docker volume create ${v.name}), or drop external: true` },
    );
  }
}

function checkNetworkNames(desired: DesiredState, observed: ObservedState, diags: Diagnostics) {
  for (const n of desired.networks) {
    if (n.external || !observed.networkNames.has(n.name)) continue;
    if (ownsNetwork(observed, n.name, desired.project)) continue;
    diags.error(
      'apply-network-in-use',
      `network "${n.name}" (networks.${n.key}) exists on the engine but was not created by nestc for project "${desired.project}"`,
      undefined,
      {
        hint: `remove it (docker network rm ${n.name}) if it is a leftover, or declare it external: true to join it as it is`,
      },
    );
  }
}

function checkContainerNames(desired: DesiredState, observed: ObservedState, diags: Diagnostics) {
  for (const c of desired.containers) {
    const owner = containerOwner(observed, c.name);
    if (!owner.exists || owner.project === desired.project) continue;
    const by =
      owner.project === undefined
        ? 'a container nestc did not create'
        : `a container of project "${owner.project}"`;
    diags.error(
      'apply-name-in-use',
      `container name "${c.name}" (${c.nestPath}) is already used by ${by}`,
      c.loc,
      {
        hint: `remove or rename that container (docker rm -f ${c.name}), or give this service another container_name or the project another name (-p)`,
      },
    );
  }
}

function checkImages(desired: DesiredState, observed: ObservedState, diags: Diagnostics) {
  const users = new Map<string, string[]>();
  for (const image of desired.images) users.set(image, []);
  for (const c of desired.containers) {
    const list = users.get(c.image) ?? [];
    if (!list.includes(c.nestPath)) list.push(c.nestPath);
    users.set(c.image, list);
  }
  for (const image of [...users.keys()].sort()) {
    if (imagePresent(image, observed.images)) continue;
    const paths = users.get(image) ?? [];
    const first = desired.containers.find((c) => c.image === image);
    diags.error(
      'apply-image-missing',
      `image "${image}" is not on the engine` +
        (paths.length > 0 ? ` (needed by ${paths.join(', ')})` : ''),
      first?.loc,
      { hint: `pull it (docker pull ${image}) or build it; nestc does not pull images yet` },
    );
  }
}

/** Who holds a container name on the engine (names may be listed with the engine's `/`). */
function containerOwner(
  observed: ObservedState,
  name: string,
): { exists: boolean; project?: string } {
  for (const key of [name, `/${name}`]) {
    if (observed.containerNames.has(key)) {
      const project = observed.containerNames.get(key);
      return { exists: true, ...(project !== undefined ? { project } : {}) };
    }
  }
  const own = observed.containers.find((c) => c.name.replace(/^\//, '') === name);
  return own ? { exists: true, project: own.labels[LABELS.project] ?? '' } : { exists: false };
}
