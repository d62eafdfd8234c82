import { checkoutPageId, pageRoutes } from '../protocols/page/index.js';
import { webhookKinds } from '../webhooks/WebhookDelivery.js';
import type { EndpointTable } from './EndpointTable.js';

/**
 * Every id the journal files exchanges under: the endpoints, the browser pages (OAuth, checkout) and
 * the notifies DANA sends out. A journal filter naming anything else would match nothing, so
 * "never called" would pass by mistake; the control plane refuses it with this list.
 */
export function listJournalSources(endpoints: EndpointTable): string[] {
  return [...endpoints.list().map((e) => e.id), ...pageRoutes.map((p) => p.id), checkoutPageId, ...webhookKinds];
}
