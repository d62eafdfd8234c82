import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Low, Memory } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { CollectionName, Collections } from './entities.js';
import type { Store } from './store.js';

type Table<T> = Record<string, Record<string, T>>;
interface Data {
  version: 1;
  collections: { [C in CollectionName]?: Table<Collections[C]> };
}

// No X-Mock-Session header value can be empty, so '' never collides with a session.
const globalScope = '';
const emptyData = (): Data => ({ version: 1, collections: {} });

export interface LowdbStoreOptions {
  /** The data file; absent = memory only. */
  file?: string;
  /** Changes are written at most this often, so a request never pays for the whole file. */
  flushDelayMs?: number;
}

/** The only lowdb user: a Store on a JSON file (atomic writes by steno) or in memory. */
export async function openLowdbStore(options: LowdbStoreOptions = {}): Promise<Store> {
  const { file, flushDelayMs = 50 } = options;
  if (file) mkdirSync(dirname(file), { recursive: true });
  const db = new Low<Data>(file ? new JSONFile<Data>(file) : new Memory<Data>(), emptyData());
  try {
    await db.read();
  } catch (error) {
    throw new Error(`Cannot read the data file ${file}: ${(error as Error).message}. Fix or move it; the sandbox never wipes it.`);
  }
  if (db.data?.version !== 1 || typeof db.data.collections !== 'object' || db.data.collections === null) {
    throw new Error(`The data file ${file} is not a dana-mock data file (expected {"version":1,"collections":{...}}). Fix or move it; the sandbox never wipes it.`);
  }
  const data = db.data;
  let timer: NodeJS.Timeout | undefined;
  let pending: Promise<void> = Promise.resolve();

  const write = () => {
    timer = undefined;
    pending = pending.then(() => db.write());
    return pending;
  };
  const changed = () => {
    if (file && !timer) timer = setTimeout(write, flushDelayMs).unref();
  };
  const table = <C extends CollectionName>(c: C): Table<Collections[C]> =>
    (data.collections[c] ??= {}) as Table<Collections[C]>;

  return {
    get(c, id, scope) {
      const t = table(c);
      return (scope !== undefined ? t[scope]?.[id] : undefined) ?? t[globalScope]?.[id];
    },
    put(c, id, value, scope = globalScope) {
      (table(c)[scope] ??= {})[id] = value;
      changed();
    },
    delete(c, id, scope = globalScope) {
      const rows = table(c)[scope];
      if (!rows || !(id in rows)) return false;
      delete rows[id];
      changed();
      return true;
    },
    list(c, scope) {
      const t = table(c);
      return Object.values({ ...t[globalScope], ...(scope !== undefined ? t[scope] : {}) });
    },
    clear(scope) {
      if (scope === undefined) data.collections = {};
      else for (const t of Object.values(data.collections)) delete t?.[scope];
      changed();
    },
    async flush() {
      if (timer) clearTimeout(timer);
      await (file ? write() : pending);
    },
  };
}
