import { ok, type AdminRoute } from './adminRoute.js';

type PayBody = { customerId?: string };
type FailBody = { reason?: string };
type ToolBody = { urlEndpoint: string; requestBody: { virtualAccountNo?: string } };

/** Payment orders without a browser, DANA's sandbox tools, and the finish notifies sent to partners. */
export const paymentRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/orders',
    summary: 'List payment orders (createOrder, widget payment) of the session, oldest first, with status and refunds.',
    handle: ({ control }) => ok({ orders: control.payments.orders() }),
  },
  {
    method: 'GET',
    path: '/orders/:ref',
    summary: 'Read one order by partnerReferenceNo, referenceNo or VA paymentCode.',
    handle: ({ control, params }) => ok(control.payments.order(params.ref)),
  },
  {
    method: 'POST',
    path: '/orders/:ref/pay',
    bodySchema: 'admin.payments.json#/definitions/pay',
    summary:
      "Pay an INIT or PAYING order: from customerId's balance when given, else as a transfer; the finish notify follows.",
    handle: ({ control, params, body }) =>
      ok(control.payments.pay(params.ref, (body as PayBody | undefined)?.customerId)),
  },
  {
    method: 'POST',
    path: '/orders/:ref/fail',
    bodySchema: 'admin.payments.json#/definitions/fail',
    summary: 'Fail an open order (FAILED); the finish notify follows.',
    handle: ({ control, params, body }) =>
      ok(control.payments.fail(params.ref, (body as FailBody | undefined)?.reason)),
  },
  {
    method: 'POST',
    path: '/orders/:ref/expire',
    summary: 'Close an open order now as expired (CLOSED); the finish notify follows.',
    handle: ({ control, params }) => ok(control.payments.expire(params.ref)),
  },
  {
    method: 'POST',
    path: '/sandbox-tools/execute',
    bodySchema: 'admin.payments.json#/definitions/sandboxTools',
    summary:
      'DANA\'s sandbox tools: {"urlEndpoint":"/v1.0/transfer-va/payment.htm","requestBody":{"virtualAccountNo":"<paymentCode>"}} pays that VA order.',
    handle: ({ control, body }) => {
      const { urlEndpoint, requestBody } = body as ToolBody;
      const order = control.payments.executeSandboxTool(urlEndpoint, requestBody);
      return ok({ responseCode: '2002500', responseMessage: 'Successful', order });
    },
  },
  {
    method: 'GET',
    path: '/webhooks',
    summary: 'List finish notifies sent to partners, oldest first, each with every attempt (request, answer, latency).',
    handle: ({ control }) => ok({ webhooks: control.payments.notifies() }),
  },
  {
    method: 'GET',
    path: '/webhooks/:id',
    summary: 'Read one finish notify delivery with its attempts.',
    handle: ({ control, params }) => ok(control.payments.notify(params.id)),
  },
  {
    method: 'POST',
    path: '/webhooks/:id/redeliver',
    summary: 'Send a finish notify again now, whatever its state; failed attempts retry on the usual schedule.',
    handle: ({ control, params }) => ok(control.payments.redeliver(params.id), 202),
  },
];
