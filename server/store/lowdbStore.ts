import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { LowSync } from 'lowdb';
import { JSONFileSync } from 'lowdb/node';
import { globalScope } from '../core/globalScope.js';
import type { Logger } from '../core/logger.js';
import { ChangeLog, changeLogFileOf, readChangeLog, type Change } from './changeLog.js';
import { entityFields, entityReferences, type CollectionName, type Collections, type FieldKind } from './entities.js';
import type { Store, WriteStatus } from './store.js';

type Table<T> = Record<string, Record<string, T>>;
interface Data {
  version: 1;
  collections: { [C in CollectionName]?: Table<Collections[C]> };
}

/**
 * Records of what happened in a scope (pushes delivered, OTTs issued, rate counters): a session never
 * sees the global scope's, so a request made without a session cannot change a session's outcome.
 * Every other collection is shared the other way round: global entries are the sandbox's defaults.
 */
export const scopedOnly: ReadonlySet<CollectionName> = new Set<CollectionName>([
  'notifications',
  'otts',
  'rateWindows',
]);

/** An own property only: ids and session names come from requests, so `__proto__` or `constructor` must be plain keys. */
const own = <T>(record: Record<string, T> | undefined, key: string): T | undefined =>
  record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;

/** Sets an own, enumerable property even for a key such as `__proto__` (plain assignment would change the prototype). */
function define<T>(record: Record<string, T>, key: string, value: T): T {
  // Only `__proto__` is an accessor on a plain object: any other key is an own data property either way, and plain assignment is cheaper.
  if (key !== '__proto__') record[key] = value;
  else Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  return value;
}
const emptyData = (): Data => ({ version: 1, collections: {} });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const isInstant = (value: unknown) => typeof value === 'string' && Number.isFinite(Date.parse(value));

const kindNames: Record<Exclude<FieldKind, readonly string[]>, string> = {
  key: 'a non-empty string equal to its key',
  string: 'a string',
  instant: 'an ISO-8601 time',
  boolean: 'true or false',
  count: 'a whole number of at least 0',
  object: 'an object',
  strings: 'a list of strings',
  list: 'an array',
};

