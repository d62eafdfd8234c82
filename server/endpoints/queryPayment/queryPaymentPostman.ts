import { queryFolder } from '../../payments/orderFolders.js';

/** queryPayment's folder (shared with widgetQueryPayment's: the same walk on the other path). */
export const queryPaymentPostman = queryFolder({
  name: 'queryPayment',
  label: 'Payment Gateway queryPayment',
  widget: false,
  ref: 'postman-order-1',
});
