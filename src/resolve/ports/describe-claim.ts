import { formatSpan, type PortSpan } from './port-span.js';
import type { Claim } from './claims.js';

/** `agent/db ports[0]`: a claim by nest path and canonical entry index, as messages name it. */
export function claimName(c: Claim): string {
  if (c.foreign !== undefined) return `container "${c.foreign}" (not of this project)`;
  return `${c.node.nestPath} ports[${c.index}]`;
}

/** `8080/tcp`, `127.0.0.1:8080/tcp`, `[::1]:9000-9010/udp`: a binding as users write it. */
export function bindingText(c: Claim, span: PortSpan = c.span): string {
  const ip =
    c.hostIp === ''
      ? ''
      : c.hostIp.includes(':') && !c.hostIp.startsWith('[')
        ? `[${c.hostIp}]:`
        : `${c.hostIp}:`;
  return `${ip}${formatSpan(span)}/${c.protocol}`;
}

/** `services.agent/db.ports[0]`: the summary prefix that says which entry a diagnostic is about. */
export function entryPath(c: Claim): string {
  return `services.${c.node.nestPath}.ports[${c.index}]`;
}
