import { cancelFolder } from '../../payments/orderFolders.js';

/** widgetCancelOrder's folder (shared with cancelOrder's: the same walk on the other path). */
export const widgetCancelOrderPostman = cancelFolder({
  name: 'widgetCancelOrder',
  label: 'Widget cancelOrder',
  widget: true,
  ref: 'postman-widget-1',
});