function fits(kind: FieldKind, value: unknown, id: string): boolean {
  if (typeof kind !== 'string') return kind.includes(value as string);
  switch (kind) {
    case 'key':
      return value === id && id !== '';
    case 'string':
      return typeof value === 'string';
    case 'instant':
      return isInstant(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'count':
      return Number.isInteger(value) && (value as number) >= 0;
    case 'object':
      return isRecord(value);
    case 'strings':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
    case 'list':
      return Array.isArray(value);
  }
}

/** The first field of an entry that is missing or of the wrong kind, named with what it holds. */
function checkFields(collection: keyof typeof entityFields, record: Record<string, unknown>, id: string) {
  for (const [field, rule] of Object.entries(entityFields[collection])) {
    const value = record[field];
    if (value === undefined && rule.optional) continue;
    if (fits(rule.kind, value, id)) continue;
    const expected = typeof rule.kind === 'string' ? kindNames[rule.kind] : `one of ${rule.kind.join(', ')}`;
    return `field ${field} is ${value === undefined ? 'missing' : JSON.stringify(value)}, not ${expected}`;
  }
  return undefined;
}

/** The fields the core computes with, per collection: a wrong one would fail every request of its scope, far from the cause. */
const recordChecks: Partial<
  Record<CollectionName, (record: Record<string, unknown>, id: string, scope: string) => string | undefined>
> = {
  clocks: (r) =>
    typeof r.offsetMs !== 'number' || !Number.isFinite(r.offsetMs)
      ? 'offsetMs is not a number'
      : r.frozenAt !== undefined && (typeof r.frozenAt !== 'number' || !Number.isFinite(r.frozenAt))
        ? 'frozenAt is not a number'
        : undefined,
  rules: (r, id, scope) => {
    for (const field of ['id', 'endpoint', 'scenario'] as const)
      if (typeof r[field] !== 'string' || r[field] === '') return `${field} is not a non-empty string`;
    if (r.id !== id) return `its id "${String(r.id)}" differs from its key`;
    if (!isInstant(r.armedAt)) return 'armedAt is not an ISO-8601 time';
    if (r.remaining !== undefined && !(Number.isInteger(r.remaining) && (r.remaining as number) >= 1))
      return 'remaining is not a whole number of at least 1';
    if (r.match !== undefined && !isRecord(r.match)) return 'match is not an object';
    if ((r.session ?? globalScope) !== scope)
      return `its session ${JSON.stringify(r.session ?? null)} differs from the scope it is stored in`;
    return undefined;
  },
};

/**
 * The data file's shape, checked when it is opened: {"version":1,"collections":{<name>:{<scope>:{<id>:{...}}}}}.
 * A file that is something else (null, a list, a hand-edited table) stops start-up naming the file and
 * the spot, and is never overwritten: it may be someone's only copy of their registered partners.
 */
function checkData(data: unknown, file: string): asserts data is Data {
  const fail = (where: string, problem: string) => {
    throw new Error(
      `The data file ${file} is not a dana-mock data file: ${where} ${problem} (expected {"version":1,"collections":{"<collection>":{"<scope>":{"<id>":{...}}}}}). Fix or move it; the sandbox never wipes it.`,
    );
  };
  if (!isRecord(data))
    return fail(
      'the file',
      `holds ${data === null ? 'null' : Array.isArray(data) ? 'a list' : typeof data}, not an object`,
    );
  if (data.version !== 1) return fail('version', `is ${JSON.stringify(data.version)}, not 1`);
  if (!isRecord(data.collections)) return fail('collections', 'is not an object');
  for (const [name, table] of Object.entries(data.collections)) {
    if (!isRecord(table)) return fail(`collections.${name}`, 'is not an object of scopes');
    for (const [scope, rows] of Object.entries(table)) {
      if (!isRecord(rows)) return fail(`collections.${name}[${JSON.stringify(scope)}]`, 'is not an object of entries');
      for (const [id, record] of Object.entries(rows)) {
        const where = `collections.${name}[${JSON.stringify(scope)}][${JSON.stringify(id)}]`;
        if (!isRecord(record)) return fail(where, 'is not an object');
        const check = recordChecks[name as CollectionName];
        const problem = check
          ? check(record, id, scope)
          : name in entityFields
            ? checkFields(name as keyof typeof entityFields, record, id)
            : undefined;
        if (problem) return fail(where, problem);
      }
    }
  }
}

/**
 * Every reference of a stored entry resolves (a token's customer exists in its scope or the global one),
 * checked once the fixtures are seeded; throws naming the file, collection, entry and field.
 */
export function checkStoredReferences(store: Store, file: string): void {
  for (const { from, field, to } of entityReferences) {
    for (const { scope, id, value } of store.listEveryScope(from)) {
      const target = (value as unknown as Record<string, unknown>)[field];
      if (typeof target !== 'string' || store.get(to, target, scope) !== undefined) continue;
      throw new Error(
        `The data file ${file} is not consistent: collections.${from}[${JSON.stringify(scope ?? globalScope)}][${JSON.stringify(id)}] field ${field} names ${to} "${target}", which does not exist in its scope or the global one. Fix or move it; the sandbox never wipes it.`,
      );
    }
  }
}

/** lowdb reads a file holding `null` as "no data yet" and would overwrite it: read it first, so null counts as corrupt. */
function readDataFile(file: string): unknown {
  if (!existsSync(file)) return emptyData();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `Cannot read the data file ${file}: ${(error as Error).message}. Fix or move it; the sandbox never wipes it.`,
      { cause: error },
    );
  }
  if (text.trim() === '')
    throw new Error(
      `The data file ${file} is empty. Delete it to start afresh, or restore it; the sandbox never wipes it.`,
    );
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(
      `Cannot read the data file ${file}: ${(error as Error).message}. Fix or move it; the sandbox never wipes it.`,
      { cause: error },
    );
  }
}

export interface LowdbStoreOptions {
  /** The data file; absent = memory only. */
  file?: string;
  /**
   * The change log is folded into the data file once it holds this many bytes, or as many as the data
   * file's last write if that is more, so rewriting the file costs each change a bounded share.
   */
  compactAfterBytes?: number;
  /** Where a failed write of the data file is reported (it never throws: the state stays in memory). */
  logger?: Logger;
}

const defaultCompactAfterBytes = 1024 * 1024;

/** Applies one logged change to the data, as the store did when it was made. */
function applyChange(data: Data, change: Change): void {
  const collections = data.collections as Record<string, Table<unknown>>;
  if (change.op === 'clear') {
    for (const name of Object.keys(collections)) {
      if (change.s === undefined) delete collections[name];
      else delete collections[name][change.s];
    }
  } else if (change.op === 'put') {
    const t = own(collections, change.c) ?? define(collections, change.c, {});
    define(own(t, change.s) ?? define(t, change.s, {}), change.id, change.v);
  } else {
    const rows = own(own(collections, change.c), change.s);
    if (rows && Object.hasOwn(rows, change.id)) delete rows[change.id];
  }
}

/**
 * The only lowdb user: a Store on a JSON file or in memory. Every change is applied in memory and
 * appended to the change log before the call returns, so an answer is only sent once what it
 * acknowledges is on disk and survives the process being killed; start-up replays the log over the
 * data file. The log is folded into the data file (written whole, atomically) when it grows past
 * compactAfterBytes, at start-up, and at flush/close.
 */
