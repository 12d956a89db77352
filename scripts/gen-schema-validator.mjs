#!/usr/bin/env node
// Writes dist/schema/nestfile-validator.cjs: the schema check of a valid file with no compile at
// run time (see src/schema/fast-validator.ts). Runs after `tsc` in `npm run build`, and so before
// every `npm pack`; it uses the built dist/ so the options are those the runtime uses.
import { writeFileSync } from 'node:fs';

const dist = new URL('../dist/schema/', import.meta.url);
const { fastValidatorSource } = await import(new URL('fast-validator-source.js', dist).href);
const { GENERATED_VALIDATOR } = await import(new URL('fast-validator.js', dist).href);
const { readSchemaText } = await import(new URL('schema-file.js', dist).href);

const source = fastValidatorSource(readSchemaText());
writeFileSync(new URL(GENERATED_VALIDATOR, dist), source);
console.log(`wrote dist/schema/${GENERATED_VALIDATOR} (${Math.round(source.length / 1024)} KiB)`);
