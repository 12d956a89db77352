import { mapOf, type Obj } from './obj.js';

/**
 * Compose's implicit `default` network: a service with neither `network_mode` nor any network
 * (absent, `null` or `{}`) joins `default` (`networks: {default: null}`), and the top-level
 * `default` network is declared only when some service uses it, so a project whose services all
 * use `network_mode` creates no network.
 */
export function addDefaultNetwork(model: Obj): void {
  let used = false;
  const services = mapOf(model.services) ?? {};
  for (const name of Object.keys(services)) {
    const service = mapOf(services[name]);
    if (!service || service.network_mode != null) continue;
    const nets = mapOf(service.networks);
    if (!nets || Object.keys(nets).length === 0) {
      service.networks = { default: null };
      used = true;
    } else if ('default' in nets) {
      used = true;
    }
  }
  if (!used) return;
  const networks = mapOf(model.networks) ?? {};
  if (!('default' in networks)) networks.default = null;
  model.networks = networks;
}
