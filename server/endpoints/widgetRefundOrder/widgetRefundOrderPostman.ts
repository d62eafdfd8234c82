import { refundFolder } from '../../payments/orderFolders.js';

/** widgetRefundOrder's folder (shared with refundOrder's: the same walk on the other path). */
export const widgetRefundOrderPostman = refundFolder({
  name: 'widgetRefundOrder',
  label: 'Widget refundOrder',
  widget: true,
  ref: 'postman-widget-1',
  unknownOrderCode: '4045812',
});
