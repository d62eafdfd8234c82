import type { SandboxRequest, SandboxResponse } from './types.js';

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
  request: Pick<SandboxRequest, 'method' | 'path' | 'search' | 'headers' | 'rawBody'>;
  response: Pick<SandboxResponse, 'status' | 'headers' | 'body'>;
}

export interface JournalFilter {
  endpoint?: string;
  session?: string;
  code?: string;
}

/** A capped ring buffer: recording costs the same however many entries it holds. */
export class Journal {
  private entries: (JournalEntry | undefined)[];
  private next = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    this.entries = new Array(capacity);
  }

  record(entry: JournalEntry): void {
    if (this.capacity === 0) return;
    this.entries[this.next] = entry;
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
