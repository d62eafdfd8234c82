import { readFileSync } from 'node:fs';
import type { SchemaRegistry } from '../core/SchemaRegistry.js';
import type { Division } from '../merchants/Division.js';
import type { Merchant } from '../merchants/Merchant.js';
import type { Shop } from '../merchants/Shop.js';
import type { MerchantBalance } from '../disbursement/Disbursement.js';
import type { AuthCode, Card, Customer, CustomerToken, Journey, Order } from './entities.js';
import type { Store } from './store.js';

/** What the fixtures file and POST /__admin/fixtures/<collection> describe. */
export interface Fixtures {
  customers?: Customer[];
  customerTokens?: (Omit<CustomerToken, 'status'> & { status?: CustomerToken['status'] })[];
  authCodes?: AuthCode[];
  cards?: Card[];
  journeys?: (Pick<Journey, 'journeyId' | 'orderId' | 'bankCardToken'> & Partial<Journey>)[];
  orders?: Order[];
  merchants?: Merchant[];
  shops?: Shop[];
  divisions?: Division[];
  merchantBalances?: MerchantBalance[];
}

export type FixtureCollection = keyof Omit<Fixtures, '$comment'>;
type FixtureItem<C extends FixtureCollection> = NonNullable<Fixtures[C]>[number];

/** The natural id of each fixture collection's entries. */
export const fixtureIds: { [C in FixtureCollection]: (item: FixtureItem<C>) => string } = {
  customers: (c) => c.id,
  customerTokens: (t) => t.value,
  authCodes: (a) => a.value,
  cards: (c) => c.bankCardToken,
  journeys: (j) => j.journeyId,
  orders: (o) => o.acquirementId,
  merchants: (m) => m.merchantId,
  shops: (s) => s.shopId,
  divisions: (d) => d.divisionId,
  merchantBalances: (m) => m.partnerId,
};

export const fixtureCollections = Object.keys(fixtureIds) as FixtureCollection[];

/** The definition in schemas/fixtures.schema.json that one item of each collection must match. */
export const fixtureDefinitions: Record<FixtureCollection, string> = {
  customers: 'customer',
  customerTokens: 'customerToken',
  authCodes: 'authCode',
  cards: 'card',
  journeys: 'journey',
  orders: 'order',
  merchants: 'merchant',
  shops: 'shop',
  divisions: 'division',
  merchantBalances: 'merchantBalance',
};

/** Reads and checks the fixtures file; a bad file stops start-up, naming the file and the problem. */
export function loadFixturesFile(file: string, schemas: SchemaRegistry): Fixtures {
  let text: string;
  let fixtures: unknown;
  try {
    text = readFileSync(file, 'utf8');
    fixtures = JSON.parse(text);
  } catch (error) {
    throw new Error(`Cannot load fixtures file ${file}: ${(error as Error).message}`, { cause: error });
  }
  if (schemas.passedAtBuild('fixtures.schema.json', text)) return fixtures as Fixtures;
  const validate = schemas.getSchema('fixtures.schema.json');
  if (!validate?.(fixtures)) {
    const e = validate?.errors?.[0];
    throw new Error(`Fixtures file ${file} is invalid at ${e?.instancePath || '/'}: ${e?.message}`);
  }
  return fixtures as Fixtures;
}

/** Stores one fixture with its defaults filled in: a journey opened now sent its first OTP now. */
export function putFixture<C extends FixtureCollection>(
  store: Store,
  collection: C,
  item: FixtureItem<C>,
  now: Date,
  scope?: string,
): void {
  const id = fixtureIds[collection](item as never);
  if (collection === 'customerTokens') {
    const token = item as FixtureItem<'customerTokens'>;
    store.put('customerTokens', id, { ...token, status: token.status ?? 'ACTIVE' }, scope);
  } else if (collection === 'journeys') {
    const journey = item as FixtureItem<'journeys'>;
    const createdAt = journey.createdAt ?? now.toISOString();
    store.put('journeys', id, { ...journey, createdAt, lastOtpSentAt: journey.lastOtpSentAt ?? createdAt }, scope);
  } else {
    store.put(collection as 'customers', id, item as Customer, scope);
  }
}

const deletionKey = (collection: FixtureCollection, id: string) => JSON.stringify([collection, id]);

/**
 * Seeds the global scope with every fixture the store does not hold yet (persisted state wins), except
 * those deleted through the control plane: a partner who deleted a seed fixture to test "not found"
 * keeps that across a restart, as with any other change, until POST /__admin/reset.
 */
export function seedFixtures(store: Store, fixtures: Fixtures, now: Date): void {
  for (const collection of fixtureCollections) {
    for (const item of fixtures[collection] ?? []) {
      const id = fixtureIds[collection](item as never);
      if (!store.get(collection, id) && !store.get('seedDeletions', deletionKey(collection, id)))
        putFixture(store, collection, item, now);
    }
  }
}

/** Remembers (global scope) that a seed fixture was deleted, so a restart does not seed it again. */
export function recordSeedDeletion(
  store: Store,
  fixtures: Fixtures,
  collection: FixtureCollection,
  id: string,
  now: Date,
): void {
  const seeded = (fixtures[collection] ?? []).some((item) => fixtureIds[collection](item as never) === id);
  if (seeded) store.put('seedDeletions', deletionKey(collection, id), { collection, id, deletedAt: now.toISOString() });
}

/** Forgets a seed fixture's deletion once the fixture is created again. */
export function forgetSeedDeletion(store: Store, collection: FixtureCollection, id: string): void {
  store.delete('seedDeletions', deletionKey(collection, id));
}
