import { fixtureCollections, fixtureDefinitions, type FixtureCollection } from '../store/fixtures.js';
import { ok, type AdminRoute } from './adminRoute.js';

/** Fixtures by collection (customers, customerTokens, authCodes, cards, journeys, orders), scoped to the session. */
export const fixtureRoutes: AdminRoute[] = [
  {
    method: 'POST',
    path: '/fixtures/:collection',
    // SandboxControl.createFixtures checks each item against the definition of its collection.
    bodyOneOf: Object.values(fixtureDefinitions).map((d) => `fixtures.schema.json#/definitions/${d}`),
    paramValues: { collection: fixtureCollections },
    summary: 'Create or replace fixtures (one object or an array) in the session, or globally without one.',
    handle: ({ params, body, control }) => {
      const collection = params.collection as FixtureCollection;
      return ok({ [collection]: control.createFixtures(collection, body as never) }, 201);
    },
  },
  {
    method: 'GET',
    path: '/fixtures/:collection',
    paramValues: { collection: fixtureCollections },
    summary: 'List the fixtures visible to the session (its own over the global ones).',
    handle: ({ params, control }) =>
      ok({ [params.collection]: control.listFixtures(params.collection as FixtureCollection) }),
  },
  {
    method: 'DELETE',
    path: '/fixtures/:collection/:id',
    paramValues: { collection: fixtureCollections },
    summary: 'Delete one fixture from the session (or the global scope without one).',
    handle: ({ params, control }) => (
      control.deleteFixture(params.collection as FixtureCollection, params.id),
      ok({ deleted: params.id })
    ),
  },
];
