import type { CodeTable } from './types.js';

/**
 * Codes of the canonical stage (src/loader/canonical/): short syntaxes that cannot be turned into
 * their long form. Compose rejects the same inputs; nestc says where and why.
 */
export const CANONICAL_CODES = {
  'port-invalid': {
    meaning:
      'A port entry is not `[[HOST_IP:]HOST:]CONTAINER[/PROTOCOL]`, or a part of it is malformed.',
    fix: 'Write e.g. `"8080:80"`, `"127.0.0.1:8080:80/udp"` or `"[::1]:8080:80"`; an IPv6 host address needs brackets.',
  },
  'port-out-of-range': {
    meaning: 'A port number is outside 1–65535.',
    fix: 'Use a port between 1 and 65535; leave the host port out (`"127.0.0.1::80"`) for a random one.',
  },
  'port-range-mismatch': {
    meaning: 'A host port range and a container port range have different lengths.',
    fix: 'Give ranges of the same length (`"9000-9001:8000-8001"`), or a single container port with a host range.',
  },
  'volume-invalid': {
    meaning: 'A volume entry is not `[SOURCE:]TARGET[:MODE]`.',
    fix: 'Write e.g. `./data:/data:ro` or `cache:/cache`; use the long syntax for anything more.',
  },
  'volume-option-unknown': {
    meaning:
      'A volume mode is none of ro, rw, z, Z, nocopy or a propagation mode; Compose ignores it.',
    fix: 'Fix the spelling, or remove the option.',
  },
  'duration-invalid': {
    meaning: 'A duration is not a Go duration such as `1m30s`, `10s`, `500ms` or `1.5h`.',
    fix: 'Write numbers with units (ns, us, ms, s, m, h, d, w) and no spaces: `1m30s`, not `1m 30s` or `90`.',
  },
  'command-invalid': {
    meaning:
      'A command string has an unclosed quote, a trailing backslash or a parenthesis Compose cannot split.',
    fix: 'Close the quote, or write the command as a list: `["sh", "-c", "..."]`.',
  },
  'command-truncated': {
    meaning:
      'A command string holds `;`, `&`, `|`, `<` or `>` outside quotes; Compose silently drops everything from there.',
    fix: 'Run it through a shell: `["sh", "-c", "a && b"]`, or quote the character.',
  },
  'extra-host-invalid': {
    meaning:
      'An `extra_hosts` entry has no IP address, or its host name is empty or holds `:` or `=`.',
    fix: 'Write `host=IP` (or `host:IP`); several addresses as `host=IP1,IP2`.',
  },
  'key-value-invalid': {
    meaning:
      'An entry that must be `KEY=VALUE` (build `additional_contexts`, build `ssh`) has no `=`.',
    fix: 'Write `name=value`; for `ssh` a bare entry may only be `default`.',
  },
  'device-invalid': {
    meaning: 'A device entry has more than three `:`-separated parts.',
    fix: 'Write `HOST_PATH[:CONTAINER_PATH[:PERMISSIONS]]`, or use the long syntax.',
  },
  'external-name-deprecated': {
    meaning: '`external: {name: ...}` is the legacy form; Compose still reads it but warns.',
    fix: 'Write `name: ...` and `external: true`.',
  },
  'external-name-conflict': {
    meaning: '`name` and the legacy `external.name` disagree.',
    fix: 'Keep only `name`, with `external: true`.',
  },
} as const satisfies CodeTable;
