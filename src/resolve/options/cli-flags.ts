import { InvalidArgumentError, Option, type Command } from 'commander';
import type { PathMapEntry } from '../types.js';
import type { Parsed } from './parsed.js';
import { parsePathMap } from './path-map.js';
import { parsePortRange } from './port-range.js';

/** A commander argument parser from a `Parsed` parser: a bad value is a usage error (exit 64). */
function flag<T>(parse: (text: string) => Parsed<T>): (text: string) => T {
  return (text) => {
    const r = parse(text);
    if (!r.ok) throw new InvalidArgumentError(r.message);
    return r.value;
  };
}

/** The same, for a repeatable flag: each occurrence is parsed and appended. */
function repeatable<T>(parse: (text: string) => Parsed<T>): (text: string, prev: T[]) => T[] {
  const one = flag(parse);
  return (text, prev) => [...prev, one(text)];
}

/**
 * Register the resolver's flags (`--port-range`, `--strict-ports`, `--path-map`) on a command.
 * Values are parsed here, at the edge, so a typo is a usage error before any file is read; the
 * action gets them as `ResolveFlags`.
 */
export function addResolveFlags(cmd: Command): Command {
  return cmd
    .addOption(
      new Option(
        '--port-range <A-B>',
        'host ports that conflicting claims move to (default 20000-29999)',
      ).argParser(flag(parsePortRange)),
    )
    .addOption(
      new Option('--strict-ports', 'make every host port conflict an error instead of a move'),
    )
    .addOption(
      new Option(
        '--path-map <container=host>',
        'when nestc runs in a container: a path it sees, and that path on the host (absolute, or volume:NAME[/sub]); repeatable',
      )
        .argParser(repeatable<PathMapEntry>(parsePathMap))
        .default([]),
    );
}
