import { entryMatches, type JournalEntry, type JournalFilter, type JournalPage } from '../core/journal.js';
import { maskJournalEntry } from '../core/maskJournalEntry.js';
import { listJournalSources } from '../core/journalSources.js';
import { createPartner, type PartnerInput } from '../core/partners.js';
import { isSessionName, sessionNameRule } from '../core/sessionName.js';
import type { SandboxDeps } from '../core/types.js';
import { buildOpenApi, type OpenApiDocument } from '../openapi/buildOpenApi.js';
import { commonMatchFields, type ArmedRule, type RuleMatch } from '../scenarios/ArmedRule.js';
import type { Scenario } from '../scenarios/ScenarioBook.js';
import { entityReferences, type Collections } from '../store/entities.js';
import {
  fixtureCollections,
  fixtureDefinitions,
  fixtureIds,
  forgetSeedDeletion,
  putFixture,
  recordSeedDeletion,
  seedFixtures,
  type FixtureCollection,
  type Fixtures,
} from '../store/fixtures.js';
import { checkControlBody } from './checkControlBody.js';
import { ControlError } from './ControlError.js';
import { PaymentControl } from './PaymentControl.js';
import { DisbursementControl } from './DisbursementControl.js';

export interface ArmInput {
  endpoint: string;
  scenario: string;
  match?: RuleMatch;
  /** How many matching requests it answers; default 'always' (until disarmed or reset). */
  times?: number | 'always';
}

/**
 * The control plane as typed calls, scoped to one session (or the global scope). The /__admin
 * routes are thin wrappers over it, so HTTP and in-process control behave the same.
 */
export class SandboxControl {
  constructor(
    private readonly deps: SandboxDeps,
    readonly session?: string,
  ) {}

  /** The same control plane, scoped to `session`. */
  forSession(session: string | undefined): SandboxControl {
    if (session !== undefined && !isSessionName(session))
      throw new ControlError(400, `"${session}" is not a session name: ${sessionNameRule}.`);
    return new SandboxControl(this.deps, session);
  }

  createFixtures<C extends FixtureCollection>(
    collection: C,
    items: NonNullable<Fixtures[C]>[number] | NonNullable<Fixtures[C]>,
  ): Collections[C][] {
    const list = (Array.isArray(items) ? items : [items]) as unknown[];
    checkCollection(collection);
    list.forEach((item, i) => {
      try {
        checkControlBody(
          this.deps.schemas,
          `fixtures.schema.json#/definitions/${fixtureDefinitions[collection]}`,
          item,
        );
      } catch (error) {
        throw new ControlError(400, `${collection}[${i}]: ${(error as Error).message}`);
      }
    });
    list.forEach((item, i) => this.checkReferencesOf(collection, item as Record<string, unknown>, i));
    const now = this.deps.clock.now(this.session);
    list.forEach((item) => putFixture(this.deps.store, collection, item as never, now, this.session));
    if (this.session === undefined)
      list.forEach((item) => forgetSeedDeletion(this.deps.store, collection, fixtureIds[collection](item as never)));
    return list.map((item) => this.deps.store.get(collection, fixtureIds[collection](item as never), this.session)!);
  }

  listFixtures<C extends FixtureCollection>(collection: C): Collections[C][] {
    return this.deps.store.list(checkCollection(collection), this.session);
  }

  deleteFixture(collection: FixtureCollection, id: string): void {
    this.checkNotReferenced(checkCollection(collection), id);
    if (!this.deps.store.delete(checkCollection(collection), id, this.session)) {
      throw new ControlError(
        404,
        `No ${collection} entry "${id}" in ${this.session ? `session ${this.session}` : 'the global scope'}.`,
      );
    }
    if (this.session === undefined)
      recordSeedDeletion(this.deps.store, this.deps.fixtures, collection, id, this.deps.clock.now());
  }

  listScenarios(endpoint?: string): Scenario[] {
    if (endpoint !== undefined) this.checkEndpoint(endpoint);
    return this.deps.scenarios
      .list()
      .filter((s) => endpoint === undefined || s.endpoint === endpoint || s.endpoint === undefined);
  }

