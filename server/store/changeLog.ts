import {
  closeSync,
  existsSync,
  fstatSync,
  ftruncateSync,
  openSync,
  readFileSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import type { CollectionName } from './entities.js';

/** One state change, as a line of the change log: the store replays these over the data file at start-up. */
export type Change =
  | { op: 'put'; c: CollectionName; s: string; id: string; v: unknown }
  | { op: 'delete'; c: CollectionName; s: string; id: string }
  | { op: 'clear'; s?: string };

/** The append-only log beside the data file: every change since the data file was last written. */
export const changeLogFileOf = (dataFile: string) => `${dataFile}.log`;

/**
 * The change log open for appending. Each change is one line written synchronously: once append returns
 * the line is in the operating system's hands, so it outlives a killed process (no fsync: a power cut is
 * not what a sandbox guards against).
 */
export class ChangeLog {
  private fd: number | undefined;

  constructor(readonly file: string) {}

  /** Appends one change; returns the bytes written. Throws ENOENT when the file was removed under the sandbox. */
  append(change: Change): number {
    const line = Buffer.from(`${JSON.stringify(change)}\n`);
    this.fd ??= openSync(this.file, 'a');
    writeSync(this.fd, line);
    // A removed file (its folder cleaned) takes writes that no restart would see: report it as missing.
    if (fstatSync(this.fd).nlink === 0) {
      this.close();
      throw Object.assign(new Error(`${this.file} was removed`), { code: 'ENOENT' });
    }
    return line.length;
  }

  /** Empties the log once the data file holds every change in it. */
  clear(): void {
    if (this.fd === undefined) writeFileSync(this.file, '');
    else ftruncateSync(this.fd, 0);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
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