export async function openLowdbStore(options: LowdbStoreOptions = {}): Promise<Store> {
  const { file, compactAfterBytes = defaultCompactAfterBytes, logger } = options;
  const logFile = file && changeLogFileOf(file);
  const log = logFile ? new ChangeLog(logFile) : undefined;
  if (file) mkdirSync(dirname(file), { recursive: true });
  const db = file ? new LowSync<Data>(new JSONFileSync<Data>(file), emptyData()) : undefined;
  const data: Data = emptyData();
  const status: WriteStatus = { ok: true };
  let logBytes = 0;
  let snapshotBytes = 0;
  let retry: NodeJS.Timeout | undefined;
  if (file && logFile) {
    const stored = readDataFile(file);
    checkData(stored, file);
    data.collections = stored.collections;
    const logged = readChangeLog(logFile);
    logged.changes.forEach((change) => applyChange(data, change));
    checkData(data, `${file} (with its change log ${logFile} replayed)`);
    logBytes = logged.bytes;
  }

  const fail = (error: unknown) => {
    const reason = (error as Error)?.message ?? String(error);
    status.ok = false;
    status.lastFailure = { file: file as string, at: new Date().toISOString(), reason };
    logger?.error('cannot write the data file; the state is kept in memory and written on the next change or flush', {
      file,
      reason,
    });
    retry ??= setTimeout(() => {
      retry = undefined;
      compact();
    }, 50).unref();
  };
  // The data file written whole (a temporary file renamed over it), then the log emptied: a kill between
  // the two replays changes the file already holds, which leaves the same state.
  const writeSnapshot = () => {
    db!.data = data;
    db!.write();
    snapshotBytes = statSync(file!).size;
    log!.clear();
    logBytes = 0;
  };
  const compact = (): void => {
    if (!file) return;
    try {
      try {
        writeSnapshot();
      } catch (error) {
        // The folder can vanish under a running sandbox (a test's temp folder, a cleaned .data): make it again.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        mkdirSync(dirname(file), { recursive: true });
        writeSnapshot();
      }
      status.ok = true;
      if (retry) clearTimeout(retry);
      retry = undefined;
    } catch (error) {
      fail(error);
    }
  };
  // After a failed write only a whole snapshot can bring the file up to date, so nothing is appended meanwhile.
  const record = (change: Change) => {
    if (!log || !status.ok) return;
    try {
      logBytes += log.append(change);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') compact();
      else fail(error);
      return;
    }
    if (logBytes >= Math.max(compactAfterBytes, snapshotBytes)) compact();
  };
  if (logBytes > 0) compact();

  // Reads never create a table, so reading alone never changes the file.
  const table = <C extends CollectionName>(c: C): Table<Collections[C]> =>
    (own(data.collections, c) ?? {}) as Table<Collections[C]>;
  /** The entries of one scope only, or (for shared collections) the scope's over the global ones. */
  const visible = <T>(c: CollectionName, t: Table<T>, scope: string | undefined): Record<string, T>[] =>
    scope === undefined
      ? [own(t, globalScope) ?? {}]
      : scopedOnly.has(c)
        ? [own(t, scope) ?? {}]
        : [own(t, globalScope) ?? {}, own(t, scope) ?? {}];

  const store: Store = {
    get(c, id, scope) {
      const t = table(c);
      if (scope !== undefined) {
        const value = own(own(t, scope), id);
        if (value !== undefined || scopedOnly.has(c)) return value;
      }
      return own(own(t, globalScope), id);
    },
    put(c, id, value, scope = globalScope) {
      const change: Change = { op: 'put', c, s: scope, id, v: value };
      applyChange(data, change);
      record(change);
    },
    delete(c, id, scope = globalScope) {
      const rows = own(table(c), scope);
      if (!rows || !Object.hasOwn(rows, id)) return false;
      const change: Change = { op: 'delete', c, s: scope, id };
      applyChange(data, change);
      record(change);
      return true;
    },
    list(c, scope) {
      const merged: Record<string, Collections[typeof c]> = {};
      for (const layer of visible(c, table(c), scope))
        for (const key of Object.keys(layer)) define(merged, key, layer[key]);
      return Object.values(merged);
    },
    listEveryScope(c) {
      return Object.entries(table(c)).flatMap(([scope, rows]) =>
        Object.entries(rows).map(([id, value]) => ({ scope: scope === globalScope ? undefined : scope, id, value })),
      );
    },
    clear(scope) {
      const change: Change = scope === undefined ? { op: 'clear' } : { op: 'clear', s: scope };
      applyChange(data, change);
      record(change);
    },
    async flush() {
      if (logBytes > 0 || !status.ok) compact();
      log?.close();
    },
    writeStatus: () => ({ ...status }),
  };
  return store;
}
