import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import converter from 'openapi-to-postmanv2';
import { findPackageRoot } from '../../server/packageRoot.js';

type Converted = { name: string; item?: Converted[]; request?: { method: string; url: { path: string[] } } };

const document = readFileSync(join(findPackageRoot(), 'postman', 'dana-mock.openapi.json'), 'utf8');

/** Runs Postman's own OpenAPI importer (openapi-to-postmanv2, what Postman's Import uses) over the document. */
function importIntoPostman(data: string): Promise<Converted[]> {
  return new Promise((resolve, reject) =>
    converter.convertV2({ type: 'string', data }, {}, (error, result) => {
      if (error || !result?.result)
        return reject(new Error(`Postman refused the document: ${error?.message ?? result?.reason}`));
      resolve((result.output![0].data as { item: Converted[] }).item);
    }),
  );
}

const requestsOf = (items: Converted[]): Converted[] => items.flatMap((i) => (i.item ? requestsOf(i.item) : [i]));

describe("the OpenAPI document in Postman's importer", () => {
  test('imports with one request per operation, endpoints and control routes alike', async () => {
    const spec = JSON.parse(document) as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((k) => k !== 'parameters')
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    const imported = requestsOf(await importIntoPostman(document)).map(
      (r) => `${r.request!.method} /${r.request!.url.path.join('/').replace(/:(\w+)/g, '{$1}')}`,
    );
    expect([...imported].sort()).toEqual([...operations].sort());
    expect(imported).toEqual(
      expect.arrayContaining([
        'POST /rest/v1.1/qr/apply-ott',
        'POST /v1/payments/pushNotificationUser',
        'POST /__admin/sign',
      ]),
    );
  });

  test('is refused when it is not OpenAPI, so the check above can fail', async () => {
    await expect(importIntoPostman('{"swagger": "not a document"}')).rejects.toThrow('Postman refused the document');
  });
});
