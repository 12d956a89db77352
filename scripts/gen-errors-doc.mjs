#!/usr/bin/env node
// Regenerate docs/errors.md from the code tables (needs `npm run build` first).
import { writeFileSync } from 'node:fs';
import { errorsDoc } from '../dist/diag/codes/errors-doc.js';

writeFileSync(new URL('../docs/errors.md', import.meta.url), errorsDoc());
