import type { Engine } from '../../engine/engine.js';
import { isEngineError } from '../../engine/engine-error.js';
import type { Operation } from '../types.js';
import { runGraph } from './run-graph.js';
import type { UndoLog } from './undo-log.js';

/** A replaced container, stopped and renamed, waiting for the run to succeed. */
export interface SetAside {
  op: Operation;
  id: string;
  /** The name it has now. */
  asideName: string;
}

/**
 * The first half of a replace that loses nothing (docker/compose creates the new container
 * under a temporary name, then removes the old one before it starts the new; a start that fails
 * then leaves the service with no container at all). Here the old container is stopped and
 * renamed `<id prefix>_<name>` (Compose's temporary-name pattern), which frees its name for
 * the new one, and is removed only once the whole run has succeeded (removeSetAside). Until
 * then a failure anywhere in the run gives it its name back and starts it again if it was
 * running. Undefined when the old container is gone already (a replaced network took it).
 */
export async function setAside(
  op: Operation,
  existingId: string,
  engine: Engine,
  stopTimeout: number | undefined,
  undo: UndoLog,
  step: (s: string) => void,
): Promise<SetAside | undefined> {
  const name = op.name;
  let wasRunning: boolean;
  try {
    wasRunning = (await engine.containers.inspect(existingId)).state === 'running';
  } catch (err) {
    if (isEngineError(err, 'engine-not-found')) return undefined;
    throw err;
  }
  step('stopping the old container');
  await engine.containers.stop(existingId, stopTimeout);
  if (wasRunning) {
    undo.add(op, 'starting the old container again', (e) => e.containers.start(existingId));
  }
  const asideName = `${existingId.slice(0, 12)}_${name}`;
  step('setting the old container aside');
  await engine.containers.rename(existingId, asideName);
  undo.add(op, `giving the old container its name back`, (e) =>
    e.containers.rename(existingId, name),
  );
  return { op, id: existingId, asideName };
}

/**
 * The second half, after a successful run: remove the containers set aside. One that cannot be
 * removed is named in the returned list; the new containers run, so that is only a warning.
 */
export async function removeSetAside(
  aside: readonly SetAside[],
  engine: Engine,
  parallel: number,
): Promise<{ aside: SetAside; message: string }[]> {
  const failures: { aside: SetAside; message: string }[] = [];
  const removals = aside.map((a) => ({ id: a.id, after: [], a }));
  await runGraph(
    removals,
    parallel,
    async ({ a }) => {
      try {
        await engine.containers.remove(a.id, { force: true });
      } catch (err) {
        if (isEngineError(err, 'engine-not-found')) return;
        failures.push({ aside: a, message: err instanceof Error ? err.message : String(err) });
      }
    },
    () => {},
  );
  return failures.sort((x, y) => (x.aside.asideName < y.aside.asideName ? -1 : 1));
}
