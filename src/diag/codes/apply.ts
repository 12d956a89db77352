import type { CodeTable } from './types.js';

/**
 * Codes of the apply side (src/apply): what `plan` and `up` find when they hold the flat graph
 * against the engine's observed state, before anything is created.
 */
export const APPLY_CODES = {
  'apply-engine-too-old': {
    meaning:
      'The graph needs a feature of a newer Engine API than the engine speaks (a volume `subpath` needs API 1.45, Docker 26.0), so nothing is created.',
    fix: 'Upgrade the Docker engine, or change the nestfile so it does not need the feature (the message says which entry needs it: mount the whole volume, or bind a host path instead).',
  },
  'apply-external-missing': {
    meaning:
      'A network or volume marked `external: true` does not exist on the engine; nestc never creates external objects, so nothing is created.',
    fix: 'Create it first (`docker network create NAME`, `docker volume create NAME`), or drop `external: true` so that nestc creates and owns it.',
  },
  'apply-network-in-use': {
    meaning:
      'A network nestc would create already exists on the engine but was not created by nestc for this project (no matching `io.nestc.project` label), so nothing is created.',
    fix: 'Remove that network (`docker network rm NAME`) if it is a leftover, use another project name (`-p`), or declare the network `external: true` with `name: NAME` to join it as it is.',
  },
  'apply-name-in-use': {
    meaning:
      'A container name the graph needs is taken by a container that belongs to another project or that nestc did not create, so nothing is created.',
    fix: 'Remove or rename that container (`docker rm -f NAME`), choose another `container_name`, or use another project name (`-p`) for generated names.',
  },
  'apply-image-missing': {
    meaning:
      'An image a service needs is not on the engine (nestc does not pull or build images yet), so nothing is created.',
    fix: 'Pull it (`docker pull IMAGE`) or build it (`docker build -t IMAGE ...`), then run nestc again.',
  },
  'apply-old-container-kept': {
    meaning:
      'Warning: `up` replaced a container and the new one runs, but the old one, stopped and set aside under the name `<id prefix>_<name>` until the run succeeded, could not be removed.',
    fix: 'Remove it with `docker rm -f NAME` (the message names it); the next `nestc up` removes it too, as a container of the service under a name it no longer wants.',
  },
  'apply-orphan': {
    meaning:
      'Warning: a container of this project (by its `io.nestc.project` label) belongs to no service of the nestfile any more, typically a service that was removed; nestc leaves it running.',
    fix: 'Run `nestc up --remove-orphans` to remove it, or `nestc down --remove-orphans` to remove the whole project with it.',
  },
  'apply-volume-foreign': {
    meaning:
      'Warning: a volume nestc would create already exists but was not created by nestc for this project; nestc mounts it as it is.',
    fix: 'Declare it `external: true` (with `name: NAME`) to say it is meant to be shared, or remove it (`docker volume rm NAME`, its data is lost) to let nestc create its own.',
  },
  'apply-volume-diverged': {
    meaning:
      'Warning: a volume of this project was created with another definition (driver, options or labels) than the nestfile now gives; nestc keeps it, because replacing it would lose its data.',
    fix: 'Run `nestc down --volumes` (its data is lost) and `nestc up` to recreate it with the new definition, or restore the old definition.',
  },
  'engine-unreachable': {
    meaning:
      'No Docker engine answers at the address nestc uses (DOCKER_HOST, else unix:///var/run/docker.sock): the socket file is missing, or nothing listens on the port.',
    fix: 'Start the engine (`sudo systemctl start docker`, or `dockerd`), or set DOCKER_HOST to the address of an engine that runs.',
  },
  'engine-permission-denied': {
    meaning: "The engine's socket exists but this user may not open it.",
    fix: 'Add the user to the group that owns the socket (`sudo usermod -aG docker "$USER"`, then log in again), or run nestc as a user allowed to use it.',
  },
  'engine-host-invalid': {
    meaning:
      'DOCKER_HOST (or the TLS settings that go with it) cannot be used: not an address, or a scheme other than unix://, tcp:// and ssh://.',
    fix: 'Set DOCKER_HOST to `unix:///PATH`, `tcp://HOST:PORT` or `ssh://USER@HOST`, or unset it to use the default socket.',
  },
  'engine-name-in-use': {
    meaning:
      'The engine refused to create a container or network because another object already has that name (an answer of HTTP 409).',
    fix: "Remove or rename the other object (`docker rm NAME`, `docker network rm NAME`), or give this one another name (`container_name`, the network's `name:`).",
  },
  'engine-port-taken': {
    meaning:
      'The engine could not publish a host port when starting a container: another container holds it ("port is already allocated") or a process outside the engine listens on it ("address already in use").',
    fix: 'Free the port (`docker ps --filter publish=PORT` names the container, `ss -ltnp` the process) or publish another one; `nestc plan` shows the port map.',
  },
  'engine-not-found': {
    meaning:
      'The engine does not know an object a call named: an image that is not present, or a container or network removed outside nestc while it worked.',
    fix: 'For an image, pull or build it first (nestc does not pull yet); otherwise run the command again, which observes the engine afresh.',
  },
  'engine-error': {
    meaning: "The engine refused a call for another reason; the message is the engine's own.",
    fix: "Fix what the engine's message names, or read the engine's log (`journalctl -u docker`).",
  },
  'apply-unsupported': {
    meaning:
      'A service (or a network or volume) uses a setting that nestc does not send to the engine yet, or cannot send on this path (a platform, lifecycle hooks, GPUs, a seccomp profile file, a config made from `content`, ...). nestc refuses rather than start a container that differs from the nestfile, so nothing is created.',
    fix: 'Remove the setting, or write it in a form nestc applies (the message says which; for configs and secrets: `file:`), or run this project with `docker compose` on the `nestc compile` output.',
  },
  'apply-ignored': {
    meaning:
      'Warning: a setting has no effect outside swarm (placement, update and rollback settings, `deploy.labels`, reservations of CPUs, `uid`/`gid`/`mode` of a bind-mounted secret, a pull policy while nestc does not pull); docker compose ignores it too, and so does nestc.',
    fix: 'Remove it if it is not meant for swarm; nothing else is needed.',
  },
  'apply-invalid-value': {
    meaning:
      'A value that the engine needs as a number, a size (`64m`), a duration (`1m30s`) or a port could not be read as one, so nothing is created.',
    fix: 'Write the value as the message says (a size is a number with an optional unit b, k, m, g; a duration a number with a unit such as 10s or 1m30s).',
  },
  'apply-port-in-use': {
    meaning:
      'A host port the plan would publish is already in use on this machine by a process outside the engine (found before anything is created, so `up` does not fail half-way with "port is already allocated").',
    fix: 'Stop what listens on that port, or publish another port.',
  },
  'apply-step-failed': {
    meaning:
      'A step of `up` failed while applying (a dependency did not become healthy in time, or exited with an error code, or another engine step failed); what this run had created is removed again.',
    fix: 'Read the step and the reason in the message: raise `--wait-timeout` for slow healthchecks, fix the failing service, then run `nestc up` again.',
  },
  'apply-not-ready': {
    meaning:
      '`up --wait`: a container did not get to running (and healthy, when it has a healthcheck) before `--wait-timeout`, reported unhealthy, or exited (a one-shot job that some service waits for with `service_completed_successfully` may exit with 0).',
    fix: 'Read its output (`docker logs NAME`) and fix the service, or raise `--wait-timeout` if it is only slow to become healthy.',
  },
  'apply-down-kept': {
    meaning:
      'Warning: `down` keeps a network or volume of the project because a container it does not remove still uses it: an orphan left without `--remove-orphans`, or a container of another project attached to the network.',
    fix: 'Run `nestc down --remove-orphans` (with `--volumes` for the volumes), or remove or disconnect the other container, then run `nestc down` again.',
  },
  'apply-nestfile-not-loaded': {
    meaning:
      'Warning: the nestfile does not load (or no longer resolves), so `down`, `ps` or `port` found the project by its name alone (`-p`, `COMPOSE_PROJECT_NAME`, a plain `name:` in the file, else the directory). `down` then removes every container labelled with the project, in no particular order, and cannot tell orphans apart.',
    fix: 'Run `nestc config` to see the errors and fix them; pass `-p NAME` if the name nestc used is not the project you meant.',
  },
  'apply-service-unknown': {
    meaning:
      '`nestc port` was given a service that has no container in the project: no nest path, flat service name or container name matches.',
    fix: 'Name the service by its nest path (`agent/db`) as `nestc ps` lists it; if it is not listed, start the project with `nestc up`.',
  },
  'apply-service-not-running': {
    meaning:
      '`nestc port` was asked about a service whose container exists but is not running, so it publishes no port.',
    fix: 'Start it with `nestc up`; `nestc ps` shows its state.',
  },
  'apply-port-unknown': {
    meaning:
      '`nestc port SERVICE PORT`: the service publishes no host port for that container port and protocol (a port that is only exposed, or a protocol other than the one given; tcp is the default).',
    fix: 'Give a port the service publishes (`nestc port SERVICE` lists them all), with `/udp` for a udp port.',
  },
} as const satisfies CodeTable;

/** A code of this table, for typed `diags.error(...)` calls. */
export type ApplyCode = keyof typeof APPLY_CODES;
