import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPackageRoot } from './packageRoot.js';

/** The TEST-ONLY demo partner shipped in keys/demo-partner: its id, secrets and private key (PEM). */
export interface DemoPartner {
  partnerId: string;
  clientSecret: string;
  merchantId: string;
  privateKey: string;
}

/** Reads the demo partner from the package, so tests elsewhere need no path into it. Never a real key. */
export function loadDemoPartner(keysDir = join(findPackageRoot(), 'keys')): DemoPartner {
  const dir = join(keysDir, 'demo-partner');
  const spec = JSON.parse(readFileSync(join(dir, 'partner.json'), 'utf8'));
  return { partnerId: spec.partnerId, clientSecret: spec.clientSecret, merchantId: spec.merchantId, privateKey: readFileSync(join(dir, spec.privateKeyFile ?? 'private.pem'), 'utf8') };
}
