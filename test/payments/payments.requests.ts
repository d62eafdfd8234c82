import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Express } from 'express';
import { formatJakartaTime } from '../../server/core/jakartaTime.js';
import type { Sandbox } from '../../server/sandbox.js';
import { demoPartner, root } from '../support/partners.js';
import { sendSnap } from '../support/snapRequest.js';
import { fixedNow } from '../support/testSandbox.js';
import { paymentPaths } from '../../server/payments/paymentExamples.js';

/** One case of DANA's UAT files: the request DANA's runner sends and the code DANA answers. */
export interface UatCase {
  request: Record<string, unknown>;
  response: { responseCode: string; responseMessage?: string };
}

export function readUatCases(
  file: 'PaymentGateway' | 'Widget' | 'Disbursement',
  operation: string,
): Record<string, UatCase> {
  return JSON.parse(readFileSync(join(root, 'test', 'uat', `${file}.json`), 'utf8'))[operation];
}

/** A signature DANA's runners send to provoke 401xx00 (their literal). */
export const wrongSignature = '85be817c55b2c135157c7e89f52499bf0c25ad6eeebe04a986e8c862561b19a5';
/** A malformed X-TIMESTAMP as DANA's runners build it: a space instead of the T. */
export const spacedTimestamp = (at: number) => formatJakartaTime(new Date(at)).replace('T', ' ');

let counter = 0;
/** A fresh partnerReferenceNo, different on every call and every run. */
export const freshReference = (label = 'ref') => `${label}-${process.pid}-${Date.now().toString(36)}-${++counter}`;
/** A varied X-TIMESTAMP near the sandbox clock (the replay and skew checks never trip). */
export const variedTimestamp = () => formatJakartaTime(new Date(fixedNow + (++counter % 600) * 1000));

/** The case's request with the runner's placeholders filled: references, merchant, times, and the NOTIFICATION url. */
export function fillCase(
  request: Record<string, unknown>,
  values: { reference: string; notifyUrl: string; validUpTo?: string },
): Record<string, any> {
  const text = JSON.stringify(request)
    .replaceAll('${partnerReferenceNo}', values.reference)
    .replaceAll('${originalPartnerReferenceNo}', values.reference)
    .replaceAll('${MERCHANT_ID}', demoPartner.merchantId)
    .replaceAll('${merchantId}', demoPartner.merchantId)
    .replaceAll('${createdTime}', formatJakartaTime(new Date(fixedNow)))
    .replaceAll('https://tinknet.my.id/v1/test', values.notifyUrl);
  const body = JSON.parse(text);
  if ('validUpTo' in body || values.validUpTo)
    body.validUpTo = values.validUpTo ?? formatJakartaTime(new Date(fixedNow + 30 * 60_000));
  return body;
}

/** Posts a SNAP request the way dana-node does, with a varied timestamp unless the case sets its own. */
export function post(app: Express, path: string, body: unknown, headers: Record<string, string | undefined> = {}) {
  return sendSnap(app, { path, body, headers: { 'X-TIMESTAMP': variedTimestamp(), ...headers } });
}

/** The payment endpoints' paths, as their examples name them. */
export const paths = paymentPaths;

/** The states a case needs its order in before its own request. */
export type OrderSetup = 'created' | 'paying' | 'paid' | 'cancelled' | 'refunded';

/**
 * Brings an order to `setup` through the wire (create, cancel, refund) and the control plane (pay), as DANA's runners do
 * through the API and the checkout page. Returns its partnerReferenceNo.
 */
export async function prepareOrder(
  sandbox: Sandbox,
  widget: boolean,
  setup: OrderSetup,
  notifyUrl: string,
): Promise<string> {
  const reference = freshReference(setup);
  const source = widget
    ? readUatCases('Widget', 'Payment')[setup === 'paying' ? 'PaymentPaying' : 'PaymentSuccess']
    : readUatCases('PaymentGateway', 'CreateOrder').CreateOrderApi;
  const body = fillCase(source.request, {
    reference,
    notifyUrl,
    validUpTo: formatJakartaTime(new Date(fixedNow + 3600_000)),
  });
  if (widget) body.urlParams = [{ url: notifyUrl, type: 'NOTIFICATION', isDeeplink: 'Y' }];
  const created = await post(sandbox.app, widget ? paths.widgetPayment : paths.createOrder, body);
  if (created.body.responseCode !== '2005400')
    throw new Error(`setup: createOrder answered ${JSON.stringify(created.body)}`);
  if (setup === 'paid' || setup === 'refunded') sandbox.control.payments.pay(reference);
  if (setup === 'cancelled') {
    const res = await post(sandbox.app, widget ? paths.widgetCancelOrder : paths.cancelOrder, {
      originalPartnerReferenceNo: reference,
      merchantId: demoPartner.merchantId,
    });
    if (res.body.responseCode !== '2005700') throw new Error(`setup: cancelOrder answered ${JSON.stringify(res.body)}`);
  }
  if (setup === 'refunded') {
    const res = await post(sandbox.app, widget ? paths.widgetRefundOrder : paths.refundOrder, {
      originalPartnerReferenceNo: reference,
      partnerRefundNo: reference,
      refundAmount: body.amount,
      merchantId: demoPartner.merchantId,
    });
    if (res.body.responseCode !== '2005800') throw new Error(`setup: refundOrder answered ${JSON.stringify(res.body)}`);
  }
  return reference;
}
