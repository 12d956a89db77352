import type { Service } from '../../model/compose.js';

/**
 * `service` joins the network at flat key `key` with `alias` as one of its DNS names. An entry
 * written with no options (`null`) gets `{aliases: [alias]}`; existing aliases and options are
 * kept and the alias is appended once, so running this twice changes nothing.
 */
export function joinWithAlias(service: Service, key: string, alias: string): void {
  const networks = (service.networks ??= {});
  const entry = (networks[key] ??= {});
  const aliases = (entry.aliases ??= []);
  if (!aliases.includes(alias)) aliases.push(alias);
}
