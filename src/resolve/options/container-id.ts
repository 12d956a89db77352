import fs from 'node:fs';

/** An engine container id: 64 lower-case hex digits. */
const ID = '[0-9a-f]{64}';

/**
 * The engine bind-mounts these files from its own per-container directory
 * (`<data-root>/containers/<id>/hostname`); their source names the container.
 */
const ENGINE_FILES = new Set(['/etc/hostname', '/etc/hosts', '/etc/resolv.conf']);
const MOUNT_SOURCE = new RegExp(`/containers/(${ID})/(?:hostname|hosts|resolv\\.conf)$`);

/** `…/docker/<id>` (cgroup v1, cgroupfs driver) and `…/docker-<id>.scope` (systemd driver). */
const CGROUP_PATH = new RegExp(`(?:^|/)docker(?:/|-)(${ID})(?:\\.scope)?(?=/|$)`, 'g');

/**
 * The id of the container nestc runs in, from the texts of `/proc/self/mountinfo` and
 * `/proc/self/cgroup` (rule 9), or undefined when they show none.
 *
 * - mountinfo first: it works with cgroup namespaces (cgroup v2 shows `0::/` inside a
 *   container). Only the mounts AT `/etc/hostname`, `/etc/hosts` or `/etc/resolv.conf` count:
 *   on a Docker host, the `…/containers/<id>/mounts/shm` mounts of other containers are in the
 *   host's own mount table too, and must not make the host look like a container.
 * - then cgroup lines: `/docker/<id>` or `docker-<id>.scope`; the last one on a line is the
 *   innermost container (Docker in Docker shows `/docker/<outer>/docker/<inner>`).
 *
 * `/.dockerenv` is not read on purpose: machines built from container images keep it.
 */
export function containerIdFrom(mountinfo: string, cgroup: string): string | undefined {
  for (const line of mountinfo.split('\n')) {
    // `ID PARENT MAJ:MIN ROOT MOUNTPOINT …`; spaces in paths are written as `\040`.
    const fields = line.split(' ');
    const root = fields[3];
    const point = fields[4];
    if (root === undefined || point === undefined || !ENGINE_FILES.has(point)) continue;
    const m = MOUNT_SOURCE.exec(root);
    if (m) return m[1];
  }
  for (const line of cgroup.split('\n')) {
    // `HIERARCHY:CONTROLLERS:PATH`; the path may itself hold `:` only in theory.
    const cgPath = line.split(':').slice(2).join(':');
    const ids = [...cgPath.matchAll(CGROUP_PATH)].map((m) => m[1]!);
    if (ids.length > 0) return ids[ids.length - 1];
  }
  return undefined;
}

/** Read a text file; empty when it is missing or unreadable (not Linux, no /proc). */
export type ReadText = (path: string) => string;

const readOrEmpty: ReadText = (p) => {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return '';
  }
};

/** The container id of this process, from `/proc/self`; undefined outside a container. */
export function detectContainerId(read: ReadText = readOrEmpty): string | undefined {
  return containerIdFrom(read('/proc/self/mountinfo'), read('/proc/self/cgroup'));
}
