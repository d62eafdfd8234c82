import { cancelFolder } from '../../payments/orderFolders.js';

/** cancelOrder's folder (shared with widgetCancelOrder's: the same walk on the other path). */
export const cancelOrderPostman = cancelFolder({
  name: 'cancelOrder',
  label: 'Payment Gateway cancelOrder',
  widget: false,
  ref: 'postman-order-1',
});
