import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { root } from '../support/partners.js';
import { readDocuments, withoutCode, withoutFencedBlocks } from './documents.js';

/** Tracked files and new files not ignored: what a commit would hold. The changelog may name what was removed. */
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
  cwd: root,
  encoding: 'utf8',
})
  .split('\n')
  .filter((f) => f !== '' && f !== 'CHANGELOG.md' && existsSync(join(root, f)));

/**
 * Citations of documents the repository does not hold: a protocol fact sheet other than
 * docs/protocol.md (a relative link from inside docs/ is that file), a source document by its
 * file name (three digits, underscore, 16 hex digits, .txt) or its number (seed, a space, three digits).
 */
function foreignCitations(file: string, text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?<![\w.-])((?:[\w.-]+\/)*)protocol\.md/g)) {
    const linkTarget = text.slice(m.index - 2, m.index) === '](';
    const linkText = text[m.index - 1] === '[' && text.startsWith('](', m.index + m[0].length);
    const linkedFromDocs = file.startsWith('docs/') && m[1] === '' && (linkTarget || linkText);
    if (!m[1].endsWith('docs/') && !linkedFromDocs) found.push(m[0]);
  }
  for (const m of text.matchAll(/\d{3}_[0-9a-f]{16}\.txt|\bseeds? 0\d\d\b/gi)) found.push(m[0]);
  return found;
}

/**
 * Repository paths a file names (docs/<name>.md, server/<dir>/<file>.ts, schemas/<id>/request.json) that do not
 * exist; patterns (<id>, *, {a,b}) are not paths.
 */
function missingPaths(text: string): string[] {
  const cited = text.matchAll(
    /(?<![\w./-])(?:docs|server|schemas|scenarios|postman|test|keys|bench)\/[\w./<>{}*-]+\.(?:md|ts|json|js|pem)\b/g,
  );
  return [...cited].map((m) => m[0]).filter((path) => !/[<>{}*]/.test(path) && !existsSync(join(root, path)));
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, each space a hyphen. */
function slugOf(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const m of withoutFencedBlocks(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const slug = slugOf(m[1]);
    const n = seen.get(slug) ?? 0;
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
    seen.set(slug, n + 1);
  }
  for (const m of markdown.matchAll(/<a (?:id|name)="([^"]+)"/g)) anchors.add(m[1]);
  return anchors;
}

/** Relative links of a document whose file or anchor does not exist. */
function brokenLinks(path: string, text: string): string[] {
  const broken: string[] = [];
  for (const m of withoutCode(text).matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = m[1];
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
    const [file, anchor] = target.split('#', 2);
    const resolved = file === '' ? path : normalize(join(dirname(path), file));
    const absolute = join(root, resolved);
    if (!existsSync(absolute)) broken.push(target);
    else if (anchor !== undefined) {
      const ok = statSync(absolute).isFile() && resolved.endsWith('.md');
      if (!ok || !anchorsOf(readFileSync(absolute, 'utf8')).has(anchor)) broken.push(target);
    }
  }
  return broken;
}

describe('citations and links', () => {
  it('finds the files to check', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', 'docs/protocol.md', 'server/core/stages.ts']));
  });

  it.each(files)('%s cites only documents the repository holds or public pages', (file) => {
    const text = readFileSync(join(root, file), 'utf8');
    expect(foreignCitations(file, text)).toEqual([]);
  });

  it.each(files)('%s names only repository paths that exist', (file) => {
    expect(missingPaths(readFileSync(join(root, file), 'utf8'))).toEqual([]);
  });

  it.each(readDocuments().map((d) => [d.path, d] as const))(
    '%s links only to files and headings that exist',
    (_path, doc) => {
      expect(brokenLinks(doc.path, doc.text)).toEqual([]);
    },
  );

  it('reads anchors as GitHub writes them', () => {
    const anchors = anchorsOf("# A\n\n## Replay (X-EXTERNAL-ID)\n\n### dana-node's `Open API` helper\n\n## A\n");
    expect([...anchors]).toEqual(['a', 'replay-x-external-id', 'dana-nodes-open-api-helper', 'a-1']);
  });
});
