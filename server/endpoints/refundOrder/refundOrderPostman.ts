import { refundFolder } from '../../payments/orderFolders.js';

/** refundOrder's folder (shared with widgetRefundOrder's: the same walk on the other path). */
export const refundOrderPostman = refundFolder({
  name: 'refundOrder',
  label: 'Payment Gateway refundOrder',
  widget: false,
  ref: 'postman-order-1',
  unknownOrderCode: '4045801',
});
