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

/** A file's text; the error names the file, since a test suite calling this sees nothing else. */
function readNamed(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the demo partner's file ${file}: ${(error as Error).message}`);
  }
}

/** Reads the demo partner from the package, so tests elsewhere need no path into it. Never a real key. */
export function loadDemoPartner(keysDir = join(findPackageRoot(), 'keys')): DemoPartner {
  const dir = join(keysDir, 'demo-partner');
  const file = join(dir, 'partner.json');
  const text = readNamed(file);
  let spec: { partnerId: string; clientSecret: string; merchantId: string; privateKeyFile?: string };
  try {
    spec = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  return { partnerId: spec.partnerId, clientSecret: spec.clientSecret, merchantId: spec.merchantId, privateKey: readNamed(join(dir, spec.privateKeyFile ?? 'private.pem')) };
}
