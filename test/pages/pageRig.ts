import type { Browser } from 'playwright-core';
import type { Sandbox } from '../../server/sandbox.js';
import { launchChromium } from '../support/browser.js';
import { startPartnerSite } from '../support/partnerSite.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { oauthUrlFor } from './oauthUrl.js';

/** What the OAuth page tests drive: a headless Chromium, a listening test sandbox, and a partner site to come back to. */
export interface PageRig {
  browser: Browser;
  sandbox: Sandbox;
  /** The OAuth URL dana-node builds, on the sandbox, coming back to the partner site's /callback. */
  oauthUrl(options?: Omit<Parameters<typeof oauthUrlFor>[1], 'redirectUrl'>): string;
  close(): Promise<void>;
}

export async function openPageRig(): Promise<PageRig> {
  const browser = await launchChromium();
  const sandbox = await createTestSandbox();
  const { url } = await sandbox.listen(0);
  const partner = await startPartnerSite();
  return {
    browser,
    sandbox,
    oauthUrl: (options = {}) => oauthUrlFor(url, { redirectUrl: `${partner.url}/callback`, ...options }),
    close: async () => {
      await browser.close();
      await sandbox.close();
      await partner.close();
    },
  };
}
