// Regenerates the TEST-ONLY key pairs in keys/. Never put a real key here.
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const keysDir = dirname(fileURLToPath(import.meta.url));
const owners = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['demo-partner', 'other-partner', 'dana'];

for (const owner of owners) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  mkdirSync(join(keysDir, owner), { recursive: true });
  writeFileSync(join(keysDir, owner, 'private.pem'), privateKey);
  writeFileSync(join(keysDir, owner, 'public.pem'), publicKey);
  console.log(`wrote keys/${owner}/private.pem and public.pem (TEST-ONLY)`);
}
