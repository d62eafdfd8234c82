import { join } from 'node:path';
import { readJson, readText } from './core/readNamedFile.js';
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
  const spec = readJson(join(dir, 'partner.json')) as {
    partnerId: string;
    clientSecret: string;
    merchantId: string;
    privateKeyFile?: string;
  };
  return {
    partnerId: spec.partnerId,
    clientSecret: spec.clientSecret,
    merchantId: spec.merchantId,
    privateKey: readText(join(dir, spec.privateKeyFile ?? 'private.pem')),
  };
}
