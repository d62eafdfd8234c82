import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../support/partners.js';

export interface Document {
  /** Relative to the package root, with `/`: `README.md`, `docs/endpoints.md`. */
  path: string;
  text: string;
}

/** The README and every Markdown file under docs/: the documents whose examples and links tests check. */
export function readDocuments(): Document[] {
  const docs = readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
  return ['README.md', ...docs].map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));
}

export interface FencedBlock {
  language: string;
  code: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The text between the previous block (or the start) and this one. */
  before: string;
}

/** Every fenced code block of a Markdown text, in order. */
export function findFencedBlocks(text: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  let previousEnd = 0;
  for (const m of text.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)) {
    const line = text.slice(0, m.index).split('\n').length;
    blocks.push({ language: m[1], code: m[2], line, before: text.slice(previousEnd, m.index) });
    previousEnd = m.index + m[0].length;
  }
  return blocks;
}

/** The text without its fenced blocks, whose `# ...` lines are shell comments, not headings. */
export function withoutFencedBlocks(text: string): string {
  return text.replace(/^```[\s\S]*?^```$/gm, '');
}

/** The text without fenced blocks and inline code, so that neither yields links. */
export function withoutCode(text: string): string {
  return withoutFencedBlocks(text).replace(/`[^`\n]*`/g, '``');
}