  armScenario(input: ArmInput): ArmedRule {
    checkControlBody(this.deps.schemas, 'admin.scenarios.json', input);
    const endpoint = this.deps.endpoints.get(input.endpoint);
    if (!endpoint)
      throw new ControlError(
        404,
        `No endpoint "${input.endpoint}"; there are ${this.deps.endpoints
          .list()
          .map((e) => e.id)
          .join(', ')}.`,
      );
    if (!this.deps.scenarios.find(input.endpoint, input.scenario)) {
      throw new ControlError(
        404,
        `No scenario "${input.scenario}" for ${input.endpoint}; there are ${this.deps.scenarios.names(input.endpoint).join(', ')}.`,
      );
    }
    const allowed = [...commonMatchFields, ...Object.keys(endpoint.matchFields ?? {})];
    const unknown = Object.keys(input.match ?? {}).filter((field) => !allowed.includes(field));
    if (unknown.length > 0) {
      throw new ControlError(
        400,
        `match.${unknown[0]} is not a field ${input.endpoint} matches on; it takes ${allowed.map((f) => `match.${f}`).join(', ')}.`,
      );
    }
    const rule: ArmedRule = {
      id: this.deps.ids.uuid(),
      endpoint: input.endpoint,
      scenario: input.scenario,
      match: input.match,
      remaining: input.times === undefined || input.times === 'always' ? undefined : input.times,
      session: this.session,
      armedAt: this.deps.clock.now(this.session).toISOString(),
    };
    this.deps.store.put('rules', rule.id, rule, this.session);
    this.deps.rules.add(rule);
    return rule;
  }

  armedScenarios(): ArmedRule[] {
    return this.deps.store.list('rules', this.session);
  }

  disarmScenario(id: string): void {
    if (!this.deps.store.delete('rules', id, this.session))
      throw new ControlError(
        404,
        `No armed rule "${id}" in ${this.session ? `session ${this.session}` : 'the global scope'}.`,
      );
  }

  get clock() {
    const { clock } = this.deps;
    const s = this.session;
    return {
      now: () => clock.now(s),
      freeze: (at?: Date) => clock.freeze(s, at && checkInstant(at)),
      set: (at: Date) => clock.set(s, checkInstant(at)),
      advance: (ms: number) => {
        // Same rule as POST /__admin/clock/advance: going back is clock.set's job, said out loud.
        if (!(ms >= 0))
          throw new ControlError(
            400,
            `clock.advance moves the clock forward only, got ${ms} ms; to go back, use clock.set(at).`,
          );
        return clock.set(s, checkInstant(new Date(clock.now(s).getTime() + ms)));
      },
      resume: () => clock.resume(s),
      reset: () => clock.reset(s),
    };
  }

  /** Payment orders and their finish notifies: pay, fail, expire, sandbox tools, redeliver. */
  get payments(): PaymentControl {
    return new PaymentControl(this.deps, this.session);
  }

  /** Merchant deposits, top-ups and bank transfers: read, set and fund a deposit, settle a transfer now. */
  get disbursements(): DisbursementControl {
    return new DisbursementControl(this.deps, this.session);
  }

  /**
   * Journal entries, oldest first; a scoped control sees only its session's. Credentials are masked
   * (clientSecret, Authorization, Authorization-Customer, private keys) unless `reveal` is true.
   */
  journal({ reveal, ...filter }: JournalFilter & { reveal?: boolean } = {}): JournalEntry[] {
    if (filter.endpoint !== undefined) this.checkEndpoint(filter.endpoint);
    const entries = this.deps.journal.list({ session: this.session, ...filter });
    return reveal ? entries : entries.map(maskJournalEntry);
  }

  /** One page of `journal()`: up to `limit` entries after `cursor` (the `next` of the page before). */
  journalPage({
    reveal,
    limit,
    cursor,
    ...filter
  }: JournalFilter & { reveal?: boolean; limit: number; cursor?: string }): JournalPage {
    if (filter.endpoint !== undefined) this.checkEndpoint(filter.endpoint);
    const page = this.deps.journal.page({ session: this.session, ...filter }, limit, cursor);
    return reveal ? page : { ...page, entries: page.entries.map(maskJournalEntry) };
  }

  /**
   * The journal live: first the newest `limit` entries held after `cursor`, then each new one as it is
   * recorded, masked unless `reveal`; `send` gets each with its cursor. Returns the call that stops it.
   */
  watchJournal(
    { reveal, limit, cursor, ...filter }: JournalFilter & { reveal?: boolean; limit: number; cursor?: string },
    send: (cursor: string, entry: JournalEntry) => void,
  ): () => void {
    if (filter.endpoint !== undefined) this.checkEndpoint(filter.endpoint);
    const scoped = { session: this.session, ...filter };
    const show = (entry: JournalEntry) => (reveal ? entry : maskJournalEntry(entry));
    for (const { seq, entry } of this.deps.journal.tail(scoped, limit, cursor)) send(String(seq), show(entry));
    return this.deps.journal.subscribe((seq, entry) => {
      if (entryMatches(entry, scoped)) send(String(seq), show(entry));
    });
  }

