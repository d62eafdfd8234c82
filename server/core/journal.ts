import { createHash } from 'node:crypto';
import type { SandboxRequest, SandboxResponse } from './types.js';

/** What a journal entry keeps of one body: enough to see what was sent, bounded so the journal's memory is entries x this. */
export const journalBodyCap = 64 * 1024;

/** Marks a body the journal cut to its first bytes: the full body's UTF-8 length and SHA-256 (hex), to compare with what was sent. */
export interface TruncatedBody {
  truncated: true;
  bytes: number;
  sha256: string;
}

/** One exchange as the sandbox saw it, with the verdicts of each check. */
export interface JournalEntry {
  id: string;
  at: string;
  session?: string;
  endpoint?: string;
  partnerId?: string;
  /** The wire result code: SNAP responseCode or the envelope's resultCode. */
  code?: string;
  scenario?: string;
  verdicts: Record<string, unknown>;
  debug?: string;
  /** `rawBody` holds at most journalBodyCap bytes; `rawBodyTruncated` is there only when it was cut. */
  request: Pick<SandboxRequest, 'method' | 'path' | 'search' | 'headers' | 'rawBody'> & {
    rawBodyTruncated?: TruncatedBody;
  };
  /** `body` holds at most journalBodyCap bytes; `bodyTruncated` is there only when it was cut. */
  response: Pick<SandboxResponse, 'status' | 'headers' | 'body'> & { bodyTruncated?: TruncatedBody };
}

export interface JournalFilter {
  endpoint?: string;
  session?: string;
  code?: string;
}

/** The body whole when it fits in `cap` UTF-8 bytes, else its first bytes (ending on a whole character) and what was cut. */
export function capBody(body: string, cap: number = journalBodyCap): { text: string; truncated?: TruncatedBody } {
  // A UTF-16 unit is at most 3 UTF-8 bytes: most bodies fit without being measured.
  if (body.length * 3 <= cap || Buffer.byteLength(body) <= cap) return { text: body };
  const bytes = Buffer.from(body);
  let end = cap;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
  // toString copies the kept bytes into a new string: a slice of `body` would keep all of it alive.
  return {
    text: bytes.toString('utf8', 0, end),
    truncated: { truncated: true, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') },
  };
}

/** The entry with both bodies capped; the same object when neither needed it. */
function capBodies(entry: JournalEntry, cap: number): JournalEntry {
  const request = capBody(entry.request.rawBody, cap);
  const response = capBody(entry.response.body, cap);
  if (!request.truncated && !response.truncated) return entry;
  return {
    ...entry,
    request: {
      ...entry.request,
      rawBody: request.text,
      ...(request.truncated && { rawBodyTruncated: request.truncated }),
    },
    response: {
      ...entry.response,
      body: response.text,
      ...(response.truncated && { bodyTruncated: response.truncated }),
    },
  };
}

/** A capped ring buffer: recording costs the same however many entries it holds, and each keeps at most `bodyCap` bytes per body. */
export class Journal {
  private entries: (JournalEntry | undefined)[];
  private next = 0;
  private size = 0;

  constructor(
    readonly capacity: number,
    readonly bodyCap: number = journalBodyCap,
  ) {
    this.entries = new Array(capacity);
  }

  record(entry: JournalEntry): void {
    if (this.capacity === 0) return;
    this.entries[this.next] = capBodies(entry, this.bodyCap);
    this.next = (this.next + 1) % this.capacity;
    this.size = Math.min(this.size + 1, this.capacity);
  }

  /** Oldest first. */
  list(filter: JournalFilter = {}): JournalEntry[] {
    const start = (this.next - this.size + this.capacity) % this.capacity;
    const all = Array.from({ length: this.size }, (_, i) => this.entries[(start + i) % this.capacity] as JournalEntry);
    return all.filter(
      (e) =>
        (filter.endpoint === undefined || e.endpoint === filter.endpoint) &&
        (filter.session === undefined || e.session === filter.session) &&
        (filter.code === undefined || e.code === filter.code),
    );
  }

  /** Forget everything, or one session's entries. */
  clear(session?: string): void {
    const kept = session === undefined ? [] : this.list().filter((e) => e.session !== session);
    this.entries = new Array(this.capacity);
    this.next = 0;
    this.size = 0;
    kept.forEach((e) => this.record(e));
  }
}
