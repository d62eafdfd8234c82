import { adminRequest, type PostmanFolderSpec } from '../../core/examples.js';
import { sdkPaths, transferToDanaRequest } from '../../disbursement/disbursementExamples.js';

/** The top-up walk: fund the merchant, top up, repeat it, reuse its number for another amount, run out of funds. */
export const transferToDanaPostman: PostmanFolderSpec = {
  name: 'Disbursement transferToDana',
  description:
    "SNAP service 38, in the {{session}} session (reset first). The merchant's deposit pays amount + feeAmount; the customer's DANA balance may not pass 20,000,000.00. docs/disbursement.md lists the magic values.",
  base: transferToDanaRequest('postman-topup-scenario'),
  items: [
    { name: 'Reset the session (control plane)', request: adminRequest('POST', '/reset'), expect: { admin: 200 } },
    {
      name: "Set the merchant's deposit (control plane)",
      request: adminRequest('POST', '/merchant-balances/{{partnerId}}', { balance: '100000.00' }),
      expect: { admin: 200 },
    },
    { name: 'Top up', request: transferToDanaRequest('postman-topup-1'), expect: { code: '2003800' } },
    { name: 'The same request again', request: transferToDanaRequest('postman-topup-1'), expect: { code: '2003800' } },
    {
      name: "The same request at dana-node 1.5.11's path",
      request: { ...transferToDanaRequest('postman-topup-1'), path: sdkPaths.transferToDana },
      expect: { code: '2003800' },
    },
    {
      name: 'Same partnerReferenceNo, another amount',
      request: transferToDanaRequest('postman-topup-1', '4.00'),
      expect: { code: '4043818' },
    },
    {
      name: 'More than the deposit holds',
      request: transferToDanaRequest('postman-topup-2', '200000.00'),
      expect: { code: '4033814' },
    },
    {
      name: 'Frozen account',
      request: transferToDanaRequest('postman-topup-3', undefined, '628996647679'),
      expect: { code: '4033805' },
    },
    {
      name: "The merchant's deposit now (control plane)",
      request: adminRequest('GET', '/merchant-balances/{{partnerId}}'),
      expect: { admin: 200 },
    },
    {
      name: 'Bad signature',
      request: transferToDanaRequest('postman-topup-4'),
      expect: { code: '4013800' },
      spoilSignature: true,
    },
    'scenarios',
  ],
};
