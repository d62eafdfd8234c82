import { oauthPage } from './oauthPage.js';
import type { PageRoute } from './pageRoute.js';

/** Every browser page, one line each. Adding one: its module in server/protocols/page/ and a line here. */
export const pageRoutes: readonly PageRoute[] = [oauthPage];

const byPath = new Map(pageRoutes.flatMap((page) => page.paths.map((path) => [path, page] as const)));

/** The checkout page's id in the journal (it is routed by prefix, /checkout/<referenceNo>, not by a page route). */
export const checkoutPageId = 'checkoutPage';

/** The page that serves `path`, if any. */
export function findPage(path: string): PageRoute | undefined {
  return byPath.get(path);
}
