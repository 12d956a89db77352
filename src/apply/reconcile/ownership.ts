import { LABELS, type ObservedState } from '../types.js';

/**
 * nestc owns an engine object when it carries `io.nestc.project` = this project: that label,
 * not the name, is what makes an existing object "ours" to keep, replace or remove.
 */

type ObservedNetwork = ObservedState['networks'][number];
type ObservedVolume = ObservedState['volumes'][number];

/** The project's own network of that engine name, if the engine has it. */
export function ownNetwork(
  observed: ObservedState,
  name: string,
  project: string,
): ObservedNetwork | undefined {
  return observed.networks.find((n) => n.name === name && n.labels[LABELS.project] === project);
}

/** Whether the network of that name is the project's own. */
export function ownsNetwork(observed: ObservedState, name: string, project: string): boolean {
  return ownNetwork(observed, name, project) !== undefined;
}

/** The project's own volume of that name, if the engine has it. */
export function ownVolume(
  observed: ObservedState,
  name: string,
  project: string,
): ObservedVolume | undefined {
  return observed.volumes.find((v) => v.name === name && v.labels[LABELS.project] === project);
}

/** Container names without the leading `/` the engine lists them with. */
export function bareName(name: string): string {
  return name.startsWith('/') ? name.slice(1) : name;
}
