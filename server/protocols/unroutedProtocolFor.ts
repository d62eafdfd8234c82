import type { Protocol } from '../core/endpoint.js';
import { envelopeProtocol } from './envelope/envelopeProtocol.js';
import { unroutedProtocol } from './snap/snapProtocol.js';

/** No endpoint is bound, so FUNCTION_NOT_MATCH never applies; unknown paths render NO_INTERFACE_DEF. */
const unroutedEnvelope = envelopeProtocol({});

/**
 * The protocol that answers a path no endpoint serves: DANA's Open API envelope under `/v1/`
 * (its Open API namespace, DANA's pushNotificationUser document), SNAP's envelope everywhere else.
 */
export function unroutedProtocolFor(path: string): Protocol {
  return path.startsWith('/v1/') ? unroutedEnvelope : unroutedProtocol;
}
