import type { Shape } from './engine.js';
import {
  appendAsLists,
  build,
  extraHosts,
  ipamConfig,
  keyValue,
  logging,
  namedEntries,
  replace,
} from './specials.js';
import {
  byKeyBeforeEquals,
  byMount,
  byPath,
  byPort,
  byTarget,
  byValue,
  uniqueBy,
} from './unique-lists.js';

/**
 * The merge rules of a Compose model, by place (compose-go's `mergeSpecials` and `unique`
 * tables, `override/merge.go` and `override/uncity.go`). Anything not listed merges by the
 * generic rule: mappings by key, sequences append, scalars are replaced.
 *
 * `x-nest` is the one extension that merges by these rules too: its inner project is a Compose
 * project, so `services.agent.x-nest.services.db.ports` in an override file changes that port
 * exactly as it would at the top level (NESTFILE.md, "Merging").
 */

const REPLACE: Shape = { merge: replace, nullReplaces: true };
const KEY_VALUE: Shape = { merge: keyValue };
const UNIQUE: Shape = { merge: uniqueBy(byKeyBeforeEquals) };

const SERVICE_NETWORK: Shape = {
  keys: { aliases: UNIQUE, link_local_ips: UNIQUE },
};

/** The rules of one service, at any depth. Filled below: `x-nest` refers back to it. */
export const SERVICE: Shape = {};

const NETWORK: Shape = {
  keys: {
    labels: KEY_VALUE,
    ipam: { keys: { config: { merge: ipamConfig }, options: KEY_VALUE } },
  },
};

const VOLUME: Shape = { keys: { labels: KEY_VALUE } };

/** The resource sections shared by a project and an inline `x-nest` project. */
const RESOURCES: Record<string, Shape> = {
  services: { each: SERVICE },
  networks: { each: NETWORK },
  volumes: { each: VOLUME },
};

SERVICE.keys = {
  annotations: KEY_VALUE,
  build: {
    merge: build,
    keys: {
      args: KEY_VALUE,
      labels: KEY_VALUE,
      additional_contexts: KEY_VALUE,
      extra_hosts: { merge: extraHosts },
      tags: UNIQUE,
    },
  },
  cap_add: UNIQUE,
  cap_drop: UNIQUE,
  command: REPLACE,
  configs: { merge: uniqueBy(byMount('')) },
  depends_on: {
    merge: namedEntries(() => ({ condition: 'service_started', required: true })),
  },
  deploy: { keys: { labels: KEY_VALUE } },
  devices: { merge: uniqueBy(byTarget) },
  dns: UNIQUE,
  dns_opt: UNIQUE,
  dns_search: UNIQUE,
  entrypoint: REPLACE,
  env_file: { merge: uniqueBy(byPath) },
  environment: KEY_VALUE,
  expose: { merge: uniqueBy(byValue) },
  extra_hosts: { merge: extraHosts },
  healthcheck: { keys: { test: REPLACE } },
  label_file: { merge: appendAsLists },
  labels: KEY_VALUE,
  links: UNIQUE,
  logging: { merge: logging },
  networks: { merge: namedEntries(() => null), each: SERVICE_NETWORK },
  ports: { merge: uniqueBy(byPort) },
  profiles: UNIQUE,
  secrets: { merge: uniqueBy(byMount('/run/secrets')) },
  sysctls: KEY_VALUE,
  tmpfs: UNIQUE,
  ulimits: { each: REPLACE },
  volumes: { merge: uniqueBy(byTarget) },
  'x-nest': { keys: RESOURCES },
};

/** The rules of a whole Compose file. */
export const PROJECT: Shape = { keys: RESOURCES };
