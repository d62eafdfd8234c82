import { oauthPage } from './oauthPage.js';
import type { PageRoute } from './pageRoute.js';

/** Every browser page, one line each. Adding one: its module in server/protocols/page/ and a line here. */
export const pageRoutes: readonly PageRoute[] = [oauthPage];

const byPath = new Map(pageRoutes.flatMap((page) => page.paths.map((path) => [path, page] as const)));

/** The page that serves `path`, if any. */
export function findPage(path: string): PageRoute | undefined {
  return byPath.get(path);
}

/** Whether `id` names a page: its steps are journalled under that id, as an endpoint's exchanges are under theirs. */
export function isPageId(id: string): boolean {
  return pageRoutes.some((page) => page.id === id);
}
