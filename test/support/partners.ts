import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPackageRoot } from '../../server/packageRoot.js';

export const root = findPackageRoot();

export interface TestPartner {
  partnerId: string;
  clientSecret: string;
  merchantId: string;
  privateKey: KeyObject;
}

function loadPartner(dir: string): TestPartner {
  const spec = JSON.parse(readFileSync(join(root, 'keys', dir, 'partner.json'), 'utf8'));
  return { ...spec, privateKey: createPrivateKey(readFileSync(join(root, 'keys', dir, 'private.pem'), 'utf8')) };
}

/** The TEST-ONLY demo partner shipped in keys/demo-partner. */
export const demoPartner = loadPartner('demo-partner');
/** A second TEST-ONLY partner (keys/other-partner). */
export const otherPartner = loadPartner('other-partner');
export const danaPublicKeyPem = readFileSync(join(root, 'keys', 'dana', 'public.pem'), 'utf8');
