import { ok, type AdminRoute } from './adminRoute.js';

/** The DANA app's inbox: the push notifications delivered to customers, scoped to the session. */
export const notificationRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/notifications',
    query: { customerId: "Only this customer's notifications.", acquirementId: 'Only notifications about this order.' },
    summary:
      'List delivered push notifications, oldest first; filter with ?customerId=, ?acquirementId=, and the session.',
    handle: ({ query, session }, deps) => {
      const customerId = query.get('customerId');
      const acquirementId = query.get('acquirementId');
      const notifications = deps.store
        .list('notifications', session)
        .filter(
          (n) =>
            (customerId === null || n.customerId === customerId) &&
            (acquirementId === null || n.acquirementId === acquirementId),
        )
        .sort((a, b) => a.deliveredAt.localeCompare(b.deliveredAt));
      return ok({ notifications });
    },
  },
];
