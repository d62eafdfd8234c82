import type { Protocol, ProtocolModule } from './protocol.js';
import { envelopeModule } from './envelope/envelopeProtocol.js';
import { snapModule } from './snap/snapProtocol.js';

/**
 * Every protocol, one line each. The first answers paths no protocol claims; the order is also the
 * order of the OpenAPI document's tags. Adding one: server/protocols/<name>/ and a line here.
 */
export const protocols: readonly ProtocolModule[] = [snapModule, envelopeModule];

/** The protocol that answers a path no endpoint serves. */
export function unroutedProtocolFor(path: string): Protocol {
  return (protocols.find((p) => p.claimsUnroutedPath?.(path)) ?? protocols[0]).unrouted;
}
