import type { AdminRoute } from './adminRoute.js';
import { consoleRoutes } from '../console/consoleRoutes.js';
import { clockRoutes } from './clockRoutes.js';
import { disbursementRoutes } from './disbursementRoutes.js';
import { fixtureRoutes } from './fixtureRoutes.js';
import { healthRoutes } from './healthRoutes.js';
import { journalRoutes } from './journalRoutes.js';
import { keyRoutes } from './keyRoutes.js';
import { notificationRoutes } from './notificationRoutes.js';
import { openApiRoutes } from './openApiRoutes.js';
import { paymentRoutes } from './paymentRoutes.js';
import { resetRoutes } from './resetRoutes.js';
import { scenarioRoutes } from './scenarioRoutes.js';
import { signingRoutes } from './signingRoutes.js';

/** Every control route under /__admin. */
export const adminRoutes: readonly AdminRoute[] = [
  ...healthRoutes,
  ...fixtureRoutes,
  ...clockRoutes,
  ...keyRoutes,
  ...scenarioRoutes,
  ...journalRoutes,
  ...notificationRoutes,
  ...paymentRoutes,
  ...disbursementRoutes,
  ...resetRoutes,
  ...signingRoutes,
  ...openApiRoutes,
  ...consoleRoutes,
];
