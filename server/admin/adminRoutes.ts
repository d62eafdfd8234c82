import type { AdminRoute } from './adminRoute.js';
import { healthRoutes } from './healthRoutes.js';

/** Every control route under /__admin. */
export const adminRoutes: readonly AdminRoute[] = [...healthRoutes];
