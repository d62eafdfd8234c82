import { createHash } from 'node:crypto';
import type { SandboxRequest, SandboxResponse } from './types.js';
import { scopeKeyOf } from './globalScope.js';

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

/** Whether an entry passes a filter (no session in the filter = any session). */
export function entryMatches(entry: JournalEntry, filter: JournalFilter): boolean {
  return (
    (filter.session === undefined || entry.session === filter.session) &&
    (filter.endpoint === undefined || entry.endpoint === filter.endpoint) &&
    (filter.code === undefined || entry.code === filter.code)
  );
}

/** Entries of one session, oldest first, as a queue whose front is dropped in O(1). */
class SessionEntries {
  seqs: number[] = [];
  head = 0;

  get size(): number {
    return this.seqs.length - this.head;
  }

  push(seq: number): void {
    this.seqs.push(seq);
  }

  shift(): number {
    const seq = this.seqs[this.head++];
    // Compact once the dropped front is half the array, so memory follows what is kept.
    if (this.head * 2 >= this.seqs.length) {
      this.seqs = this.seqs.slice(this.head);
      this.head = 0;
    }
    return seq;
  }

  *[Symbol.iterator](): Generator<number> {
    for (let i = this.head; i < this.seqs.length; i++) yield this.seqs[i];
  }
}

/** Told of each entry as it is recorded, with its sequence number (the cursor just past it). */
export type JournalListener = (seq: number, entry: JournalEntry) => void;

/** Default journal entries kept over all sessions together. */
export const journalTotalDefault = 10_000;

/** A page of journal entries and the cursor of the next one (null on the last page). */
export interface JournalPage {
  entries: JournalEntry[];
  next: string | null;
}

/**
 * The journal: each session (and the global scope) keeps its own newest `perSession` entries, so one
 * busy session never evicts another's; past `total` entries over all sessions, the oldest entry of any
 * session goes. Recording costs the same however many entries it holds, and each keeps at most
 * `bodyCap` bytes per body.
 */
export class Journal {
  /** Every entry by sequence number, in recording order (a Map keeps insertion order). */
  private readonly entries = new Map<number, JournalEntry>();
  private readonly sessions = new Map<string, SessionEntries>();
  private readonly listeners = new Set<JournalListener>();
  private seq = 0;

  constructor(
    readonly perSession: number,
    readonly bodyCap: number = journalBodyCap,
    readonly total: number = journalTotalDefault,
  ) {}

  /** Entries held now, over all sessions. */
  get size(): number {
    return this.entries.size;
  }

  record(entry: JournalEntry): void {
    if (this.perSession === 0 || this.total === 0) return;
    const key = scopeKeyOf(entry.session);
    let own = this.sessions.get(key);
    if (!own) this.sessions.set(key, (own = new SessionEntries()));
    const seq = ++this.seq;
    const kept = capBodies(entry, this.bodyCap);
    this.entries.set(seq, kept);
    own.push(seq);
    if (own.size > this.perSession) this.entries.delete(own.shift());
    // The oldest entry over all sessions is always the oldest of its own session.
    while (this.entries.size > this.total) this.dropOldest();
    for (const listener of this.listeners) listener(seq, kept);
  }

  /** Calls `listener` with every entry recorded from now on; returns the call that stops it. */
  subscribe(listener: JournalListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** The newest `limit` entries matching `filter` recorded after `cursor`, oldest first, with their sequence numbers. */
  tail(filter: JournalFilter, limit: number, cursor?: string): { seq: number; entry: JournalEntry }[] {
    const after = cursor === undefined ? 0 : Number(cursor);
    const found: { seq: number; entry: JournalEntry }[] = [];
    for (const seq of this.seqsOf(filter.session)) {
      const entry = this.entries.get(seq)!;
      if (seq > after && entryMatches(entry, filter)) found.push({ seq, entry });
    }
    return found.slice(-limit);
  }

  /** Oldest first. */
  list(filter: JournalFilter = {}): JournalEntry[] {
    return this.page(filter, Number.MAX_SAFE_INTEGER).entries;
  }

  /** Up to `limit` entries matching `filter` after `cursor` (a `next` of an earlier page), oldest first. */
  page(filter: JournalFilter, limit: number, cursor?: string): JournalPage {
    const after = cursor === undefined ? 0 : Number(cursor);
    const entries: JournalEntry[] = [];
    let last = after;
    for (const seq of this.seqsOf(filter.session)) {
      if (seq <= after) continue;
      const e = this.entries.get(seq)!;
      if (!entryMatches(e, filter)) continue;
      if (entries.length === limit) return { entries, next: String(last) };
      entries.push(e);
      last = seq;
    }
    return { entries, next: null };
  }

  /** Forget everything, or one session's entries (and its bookkeeping). */
  clear(session?: string): void {
    if (session === undefined) {
      this.entries.clear();
      this.sessions.clear();
      return;
    }
    for (const seq of this.sessions.get(session) ?? []) this.entries.delete(seq);
    this.sessions.delete(session);
  }

  /** The sessions holding entries now ('' = no session). */
  sessionKeys(): string[] {
    return [...this.sessions.keys()];
  }

  private seqsOf(session: string | undefined): Iterable<number> {
    if (session === undefined) return this.entries.keys();
    return this.sessions.get(session) ?? [];
  }

  private dropOldest(): void {
    const oldest = this.entries.keys().next().value as number;
    const key = scopeKeyOf(this.entries.get(oldest)!.session);
    const own = this.sessions.get(key)!;
    own.shift();
    this.entries.delete(oldest);
    if (own.size === 0) this.sessions.delete(key);
  }
}
