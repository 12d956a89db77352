#!/usr/bin/env node
// The CLI runs from one bundled module (scripts/bundle-cli.mjs says why: start-up time).
import { main } from '../dist/bin/nestc.mjs';

process.exitCode = await main(process.argv.slice(2));
