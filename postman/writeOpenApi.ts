import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findPackageRoot } from '../server/packageRoot.js';
import { createSandbox } from '../server/sandbox.js';

export const openApiFile = join(findPackageRoot(), 'postman', 'dana-mock.openapi.json');

/** The exact text of postman/dana-mock.openapi.json, built from a fresh default sandbox. */
export async function renderOpenApiFile(): Promise<string> {
  const sandbox = await createSandbox({ inMemory: true, logLevel: 'silent' });
  try {
    return `${JSON.stringify(sandbox.control.openApi(), null, 2)}\n`;
  } finally {
    await sandbox.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(openApiFile, await renderOpenApiFile());
  console.log(openApiFile);
}
