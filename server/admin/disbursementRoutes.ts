import { ok, type AdminRoute } from './adminRoute.js';

type BalanceBody = { balance: string };
type FundBody = { amount: string };

/** Merchant deposits that top-ups and bank transfers draw down, and the disbursements made. */
export const disbursementRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/merchant-balances/:partnerId',
    summary: "Read a partner's merchant deposit (what top-ups and bank transfers draw down).",
    handle: ({ control, params }) => ok(control.disbursements.balance(params.partnerId)),
  },
  {
    method: 'POST',
    path: '/merchant-balances/:partnerId',
    bodySchema: 'admin.disbursement.json#/definitions/balance',
    summary: 'Set a partner\'s merchant deposit: {"balance":"150000.00"}.',
    handle: ({ control, params, body }) =>
      ok(control.disbursements.setBalance(params.partnerId, (body as BalanceBody).balance)),
  },
  {
    method: 'POST',
    path: '/merchant-balances/:partnerId/fund',
    bodySchema: 'admin.disbursement.json#/definitions/fund',
    summary: 'Add funds to a partner\'s merchant deposit: {"amount":"50000.00"}.',
    handle: ({ control, params, body }) => ok(control.disbursements.fund(params.partnerId, (body as FundBody).amount)),
  },
  {
    method: 'GET',
    path: '/disbursements',
    summary: 'List top-ups and bank transfers of the session, oldest first, with their state.',
    handle: ({ control }) => ok({ disbursements: control.disbursements.disbursements() }),
  },
  {
    method: 'POST',
    path: '/disbursements/:ref/settle',
    summary:
      'Settle an in-progress bank transfer now (by partnerReferenceNo or referenceNo), without moving the clock.',
    handle: ({ control, params }) => ok(control.disbursements.settle(params.ref)),
  },
];