  /** The sessions the sandbox knows now: those with journal entries or armed rules. */
  sessions(): string[] {
    const named = [
      ...this.deps.journal.sessionKeys(),
      ...this.deps.store.listEveryScope('rules').map(({ scope }) => scope ?? ''),
    ];
    return [...new Set(named)].filter((name) => name !== '').sort();
  }

  /** What the sandbox stores must load again at start-up: a fixture naming a missing entry is refused (400). */
  private checkReferencesOf(collection: FixtureCollection, item: Record<string, unknown>, i: number): void {
    for (const { from, field, to } of entityReferences) {
      const target = item[field];
      if (from !== collection || typeof target !== 'string') continue;
      if (this.deps.store.get(to, target, this.session) === undefined)
        throw new ControlError(
          400,
          `${collection}[${i}].${field}: there is no ${to} entry "${target}" in ${this.scopeName()}; create it first.`,
        );
    }
  }

  /** An entry others name is not deleted from under them (409), so the data file stays loadable. */
  private checkNotReferenced(collection: FixtureCollection, id: string): void {
    const deleting = this.session;
    for (const { from, field, to } of entityReferences) {
      if (to !== collection) continue;
      const referrer = this.deps.store
        .listEveryScope(from)
        .find(
          ({ scope, value }) =>
            (value as unknown as Record<string, unknown>)[field] === id &&
            (scope === deleting ||
              (deleting === undefined && this.deps.store.get(to, id, scope) === this.deps.store.get(to, id))),
        );
      if (referrer)
        throw new ControlError(
          409,
          `${collection} "${id}" is still named by ${from} "${referrer.id}" (${field})${referrer.scope ? ` in session ${referrer.scope}` : ''}; delete that first.`,
        );
    }
  }

  private scopeName(): string {
    return this.session ? `session ${this.session} or the global scope` : 'the global scope';
  }

  /** A filter on a misspelt endpoint matches nothing, so "never called" would pass by mistake: refuse it. */
  private checkEndpoint(id: string): void {
    const sources = listJournalSources(this.deps.endpoints);
    if (!sources.includes(id)) throw new ControlError(400, `No endpoint "${id}"; there are ${sources.join(', ')}.`);
  }

  clearJournal(): void {
    this.deps.journal.clear(this.session);
  }

  registerPartner(input: Omit<PartnerInput, 'privateKey'>): { partnerId: string; keyFingerprint: string } {
    checkControlBody(this.deps.schemas, 'admin.partner.json', input);
    let partner;
    try {
      partner = createPartner(input, 'POST /__admin/keys/partners');
    } catch (error) {
      throw new ControlError(400, (error as Error).message);
    }
    this.deps.partners.register(partner);
    this.deps.store.put('partners', partner.partnerId, input);
    return { partnerId: partner.partnerId, keyFingerprint: partner.keyFingerprint };
  }

  /** This sandbox as an OpenAPI 3.1 document, as GET /__admin/openapi.json serves it at the configured host and port. */
  openApi(): OpenApiDocument {
    return buildOpenApi(this.deps);
  }

  /** Forgets the session's state, rules and journal; without a session, everything but registered partners, then re-seeds the fixtures. */
  reset(): void {
    const { store, rules, journal, clock, replay } = this.deps;
    if (this.session !== undefined) {
      store.clear(this.session);
      rules.forget(this.session);
      journal.clear(this.session);
      replay.clear(this.session);
      this.deps.sweeper.forget(this.session);
      return;
    }
    const partners = store.list('partners');
    store.clear();
    rules.forget();
    partners.forEach((p) => store.put('partners', p.partnerId, p));
    journal.clear();
    replay.clear();
    this.deps.sweeper.forget();
    seedFixtures(store, this.deps.fixtures, clock.now());
  }
}

/** A clock that reads an invalid date would break every request of its scope: refuse it here. */
function checkInstant(at: Date): Date {
  if (!Number.isFinite(at.getTime()))
    throw new ControlError(
      400,
      'The sandbox clock can only be set to a real instant (a valid ISO-8601 time; 23:59:60 and out-of-range years are not).',
    );
  return at;
}

function checkCollection<C extends string>(name: C): C & FixtureCollection {
  if (!fixtureCollections.includes(name as FixtureCollection))
    throw new ControlError(404, `No fixture collection "${name}"; there are ${fixtureCollections.join(', ')}.`);
  return name as C & FixtureCollection;
}
