import { handleOauthPage, oauthModeOf } from './handleOauthPage.js';
import { oauthPagePaths } from './oauthQuery.js';
import type { PageRoute } from './pageRoute.js';

/** DANA's OAuth (binding) page, at both paths WidgetUtils.generateOauthUrl uses (API and DEEPLINK mode). */
export const oauthPage: PageRoute = {
  id: 'oauthPage',
  paths: Object.values(oauthPagePaths),
  handle: (request, deps) => handleOauthPage(oauthModeOf(request.path)!, request, deps),
};
