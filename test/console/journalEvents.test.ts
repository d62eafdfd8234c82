import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { IncomingMessage } from 'node:http';
import request from 'supertest';
import { maskedValue } from '../../server/core/maskJournalEntry.js';
import type { Sandbox } from '../../server/sandbox.js';
import { sendApplyOtt } from '../endpoints/applyOtt.requests.js';
import { createTestSandbox } from '../support/testSandbox.js';

interface ServerEvent {
  event?: string;
  id?: string;
  data: any;
}

const parseEvents = (text: string): ServerEvent[] =>
  text
    .split('\n\n')
    .filter((block) => block.includes('data: '))
    .map((block) => {
      const field = (name: string) => block.match(new RegExp(`^${name}: (.*)$`, 'm'))?.[1];
      return { event: field('event') ?? undefined, id: field('id') ?? undefined, data: JSON.parse(field('data')!) };
    });

/** Reads GET `path` as server-sent events until `count` arrived; `whileOpen` runs once the stream is open. */
async function readEvents(
  sandbox: Sandbox,
  path: string,
  count: number,
  options: { headers?: Record<string, string>; whileOpen?: () => Promise<unknown> } = {},
) {
  let opened = false;
  const res = await request(sandbox.app)
    .get(path)
    .set(options.headers ?? {})
    .buffer(true)
    .parse((stream, done) => {
      let text = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        text += chunk;
        // A supertest call is lazy: resolving it sends it.
        if (!opened) {
          opened = true;
          void Promise.resolve(options.whileOpen?.());
        }
        if (parseEvents(text).length >= count) {
          done(null, parseEvents(text));
          (stream as unknown as IncomingMessage).destroy();
        }
      });
    });
  return { status: res.status, type: res.headers['content-type'], events: res.body as ServerEvent[] };
}

let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await createTestSandbox();
});
afterEach(() => sandbox.close());

describe('GET /__admin/journal/events', () => {
  it('streams an exchange recorded after it opened as an exchange event, credentials masked', async () => {
    const { type, events } = await readEvents(sandbox, '/__admin/journal/events', 1, {
      whileOpen: () => sendApplyOtt(sandbox.app, 'demo-token-active'),
    });
    expect(type).toBe('text/event-stream');
    expect(events[0]).toMatchObject({ event: 'exchange', id: '1', data: { endpoint: 'applyOtt', code: '2004900' } });
    expect(events[0].data.request.headers['authorization-customer']).toBe(`Bearer ${maskedValue}`);
  });

  it('shows credentials with ?reveal=true, as GET /__admin/journal does', async () => {
    await sendApplyOtt(sandbox.app, 'demo-token-active');
    const { events } = await readEvents(sandbox, '/__admin/journal/events?reveal=true', 1);
    expect(events[0].data.request.headers['authorization-customer']).toBe('Bearer demo-token-active');
  });

  it('sends the newest ?limit= entries held first, and after Last-Event-ID only the newer ones', async () => {
    for (let i = 0; i < 3; i++) await sendApplyOtt(sandbox.app, 'demo-token-active');
    const newest = await readEvents(sandbox, '/__admin/journal/events?limit=2', 2);
    expect(newest.events.map((e) => e.id)).toEqual(['2', '3']);
    const resumed = await readEvents(sandbox, '/__admin/journal/events', 1, {
      headers: { 'Last-Event-ID': '2' },
    });
    expect(resumed.events.map((e) => e.id)).toEqual(['3']);
  });

  it('streams only the session, endpoint and code asked for', async () => {
    const { events } = await readEvents(sandbox, '/__admin/journal/events?session=ci-1&code=4014902', 1, {
      whileOpen: async () => {
        await sendApplyOtt(sandbox.app, 'demo-token-active', { headers: { 'X-Mock-Session': 'ci-2' } });
        await sendApplyOtt(sandbox.app, 'demo-token-active', { headers: { 'X-Mock-Session': 'ci-1' } });
        await sendApplyOtt(sandbox.app, 'demo-token-expired', { headers: { 'X-Mock-Session': 'ci-1' } });
      },
    });
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ session: 'ci-1', code: '4014902' });
  });

  it('refuses a cross-site Origin and a foreign Host before opening a stream (403)', async () => {
    const fromSite = await request(sandbox.app).get('/__admin/journal/events').set('Origin', 'https://evil.example');
    const rebound = await request(sandbox.app).get('/__admin/journal/events').set('Host', 'evil.example');
    expect([fromSite.status, rebound.status]).toEqual([403, 403]);
    expect(fromSite.body.error.message).toContain('Origin "https://evil.example"');
  });

  it('refuses a bad Last-Event-ID and an unknown endpoint filter by name (400)', async () => {
    const cursor = await request(sandbox.app).get('/__admin/journal/events').set('Last-Event-ID', 'x');
    const endpoint = await request(sandbox.app).get('/__admin/journal/events?endpoint=applyOTT');
    expect([cursor.status, endpoint.status]).toEqual([400, 400]);
    expect(cursor.body.error.message).toContain('Last-Event-ID');
    expect(endpoint.body.error.message).toContain('?endpoint=applyOTT');
  });
});
