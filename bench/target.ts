// One benchmark target per process, so the load generator never shares its core: prints its URL.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { createSandbox } from '../server/sandbox.js';
import { internalsOf } from '../server/internals.js';

// target.ts baseline | sandbox [journal prefill] [journal limit] [data-file rows, or memory (the default)] [notifications stored]
const kind = process.argv[2];
const inMemory = (process.argv[5] ?? 'memory') === 'memory';
const dataRows = inMemory ? 0 : Number(process.argv[5]);

if (kind === 'baseline') {
  const app = express();
  const body = JSON.stringify({
    responseCode: '2004900',
    responseMessage: 'Successful',
    userResources: [{ resourceType: 'OTT', value: 'x'.repeat(43) }],
    additionalInfo: {},
  });
  app.post('/rest/v1.1/qr/apply-ott', (_req, res) => {
    res.type('application/json').send(body);
  });
  app.post('/v1/payments/pushNotificationUser', (_req, res) => {
    res.type('application/json').send(body);
  });
  const server = app.listen(0, '127.0.0.1', () => {
    const address = server.address();
    console.log(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
  });
} else {
  // The replay check is off so one pre-signed request can be replayed; every other check runs.
  const dataFile = join(mkdtempSync(join(tmpdir(), 'dana-mock-bench-')), 'data.json');
  const sandbox = await createSandbox({
    inMemory,
    dataFile,
    logLevel: 'silent',
    replayCheck: false,
    journalLimit: Number(process.argv[4] ?? 1000),
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
  // A journal already at its cap shows whether recording costs more as the journal grows.
  const prefill = Number(process.argv[3] ?? 0);
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
  const notifications = Number(process.argv[6] ?? 0);
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
