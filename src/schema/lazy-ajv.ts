import { createRequire } from 'node:module';
import type * as AjvModule from 'ajv';

/**
 * ajv's `Ajv` class, loaded on first call. Loading ajv takes about 40 ms, and a valid file never
 * needs it (the generated fast validator only requires one small runtime helper), so no module
 * imports ajv's values at the top: a static import would make every process pay the load.
 */
export function lazyAjv(): typeof AjvModule.Ajv {
  return (createRequire(import.meta.url)('ajv') as typeof AjvModule).Ajv;
}
