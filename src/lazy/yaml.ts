import { createRequire } from 'node:module';
import type * as YamlModule from 'yaml';

/**
 * The `yaml` package, loaded on first call. nestc reads files with js-yaml's event stream and
 * writes them with its own emitter; `yaml` only answers rare questions (how to word a syntax
 * error, whether a plain scalar reads as a string, a lenient read of a broken file's `name:`).
 * It is the largest module of the CLI (about a quarter of the bundle), so a static import would
 * make every command pay to load it; the CLI bundle leaves it out (scripts/bundle-cli.mjs).
 */
export function lazyYaml(): typeof YamlModule {
  return createRequire(import.meta.url)('yaml') as typeof YamlModule;
}
