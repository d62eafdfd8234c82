import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EndpointDefinition } from '../server/core/endpoint.js';
import { endpoints } from '../server/endpoints/index.js';
import { findPackageRoot } from '../server/packageRoot.js';

export const readmeFile = join(findPackageRoot(), 'README.md');
const endpointsDoc = join(findPackageRoot(), 'docs/endpoints.md');
export const tableStart = '<!-- endpoints -->';
export const tableEnd = '<!-- /endpoints -->';

/** A Markdown table cell: a pipe would end the cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The endpoint ids docs/endpoints.md has a section for (`<a id="<id>"></a>`): an endpoint without one is listed unlinked. */
function documentedIds(): Set<string> {
  const text = existsSync(endpointsDoc) ? readFileSync(endpointsDoc, 'utf8') : '';
  return new Set([...text.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]));
}

/** The docs' endpoint table, one row per declared endpoint, in the order of the endpoint list. */
export function renderEndpointTable(declared: readonly EndpointDefinition[] = endpoints): string {
  const documented = documentedIds();
  const rows = declared.map((e) => {
    const id = documented.has(e.id) ? `[\`${e.id}\`](docs/endpoints.md#${e.id})` : `\`${e.id}\``;
    const [path, ...aliases] = e.paths;
    const where = `\`${e.method} ${path}\`${aliases.length ? ` (also ${aliases.map((a) => `\`${a}\``).join(', ')})` : ''}`;
    const { tag, binding } = e.protocol.describe;
    return `| ${id} | ${cell(where)} | ${tag} | ${cell(binding)} | ${cell(e.summary)} |`;
  });
  return ['| id | method and path | protocol | binding | what it does |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** `markdown` with the text between the endpoint markers replaced by `table`; refuses a file without the markers. */
export function spliceEndpointTable(markdown: string, table: string): string {
  const start = markdown.indexOf(tableStart);
  const end = markdown.indexOf(tableEnd);
  if (start < 0 || end < start) throw new Error(`No ${tableStart} ... ${tableEnd} block to fill in.`);
  return `${markdown.slice(0, start + tableStart.length)}\n${table}\n${markdown.slice(end)}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(readmeFile, spliceEndpointTable(readFileSync(readmeFile, 'utf8'), renderEndpointTable()));
  console.log(`Wrote the endpoint table of ${readmeFile}`);
}
