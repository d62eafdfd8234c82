// The dana-mock console: plain JavaScript, no build step. It calls the control plane (/__admin) on its
// own origin with Content-Type: application/json, so the control plane's cross-site checks let it through.
'use strict';

const state = { session: '', entries: new Map(), selected: undefined, events: undefined };
const $ = (role) => document.querySelector(`[data-role="${role}"]`);

/** An element with attributes and children (strings become text, never HTML). */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) node.setAttribute(name, value);
  for (const child of children.flat()) node.append(child instanceof Node ? child : String(child ?? ''));
  return node;
}

function say(message, kind = 'info') {
  const status = $('status');
  status.textContent = message;
  status.dataset.kind = kind;
}

/** A control-plane call scoped to the chosen session; a refusal shows its message. */
async function api(method, path, body) {
  const headers = { 'content-type': 'application/json' };
  if (state.session) headers['x-mock-session'] = state.session;
  const response = await fetch(`/__admin${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    say(answer.error?.message ?? `${method} ${path} answered ${response.status}`, 'error');
    throw new Error(answer.error?.message);
  }
  return answer;
}

const pretty = (text) => {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
};

function headerTable(headers) {
  return el(
    'table',
    { class: 'headers' },
    Object.entries(headers).map(([name, value]) => el('tr', {}, el('th', {}, name), el('td', {}, value))),
  );
}

/** A SNAP or envelope signature verdict next to what the client sent. */
function signaturePanel(verdict, request) {
  const h = request.headers;
  const sent = [
    ['Method and path', `${request.method} ${request.path}${request.search}`],
    ['X-TIMESTAMP', h['x-timestamp']],
    ['X-PARTNER-ID / X-CLIENT-KEY', h['x-partner-id'] ?? h['x-client-key']],
    ['X-SIGNATURE', h['x-signature']],
    ['Body as received', request.rawBody],
  ];
  const computed = [
    ['String to sign', verdict.stringToSign],
    ['Body SHA-256', verdict.bodySha256 ?? verdict.rawRequestSha256],
    [
      'Over the minified body',
      verdict.minified && `${verdict.minified.stringToSign} (SHA-256 ${verdict.minified.bodySha256})`,
    ],
    ['Minified request SHA-256', verdict.minifiedRequestSha256],
    ['Compact request SHA-256', verdict.compactRequestSha256],
    ['Signature encoding', verdict.encoding],
    ['Key used', verdict.key],
    ['Matched', verdict.matched],
  ];
  const column = (title, rows) =>
    el(
      'div',
      { class: 'column' },
      el('h4', {}, title),
      el(
        'dl',
        {},
        rows
          .filter(([, v]) => v !== undefined && v !== '')
          .flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, el('code', {}, v))]),
      ),
    );
  return el(
    'div',
    { class: `signature ${verdict.valid ? 'valid' : 'invalid'}`, 'data-role': 'signature' },
    el('h3', {}, verdict.valid ? 'Signature verified' : 'Signature does not verify'),
    el(
      'div',
      { class: 'side-by-side' },
      column('What the client sent', sent),
      column('What the sandbox computed', computed),
    ),
  );
}

function verdictList(verdicts, request) {
  const items = Object.entries(verdicts).map(([check, verdict]) => {
    if (check === 'signature' && verdict && typeof verdict === 'object') return signaturePanel(verdict, request);
    const text = Array.isArray(verdict)
      ? verdict.join('\n')
      : typeof verdict === 'string'
        ? verdict
        : JSON.stringify(verdict, null, 2);
    return el('div', { class: 'verdict' }, el('h4', {}, check), el('pre', {}, text));
  });
  return items.length > 0
    ? items
    : [el('p', { class: 'hint' }, 'No check left a verdict (the request stopped before them).')];
}

function showExchange(id) {
  const entry = state.entries.get(id);
  if (!entry) return;
  state.selected = id;
  document
    .querySelectorAll('[data-role="exchanges"] tr')
    .forEach((row) => row.classList.toggle('selected', row.dataset.id === id));
  const { request, response } = entry;
  $('exchange').replaceChildren(
    el('h3', {}, `${entry.endpoint ?? 'no endpoint'} · ${entry.code ?? response.status}`),
    el(
      'p',
      {},
      `${entry.at}${entry.session ? ` · session ${entry.session}` : ''}${entry.scenario ? ` · scenario ${entry.scenario}` : ''}`,
    ),
    entry.debug ? el('p', { class: 'debug', 'data-role': 'debug' }, entry.debug) : '',
    el('h3', {}, 'Checks'),
    el('div', { 'data-role': 'verdicts' }, verdictList(entry.verdicts ?? {}, request)),
    el(
      'div',
      { class: 'side-by-side' },
      el(
        'div',
        { class: 'column' },
        el('h3', {}, `Request: ${request.method} ${request.path}${request.search}`),
        headerTable(request.headers),
        el('pre', {}, pretty(request.rawBody)),
      ),
      el(
        'div',
        { class: 'column' },
        el('h3', {}, `Response: ${response.status}`),
        headerTable(response.headers),
        el('pre', { 'data-role': 'response-body' }, pretty(response.body)),
      ),
    ),
  );
}

function addExchange(entry) {
  state.entries.set(entry.id, entry);
  const failed = entry.response.status >= 400;
  const row = el(
    'tr',
    { 'data-id': entry.id, class: failed ? 'failed' : 'passed', tabindex: '0' },
    el('td', {}, entry.at.slice(11, 19)),
    el('td', {}, entry.session ?? ''),
    el('td', {}, entry.endpoint ?? ''),
    el('td', {}, `${entry.request.method} ${entry.request.path}`),
    el('td', { class: 'code' }, entry.code ?? String(entry.response.status)),
    el('td', {}, entry.scenario ?? ''),
  );
  row.addEventListener('click', () => showExchange(entry.id));
  row.addEventListener('keydown', (event) => event.key === 'Enter' && showExchange(entry.id));
  $('exchanges').prepend(row);
  // A notify attempt (journalled as outbound) changes the Webhooks section.
  if (entry.verdicts?.direction === 'outbound') Promise.resolve(state.onOutbound?.()).catch(() => {});
}

/** The live journal: server-sent events, filtered by session, endpoint and code on the server. */
function connectJournal() {
  state.events?.close();
  state.entries.clear();
  $('exchanges').replaceChildren();
  const filters = new FormData($('journal-filters'));
  const query = new URLSearchParams();
  if (state.session) query.set('session', state.session);
  for (const name of ['endpoint', 'code']) if (filters.get(name)) query.set(name, filters.get(name));
  const events = (state.events = new EventSource(`/__admin/journal/events?${query}`));
  events.addEventListener('open', () => ($('live').textContent = 'live'));
  events.addEventListener('error', () => ($('live').textContent = 'reconnecting…'));
  events.addEventListener('exchange', (event) => addExchange(JSON.parse(event.data)));
}

async function refreshArmed() {
  const { rules } = await api('GET', '/scenarios/armed');
  $('armed').replaceChildren(
    ...rules.map((rule) => {
      const disarm = el('button', { 'data-disarm': rule.id }, 'Disarm');
      disarm.addEventListener('click', async () => {
        await api('DELETE', `/scenarios/armed/${encodeURIComponent(rule.id)}`);
        say(`Disarmed ${rule.scenario}.`);
        refreshArmed();
      });
      return el(
        'tr',
        {},
        el('td', {}, rule.endpoint),
        el('td', {}, el('code', {}, rule.scenario)),
        el('td', {}, rule.match ? JSON.stringify(rule.match) : 'any request'),
        el('td', {}, rule.remaining ?? 'always'),
        el('td', {}, rule.armedAt),
        el('td', {}, disarm),
      );
    }),
  );
}

function setUpScenarios() {
  document.querySelectorAll('form.arm').forEach((form) => {
    form.elements.times.addEventListener(
      'change',
      () => (form.elements.count.hidden = form.elements.times.value !== 'n'),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const choice = form.elements.times.value;
      const times = choice === 'always' ? 'always' : choice === 'n' ? Number(form.elements.count.value) : 1;
      const endpoint = form.dataset.endpoint || form.elements.endpoint.value;
      await api('POST', '/scenarios/arm', { endpoint, scenario: form.dataset.scenario, times });
      say(
        `Armed ${form.dataset.scenario} for ${endpoint} (${times === 1 ? 'once' : times === 'always' ? 'always' : `${times} times`})${state.session ? ` in session ${state.session}` : ''}.`,
      );
      refreshArmed();
    });
  });
  return refreshArmed;
}

function showClock(clock) {
  $('clock-now').textContent = `${clock.jakarta} (${clock.now})`;
  $('clock-state').textContent = clock.frozen
    ? 'frozen'
    : clock.offsetMs
      ? `running, ${clock.offsetMs / 1000}s from real time`
      : 'real time';
}

function setUpClock() {
  document
    .querySelectorAll('[data-clock]')
    .forEach((button) =>
      button.addEventListener('click', async () => showClock(await api('POST', `/clock/${button.dataset.clock}`))),
    );
  $('clock-advance').addEventListener('submit', async (event) => {
    event.preventDefault();
    showClock(await api('POST', '/clock/advance', { seconds: Number(event.target.elements.seconds.value) }));
  });
  $('clock-set').addEventListener('submit', async (event) => {
    event.preventDefault();
    showClock(await api('POST', '/clock/set', { at: event.target.elements.at.value }));
  });
  return async () => showClock(await api('GET', '/clock'));
}

function setUpFixtures() {
  const form = $('fixture-collection');
  const refresh = async () => {
    const collection = form.elements.collection.value;
    const answer = await api('GET', `/fixtures/${collection}`);
    $('fixtures').replaceChildren(
      el(
        'ul',
        { class: 'fixtures' },
        answer[collection].map((item) => el('li', {}, el('pre', {}, JSON.stringify(item, null, 2)))),
      ),
    );
  };
  form.elements.collection.addEventListener('change', refresh);
  return refresh;
}

/** A button that makes one control-plane call, then refreshes the section. */
function actionButton(label, method, path, refresh) {
  const button = el('button', { type: 'button' }, label);
  button.addEventListener('click', async () => {
    await api(method, path);
    say(`${label}: done.`);
    refresh();
  });
  return button;
}

const openOrderStatuses = ['INIT', 'PAYING'];

function setUpMoney() {
  const form = $('deposit');
  const refresh = async () => {
    const partnerId = form.elements.partnerId.value;
    const [deposit, { disbursements }, { orders }] = await Promise.all([
      api('GET', `/merchant-balances/${encodeURIComponent(partnerId)}`),
      api('GET', '/disbursements'),
      api('GET', '/orders'),
    ]);
    $('deposit-balance').textContent = `IDR ${deposit.balance}`;
    $('disbursements').replaceChildren(
      ...disbursements.map((d) =>
        el(
          'tr',
          {},
          el('td', {}, d.kind),
          el('td', {}, d.partnerReferenceNo),
          el('td', {}, `${d.amount.value} ${d.amount.currency}`),
          el('td', { 'data-status': d.status }, d.status),
          el(
            'td',
            {},
            d.status === 'PROCESSING'
              ? actionButton(
                  'Settle now',
                  'POST',
                  `/disbursements/${encodeURIComponent(d.partnerReferenceNo)}/settle`,
                  refresh,
                )
              : '',
          ),
        ),
      ),
    );
    $('orders').replaceChildren(
      ...orders.map((o) => {
        const ref = encodeURIComponent(o.partnerReferenceNo);
        const open = openOrderStatuses.includes(o.status);
        return el(
          'tr',
          {},
          el('td', {}, o.partnerReferenceNo),
          el('td', {}, o.product),
          el('td', {}, `${o.amount.value} ${o.amount.currency}`),
          el('td', { 'data-status': o.status }, o.status),
          el(
            'td',
            {},
            open
              ? [
                  actionButton('Pay', 'POST', `/orders/${ref}/pay`, refresh),
                  actionButton('Fail', 'POST', `/orders/${ref}/fail`, refresh),
                  actionButton('Expire', 'POST', `/orders/${ref}/expire`, refresh),
                ]
              : '',
          ),
        );
      }),
    );
  };
  form.elements.partnerId.addEventListener('change', refresh);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const partnerId = form.elements.partnerId.value;
    const funded = await api('POST', `/merchant-balances/${encodeURIComponent(partnerId)}/fund`, {
      amount: form.elements.amount.value,
    });
    say(`Deposit of ${partnerId} is now IDR ${funded.balance}.`);
    refresh();
  });
  return refresh;
}

/** How an attempt ended, in a few words: the partner's status and why it did not count. */
const attemptSummary = (attempt) =>
  [attempt.status === undefined ? attempt.outcome : `HTTP ${attempt.status}`, attempt.outcome, attempt.reason]
    .filter((part, i, parts) => part && parts.indexOf(part) === i)
    .join(' · ');

function showWebhook(delivery, redeliver) {
  $('webhook').replaceChildren(
    el('h3', {}, `${delivery.kind} · ${delivery.partnerReferenceNo} · ${delivery.status}`),
    el(
      'p',
      {},
      `POST ${delivery.url} · X-EXTERNAL-ID ${delivery.externalId}`,
      delivery.nextAttemptAt ? ` · next attempt ${delivery.nextAttemptAt}` : '',
    ),
    redeliver,
    el('h3', {}, 'Body'),
    el('pre', {}, pretty(delivery.body)),
    delivery.attempts.length === 0 ? el('p', { class: 'hint' }, 'No attempt yet.') : '',
    ...delivery.attempts
      .slice()
      .reverse()
      .map((attempt) =>
        el(
          'div',
          { class: 'attempt', 'data-attempt': attempt.number, 'data-outcome': attempt.outcome },
          el(
            'h3',
            {},
            `Attempt ${attempt.number} · ${attempt.at} · ${attemptSummary(attempt)} · ${attempt.latencyMs} ms`,
          ),
          // The newest attempt open; older ones one click away.
          el(
            'details',
            attempt.number === delivery.attempts.length ? { open: '' } : {},
            el('summary', {}, 'Headers sent and the answer'),
            el(
              'div',
              { class: 'side-by-side' },
              el('div', { class: 'column' }, el('h4', {}, 'Headers sent'), headerTable(attempt.headers)),
              el('div', { class: 'column' }, el('h4', {}, 'Answer'), el('pre', {}, pretty(attempt.answer ?? ''))),
            ),
          ),
        ),
      ),
  );
}

/** The notifies of the scope; each attempt also reaches the live journal, which refreshes this list. */
function setUpWebhooks() {
  let selected;
  const redeliverButton = (delivery) => {
    const button = el('button', { type: 'button', 'data-redeliver': delivery.id }, 'Redeliver');
    button.addEventListener('click', async (event) => {
      event.stopPropagation();
      await api('POST', `/webhooks/${encodeURIComponent(delivery.id)}/redeliver`);
      say(`Sending the ${delivery.kind} of ${delivery.partnerReferenceNo} again.`);
      selected = delivery.id;
      refresh();
    });
    return button;
  };
  const select = (delivery) => {
    selected = delivery.id;
    document
      .querySelectorAll('[data-role="webhooks"] tr')
      .forEach((row) => row.classList.toggle('selected', row.dataset.id === delivery.id));
    showWebhook(delivery, redeliverButton(delivery));
  };
  const refresh = async () => {
    const { webhooks } = await api('GET', '/webhooks');
    $('webhooks').replaceChildren(
      ...webhooks.map((delivery) => {
        const last = delivery.attempts.at(-1);
        const row = el(
          'tr',
          { 'data-id': delivery.id, tabindex: '0' },
          el('td', {}, delivery.createdAt.slice(11, 19)),
          el('td', {}, delivery.kind),
          el('td', {}, delivery.partnerReferenceNo),
          el('td', {}, delivery.url),
          el('td', { 'data-role': 'attempts' }, delivery.attempts.length),
          el('td', {}, last ? attemptSummary(last) : ''),
          el('td', { 'data-status': delivery.status }, delivery.status),
          el('td', {}, redeliverButton(delivery)),
        );
        row.addEventListener('click', () => select(delivery));
        row.addEventListener('keydown', (event) => event.key === 'Enter' && select(delivery));
        return row;
      }),
    );
    const current = webhooks.find((delivery) => delivery.id === selected);
    if (current) select(current);
    // Another session, or a reset: the notify shown is gone.
    else if (selected) {
      selected = undefined;
      $('webhook').replaceChildren(el('p', { class: 'hint' }, 'Pick a notify to see its body and every attempt.'));
    }
  };
  state.onOutbound = refresh;
  return refresh;
}

/** Each section's set-up, keyed by its id (server/console/consoleSections.ts); each returns its refresh. */
const sections = {
  journal: () => {
    $('journal-filters').addEventListener('change', connectJournal);
    $('journal-filters').addEventListener('submit', (event) => (event.preventDefault(), connectJournal()));
    return connectJournal;
  },
  scenarios: setUpScenarios,
  clock: setUpClock,
  fixtures: setUpFixtures,
  money: setUpMoney,
  webhooks: setUpWebhooks,
};

document.addEventListener('DOMContentLoaded', () => {
  const refreshers = [...document.querySelectorAll('[data-section]')]
    .map((section) => sections[section.dataset.section]?.())
    .filter(Boolean);
  const refreshAll = () => refreshers.forEach((refresh) => Promise.resolve(refresh()).catch(() => {}));
  $('session').addEventListener('change', (event) => {
    // A blur after Enter fires change again: only a different session reconnects.
    if (event.target.value.trim() === state.session) return;
    state.session = event.target.value.trim();
    say(state.session ? `Session ${state.session}.` : 'All sessions (the global scope).');
    refreshAll();
  });
  $('session').addEventListener('submit', (event) => event.preventDefault());
  refreshAll();
});
