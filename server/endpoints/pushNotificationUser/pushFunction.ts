/** The head `function` pushNotificationUser answers (DANA's pushNotificationUser document, docs/protocol.md#pushnotificationuser). */
export const pushFunction = 'dana.mobilewallet.mobilepush.pushOrderNotify';
