import { listJournalSources } from '../core/journalSources.js';
import type { SandboxDeps } from '../core/types.js';
import { fixtureCollections } from '../store/fixtures.js';
import { retryDelaysSeconds } from '../webhooks/WebhookDelivery.js';
import { escapeHtml as h } from './escapeHtml.js';

/**
 * One part of the console: server-rendered here, brought to life by the function of the same id in
 * console/console.js. A new part is one entry here and one there.
 */
export interface ConsoleSection {
  id: string;
  title: string;
  render(deps: SandboxDeps): string;
}

const options = (values: readonly string[]) => values.map((v) => `<option value="${h(v)}">${h(v)}</option>`).join('');

const journal: ConsoleSection = {
  id: 'journal',
  title: 'Journal',
  render: (deps) => `
    <form class="filters" data-role="journal-filters">
      <label>Endpoint <select name="endpoint"><option value="">any</option>${options(listJournalSources(deps.endpoints))}</select></label>
      <label>Code <input name="code" size="9" placeholder="e.g. 4014900" pattern="[0-9A-Z_]*"></label>
      <span class="live" data-role="live">connecting…</span>
    </form>
    <div class="split">
      <table class="exchanges"><thead><tr><th>Time</th><th>Session</th><th>Endpoint</th><th>Request</th><th>Code</th><th>Scenario</th></tr></thead>
        <tbody data-role="exchanges"></tbody></table>
      <article class="exchange" data-role="exchange"><p class="hint">Pick an exchange to see its request, response and the verdict of every check.</p></article>
    </div>`,
};

const scenarios: ConsoleSection = {
  id: 'scenarios',
  title: 'Scenarios',
  render: (deps) => {
    const rows = deps.scenarios
      .list()
      .map(
        (
          s,
        ) => `<tr><td>${h(s.endpoint ?? 'any endpoint')}</td><td><code>${h(s.name)}</code></td><td>${h(s.description ?? '')}</td>
          <td><form class="arm" data-endpoint="${h(s.endpoint ?? '')}" data-scenario="${h(s.name)}">
            ${s.endpoint ? '' : `<select name="endpoint">${options(deps.endpoints.list().map((e) => e.id))}</select>`}
            <select name="times"><option value="1">once</option><option value="n">times…</option><option value="always">always</option></select>
            <input name="count" type="number" min="1" value="2" size="3" hidden>
            <button>Arm</button></form></td></tr>`,
      )
      .join('');
    return `
    <h3>Armed rules <small>(the session's, answered first)</small></h3>
    <table><thead><tr><th>Endpoint</th><th>Scenario</th><th>Match</th><th>Remaining</th><th>Armed at</th><th></th></tr></thead>
      <tbody data-role="armed"></tbody></table>
    <h3>Scenario packs</h3>
    <table class="packs"><thead><tr><th>Endpoint</th><th>Scenario</th><th>Outcome</th><th></th></tr></thead><tbody>${rows}</tbody></table>`;
  },
};

const clock: ConsoleSection = {
  id: 'clock',
  title: 'Clock',
  render: () => `
    <p>Sandbox time of the session: <strong data-role="clock-now">…</strong> <span data-role="clock-state"></span></p>
    <div class="row">
      <button data-clock="freeze">Freeze</button><button data-clock="resume">Resume</button><button data-clock="reset">Back to real time</button>
    </div>
    <form class="row" data-role="clock-advance"><label>Advance by <input name="seconds" type="number" min="0" value="60" size="6"> seconds</label><button>Advance</button></form>
    <form class="row" data-role="clock-set"><label>Set to <input name="at" size="28" placeholder="2026-11-22T10:00:00+07:00"></label><button>Set</button></form>`,
};

const fixtures: ConsoleSection = {
  id: 'fixtures',
  title: 'Fixtures',
  render: () => `
    <form class="row" data-role="fixture-collection"><label>Collection <select name="collection">${options(fixtureCollections)}</select></label></form>
    <div data-role="fixtures"></div>`,
};

/** Money the partner moves without an API call: the disbursement deposit, transfers to settle, orders to pay. */
const money: ConsoleSection = {
  id: 'money',
  title: 'Money',
  render: (deps) => `
    <form class="row" data-role="deposit">
      <label>Partner <select name="partnerId">${options(deps.partners.list().map((p) => p.partnerId))}</select></label>
      <span>Deposit: <strong data-role="deposit-balance">…</strong></span>
      <label>Fund <input name="amount" size="12" value="1000000.00" pattern="[0-9]+\\.[0-9]{2}"></label><button>Fund</button>
    </form>
    <h3>Top-ups and bank transfers</h3>
    <table><thead><tr><th>Kind</th><th>partnerReferenceNo</th><th>Amount</th><th>Status</th><th></th></tr></thead>
      <tbody data-role="disbursements"></tbody></table>
    <h3>Payment orders</h3>
    <table><thead><tr><th>partnerReferenceNo</th><th>Product</th><th>Amount</th><th>Status</th><th></th></tr></thead>
      <tbody data-role="orders"></tbody></table>`,
};

/** The notifies DANA owes the partner (GET /__admin/webhooks): every attempt, and Redeliver. */
const webhooks: ConsoleSection = {
  id: 'webhooks',
  title: 'Webhooks',
  render: () => `
    <p class="hint">Finish notifies sent to the partner's notify URL, signed with the sandbox's DANA key. An
      unacknowledged notify is tried again ${retryDelaysSeconds.map((s) => s / 60).join(', ')} minutes apart on the
      session's clock: advance the clock to retry now, or Redeliver.</p>
    <table class="deliveries"><thead><tr><th>Created</th><th>Kind</th><th>partnerReferenceNo</th><th>Notify URL</th><th>Attempts</th><th>Last answer</th><th>Status</th><th></th></tr></thead>
      <tbody data-role="webhooks"></tbody></table>
    <article class="delivery" data-role="webhook"><p class="hint">Pick a notify to see its body and every attempt: the signed headers sent and what the partner answered.</p></article>`,
};

/** The console's parts, in page order. */
export const consoleSections: readonly ConsoleSection[] = [journal, scenarios, clock, fixtures, money, webhooks];
