import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { root } from '../support/partners.js';
import { findFencedBlocks, readDocuments } from './documents.js';

/** Every TypeScript block of the README and docs/, with the test file it says it is ("(this block is `file`):"). */
const tsBlocks = readDocuments().flatMap((doc) =>
  findFencedBlocks(doc.text)
    .filter((b) => ['ts', 'typescript'].includes(b.language))
    .map((b) => ({
      name: `${doc.path}:${b.line}`,
      code: b.code,
      file: /\(this block is `([^`]+)`\):\n\n$/.exec(b.before)?.[1],
    })),
);

const exampleFiles = readdirSync(join(root, 'test/docs/examples'))
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => `test/docs/examples/${name}`);

describe('TypeScript examples of the README and docs/', () => {
  it.each(tsBlocks.map((b) => [b.name, b] as const))('%s says which test file it is', (_name, block) => {
    expect(block.file).toMatch(/^test\/docs\/examples\/\w+\.test\.ts$/);
  });

  it.each(tsBlocks.map((b) => [b.name, b] as const))('%s shows its test file exactly as it runs', (_name, block) => {
    const code = readFileSync(join(root, block.file!), 'utf8').trimEnd();
    expect(block.code.trimEnd()).toBe(code);
  });

  it.each(exampleFiles)('shows %s in a document', (file) => {
    expect(tsBlocks.map((b) => b.file)).toContain(file);
  });
});
