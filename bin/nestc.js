#!/usr/bin/env node
// The CLI runs from one bundled module (scripts/bundle-cli.mjs says why: start-up time).
// On Node 22.1 and later, V8's compiled code of it is also kept between runs (the module
// compile cache, in the system's temp directory); earlier Nodes have no such cache.
import module from 'node:module';

module.enableCompileCache?.();
const { main } = await import('../dist/bin/nestc.mjs');

process.exitCode = await main(process.argv.slice(2));
