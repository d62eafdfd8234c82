import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low, Memory } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { globalScope } from '../core/globalScope.js';
import type { Logger } from '../core/logger.js';
import { entityFields, entityReferences, type CollectionName, type Collections, type FieldKind } from './entities.js';
import type { Store, WriteStatus } from './store.js';

type Table<T> = Record<string, Record<string, T>>;
interface Data {
  version: 1;
  collections: { [C in CollectionName]?: Table<Collections[C]> };
}

/**
 * Credentials the sandbox issues and its rate counters: written on every Apply OTT or token request
 * and worthless after a restart (they expire within minutes), so they stay in memory and a request
 * that only touches them never rewrites the data file.
 */
export const volatileCollections: ReadonlySet<CollectionName> = new Set<CollectionName>([
  'otts',
  'rateWindows',
  'b2bTokens',
]);

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
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
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
   * Changes are written at most this often, so a request never pays for the whole file. A large file
   * stretches the delay to ten times its last write, keeping writes under a tenth of the time.
   */
  flushDelayMs?: number;
  /** Where a failed write of the data file is reported (it never throws: the state stays in memory). */
  logger?: Logger;
}

/** The only lowdb user: a Store on a JSON file (atomic writes by steno) or in memory. */
export async function openLowdbStore(options: LowdbStoreOptions = {}): Promise<Store> {
  const { file, flushDelayMs = 50, logger } = options;
  if (file) mkdirSync(dirname(file), { recursive: true });
  const db = new Low<Data>(file ? new JSONFile<Data>(file) : new Memory<Data>(), emptyData());
  if (file) {
    const stored = readDataFile(file);
    checkData(stored, file);
    db.data = stored;
  }
  const data = db.data;
  const volatile: Data['collections'] = {};
  let timer: NodeJS.Timeout | undefined;
  let pending: Promise<void> = Promise.resolve();
  let lastWriteMs = 0;
  const status: WriteStatus = { ok: true };

  // The folder can vanish under a running sandbox (a test's temp folder, a cleaned .data): make it again.
  const writeFile = async () => {
    try {
      await db.write();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await mkdir(dirname(file as string), { recursive: true });
      await db.write();
    }
  };
  // Never rejects: a failed write is logged and retried on the next change or flush, and lowdb writes
  // the whole state each time, so nothing changed meanwhile is lost once writing works again.
  const write = () => {
    timer = undefined;
    pending = pending.then(async () => {
      const started = performance.now();
      try {
        await writeFile();
        lastWriteMs = performance.now() - started;
        status.ok = true;
      } catch (error) {
        const reason = (error as Error)?.message ?? String(error);
        status.ok = false;
        status.lastFailure = { file: file as string, at: new Date().toISOString(), reason };
        logger?.error(
          'cannot write the data file; the state is kept in memory and written on the next change or flush',
          { file, reason },
        );
      }
    });
    return pending;
  };
  const changed = (c?: CollectionName) => {
    if (file && !timer && !(c && volatileCollections.has(c)))
      timer = setTimeout(write, Math.max(flushDelayMs, 10 * lastWriteMs)).unref();
  };
  const collectionsOf = (c: CollectionName) => (volatileCollections.has(c) ? volatile : data.collections);
  // Reads never create a table, so reading alone never changes the file.
  const table = <C extends CollectionName>(c: C): Table<Collections[C]> =>
    (own(collectionsOf(c), c) ?? {}) as Table<Collections[C]>;
  const writableTable = <C extends CollectionName>(c: C): Table<Collections[C]> =>
    (own(collectionsOf(c), c) ?? define(collectionsOf(c), c, {})) as Table<Collections[C]>;
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
      const t = writableTable(c);
      define(own(t, scope) ?? define(t, scope, {}), id, value);
      changed(c);
    },
    delete(c, id, scope = globalScope) {
      const rows = own(table(c), scope);
      if (!rows || !Object.hasOwn(rows, id)) return false;
      delete rows[id];
      changed(c);
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
      for (const collections of [data.collections, volatile]) {
        for (const name of Object.keys(collections) as CollectionName[]) {
          if (scope === undefined) delete collections[name];
          else delete collections[name]?.[scope];
        }
      }
      changed();
    },
    async flush() {
      if (timer) clearTimeout(timer);
      else if (status.ok) return pending;
      await write();
    },
    writeStatus: () => ({ ...status }),
  };
  return store;
}
