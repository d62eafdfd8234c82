import { fixtureCollections, fixtureIds, putFixture, type FixtureCollection } from '../store/fixtures.js';
import { AdminError, checkAdminBody, ok, type AdminRoute } from './adminRoute.js';

const definitions: Record<FixtureCollection, string> = {
  customers: 'customer',
  customerTokens: 'customerToken',
  cards: 'card',
  journeys: 'journey',
  orders: 'order',
};

function collectionOf(name: string): FixtureCollection {
  if (!fixtureCollections.includes(name as FixtureCollection)) throw new AdminError(404, `No fixture collection "${name}"; there are ${fixtureCollections.join(', ')}.`);
  return name as FixtureCollection;
}

/** Fixtures by collection: create (one or an array), list, delete; scoped to the request's session. */
export const fixtureRoutes: AdminRoute[] = [
  {
    method: 'POST',
    path: '/fixtures/:collection',
    summary: 'Create or replace fixtures (one object or an array) in the session, or globally without one.',
    handle({ params, body, session }, deps) {
      const collection = collectionOf(params.collection);
      const items = Array.isArray(body) ? body : [body];
      items.forEach((item, i) => {
        try {
          checkAdminBody(deps.schemas, `fixtures.schema.json#/definitions/${definitions[collection]}`, item);
        } catch (error) {
          throw new AdminError(400, `${collection}[${i}]: ${(error as Error).message}`);
        }
      });
      const now = deps.clock.now(session);
      items.forEach((item) => putFixture(deps.store, collection, item, now, session));
      const created = items.map((item) => deps.store.get(collection, fixtureIds[collection](item as never), session));
      return ok({ [collection]: created }, 201);
    },
  },
  {
    method: 'GET',
    path: '/fixtures/:collection',
    summary: 'List the fixtures visible to the session (its own over the global ones).',
    handle: ({ params, session }, deps) => {
      const collection = collectionOf(params.collection);
      return ok({ [collection]: deps.store.list(collection, session) });
    },
  },
  {
    method: 'DELETE',
    path: '/fixtures/:collection/:id',
    summary: "Delete one fixture from the session (or the global scope without one).",
    handle: ({ params, session }, deps) => {
      const collection = collectionOf(params.collection);
      if (!deps.store.delete(collection, params.id, session)) throw new AdminError(404, `No ${collection} entry "${params.id}" in ${session ? `session ${session}` : 'the global scope'}.`);
      return ok({ deleted: params.id });
    },
  },
];
