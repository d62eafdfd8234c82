// One benchmark target per process, so the load generator never shares its thread: prints its URL.
// target.ts baseline
// target.ts sandbox [--data-file] [--data-rows N] [--prefill N] [--journal-limit N] [--notifications N] [--journey-sessions N]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import express from 'express';
import { createSandbox } from '../server/sandbox.js';
import { internalsOf } from '../server/internals.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    'data-file': { type: 'boolean', default: false },
    'data-rows': { type: 'string', default: '0' },
    prefill: { type: 'string', default: '0' },
    'journal-limit': { type: 'string', default: '1000' },
    notifications: { type: 'string', default: '0' },
    'journey-sessions': { type: 'string', default: '0' },
  },
});

if (positionals[0] === 'baseline') {
  // The same answer body as a successful Apply OTT, with no checks and the request body left unread.
  const app = express();
  const body = JSON.stringify({
    responseCode: '2004900',
    responseMessage: 'Successful',
    userResources: [{ resourceType: 'OTT', value: 'x'.repeat(43) }],
    additionalInfo: {},
  });
  const answer = (_req: express.Request, res: express.Response) => {
    res.type('application/json').send(body);
  };
  app.post('/rest/v1.1/qr/apply-ott', answer);
  app.post('/v1/payments/pushNotificationUser', answer);
  const server = app.listen(0, '127.0.0.1', () => {
    const address = server.address();
    console.log(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
  });
} else {
  const dataRows = Number(values['data-rows']);
  // The replay check is off so one pre-signed request can be replayed; every other check runs.
  const dataFile = join(mkdtempSync(join(tmpdir(), 'dana-mock-bench-')), 'data.json');
  const sandbox = await createSandbox({
    inMemory: !values['data-file'] && dataRows === 0,
    dataFile,
    logLevel: 'silent',
    replayCheck: false,
    journalLimit: Number(values['journal-limit']),
  });
  // A data file already holding many rows shows whether a request costs more as the file grows.
  for (let i = 0; i < dataRows; i++) {
    sandbox.control.createFixtures('customerTokens', {
      value: `bench-filler-${i}`,
      customerId: 'cust-active',
      expiresAt: '2099-12-31T23:59:59+07:00',
    });
  }
  await internalsOf(sandbox).store.flush();
  sandbox.control.createFixtures('customers', {
    id: 'bench-customer',
    phone: '080000000000',
    status: 'ACTIVE',
    ottLimitPerMinute: 1_000_000_000,
  });
  sandbox.control.createFixtures('customerTokens', {
    value: 'bench-token',
    customerId: 'bench-customer',
    expiresAt: '2099-12-31T23:59:59+07:00',
  });
  // Resend OTP allows one OTP a minute per journey: each session (X-Mock-Session is not signed) gets its
  // own, opened two minutes ago so the first resend is allowed (journeys close after ten).
  const journeySessions = Number(values['journey-sessions']);
  const opened = new Date(Date.now() - 120_000).toISOString();
  for (let i = 0; i < journeySessions; i++) {
    sandbox.control.forSession(`bench-${i}`).createFixtures('journeys', {
      journeyId: 'j-bench',
      orderId: 'order-j-bench',
      bankCardToken: 'demo-card-active',
      createdAt: opened,
    });
  }
  // A journal already at its cap shows whether recording costs more as the journal grows.
  const prefill = Number(values.prefill);
  for (let i = 0; i < prefill; i++) {
    internalsOf(sandbox).journal.record({
      id: `prefill-${i}`,
      at: '',
      verdicts: {},
      request: { method: 'POST', path: '/', search: '', headers: {}, rawBody: '{}' },
      response: { status: 200, headers: {}, body: '{}' },
    });
  }
  // Pushes already delivered show whether a push costs more as the inbox grows (it scanned it once).
  const notifications = Number(values.notifications);
  for (let i = 0; i < notifications; i++) {
    const bizType = `BENCH_PREFILL_${i}`;
    internalsOf(sandbox).store.put('notifications', JSON.stringify(['demo-order-active', bizType]), {
      id: `prefill-${i}`,
      customerId: 'cust-active',
      acquirementId: 'demo-order-active',
      bizType,
      partnerId: 'bench',
      deliveredAt: new Date().toISOString(),
      body: {},
    });
  }
  console.log((await sandbox.listen(0)).url);
}
