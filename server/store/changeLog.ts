import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { CollectionName } from './entities.js';

/** One state change, as a line of the change log: the store replays these over the data file at start-up. */
export type Change =
  | { op: 'put'; c: CollectionName; s: string; id: string; v: unknown }
  | { op: 'delete'; c: CollectionName; s: string; id: string }
  | { op: 'clear'; s?: string };

/** The append-only log beside the data file: every change since the data file was last written. */
export const changeLogFileOf = (dataFile: string) => `${dataFile}.log`;

/**
 * Appends one change as one line, synchronously: once this returns the line is in the operating
 * system's hands, so it outlives a killed process (no fsync: a power cut is not what a sandbox guards against).
 */
export function appendChange(file: string, change: Change): number {
  const line = `${JSON.stringify(change)}\n`;
  appendFileSync(file, line);
  return Buffer.byteLength(line);
}

const isChange = (value: unknown): value is Change => {
  const c = value as Record<string, unknown> | null;
  if (c === null || typeof c !== 'object') return false;
  if (c.op === 'clear') return c.s === undefined || typeof c.s === 'string';
  return (
    (c.op === 'put' || c.op === 'delete') &&
    typeof c.c === 'string' &&
    typeof c.s === 'string' &&
    typeof c.id === 'string' &&
    (c.op === 'delete' || (c.v !== null && typeof c.v === 'object'))
  );
};

/**
 * The changes logged since the data file was written, in order. The last line may be torn (the process
 * was killed while appending it): it was never acknowledged, so it is skipped. Any other bad line is
 * someone's edit and stops start-up, naming the file and the line; nothing is ever wiped.
 */
export function readChangeLog(file: string): { changes: Change[]; bytes: number } {
  if (!existsSync(file)) return { changes: [], bytes: 0 };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the change log ${file}: ${(error as Error).message}. Fix or move it.`, {
      cause: error,
    });
  }
  const lines = text.split('\n');
  const changes: Change[] = [];
  let lastLine = lines.length - 1;
  while (lastLine > 0 && lines[lastLine] === '') lastLine--;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === '') continue;
    let change: unknown;
    try {
      change = JSON.parse(lines[i]);
    } catch {
      change = undefined;
    }
    if (isChange(change)) changes.push(change);
    else if (i !== lastLine)
      throw new Error(
        `The change log ${file} is not a dana-mock change log: line ${i + 1} is not a change. Fix or move it; the sandbox never wipes it.`,
      );
  }
  return { changes, bytes: Buffer.byteLength(text) };
}
