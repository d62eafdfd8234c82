import { defineEndpoint } from '../../core/endpoint.js';
import { snapProtocol } from '../../protocols/snap/snapProtocol.js';
import { consultPayPostman } from './consultPayPostman.js';
import { paymentPaths } from '../../payments/paymentExamples.js';

/** The pay methods the sandbox's checkout and sandbox tools can complete. */
const paymentInfos = [
  { payMethod: 'BALANCE', payOption: '' },
  { payMethod: 'VIRTUAL_ACCOUNT', payOption: 'VIRTUAL_ACCOUNT_BCA' },
  { payMethod: 'VIRTUAL_ACCOUNT', payOption: 'VIRTUAL_ACCOUNT_BNI' },
  { payMethod: 'VIRTUAL_ACCOUNT', payOption: 'VIRTUAL_ACCOUNT_MANDIRI' },
  { payMethod: 'VIRTUAL_ACCOUNT', payOption: 'VIRTUAL_ACCOUNT_CIMB' },
];

/** Payment Gateway consultPay (dana-node paymentGatewayApi.consultPay): which pay methods an order may use. DANA answers 2005700, its failures 40000xx (DANA's UAT ConsultPay cases). */
export const consultPay = defineEndpoint({
  id: 'consultPay',
  method: 'POST',
  paths: [paymentPaths.consultPay],
  summary: 'The pay methods an order may use (2005700; failures 40000xx)',
  postman: consultPayPostman,
  protocol: snapProtocol({
    serviceCode: '00',
    successServiceCode: '57',
    clientHeader: 'x-partner-id',
    signature: 'asymmetric',
    // DANA names no field: an empty merchantId answers a bare "Invalid Field Format" (UAT ConsultPayBalancedInvalidFieldFormat).
    unnamed: ['invalidFieldFormat'],
  }),
  handle: () => ({ case: 'successful', data: { paymentInfos } }),
});
