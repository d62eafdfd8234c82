/** The head `function` pushNotificationUser answers (seed 003_9916cefbcccc7dcd.txt). */
export const pushFunction = 'dana.mobilewallet.mobilepush.pushOrderNotify';
