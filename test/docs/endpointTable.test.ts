import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { readmeFile, renderEndpointTable, tableEnd, tableStart } from '../../postman/writeEndpointTable.js';
import { endpoints } from '../../server/endpoints/index.js';

describe("the docs' endpoint table", () => {
  it('is, between its markers in README.md, what `npm run docs:endpoints` writes from the endpoint list', () => {
    const readme = readFileSync(readmeFile, 'utf8');
    const block = readme.slice(readme.indexOf(tableStart) + tableStart.length, readme.indexOf(tableEnd)).trim();
    expect(block).toBe(renderEndpointTable());
  });

  it('has one row per declared endpoint', () => {
    const rows = renderEndpointTable().split('\n').slice(2);
    expect(rows.map((row) => /^\| \[?`([^`]+)`/.exec(row)?.[1])).toEqual(endpoints.map((e) => e.id));
  });
});
