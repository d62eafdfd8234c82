import { queryFolder } from '../../payments/orderFolders.js';

/** widgetQueryPayment's folder (shared with queryPayment's: the same walk on the other path). */
export const widgetQueryPaymentPostman = queryFolder({
  name: 'widgetQueryPayment',
  label: 'Widget queryPayment',
  widget: true,
  ref: 'postman-widget-1',
});
