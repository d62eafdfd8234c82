import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPartner } from '../../server/core/partners.js';
import { findPackageRoot } from '../../server/packageRoot.js';
import type { Sandbox } from '../../server/sandbox.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { internalsOf } from '../../server/internals.js';

const demoPublicKey = readFileSync(join(findPackageRoot(), 'keys', 'demo-partner', 'public.pem'), 'utf8');
let sandbox: Sandbox;
let outside: string;

beforeAll(async () => {
  sandbox = await createTestSandbox();
  outside = mkdtempSync(join(tmpdir(), 'dana-mock-keys-'));
});
afterAll(async () => {
  await sandbox.close();
  rmSync(outside, { recursive: true, force: true });
});

describe("a partner's keySource", () => {
  it('names a key file inside the package from the package root, so no machine folder leaks into diagnostics', () => {
    const demo = internalsOf(sandbox)
      .partners.list()
      .find((p) => p.privateKey)!;
    expect(demo.keySource).toBe(join('keys', 'demo-partner', 'public.pem'));
  });

  it('keeps the absolute path of a key file outside the package', () => {
    const file = join(outside, 'public.pem');
    expect(createPartner({ partnerId: 'p', publicKey: demoPublicKey }, file).keySource).toBe(file);
  });

  it('keeps a path that only starts like the package root', () => {
    const sibling = `${findPackageRoot()}-other/public.pem`;
    expect(createPartner({ partnerId: 'p', publicKey: demoPublicKey }, sibling).keySource).toBe(sibling);
  });
});
