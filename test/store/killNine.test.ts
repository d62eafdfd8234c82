import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { killHard, startCli } from '../support/cli.js';
import { buildEnvelope, pushBody, pushPath } from '../endpoints/pushNotificationUser.requests.js';

jest.setTimeout(60_000);

const started: ChildProcess[] = [];
afterAll(() => Promise.all(started.map(killHard)));

async function start(dataFile: string) {
  const cli = await startCli(['--data', dataFile, '--log-level', 'silent', '--no-replay-check']);
  started.push(cli.child);
  return cli;
}

const post = (url: string, body: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('kill -9', () => {
  it('loses no acknowledged change: fixtures written by the control plane and notifications delivered by an endpoint', async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), 'dana-mock-kill-')), 'dana-mock.json');
    const { url, child } = await start(dataFile);
    const cards: string[] = [];
    const pushes: string[] = [];
    let killed = false;
    const cardWriter = async (w: number) => {
      for (let i = 0; !killed; i++) {
        const token = `card-${w}-${i}`;
        const res = await post(
          `${url}/__admin/fixtures/cards`,
          JSON.stringify({ bankCardToken: token, status: 'ACTIVE' }),
        );
        if (res.status === 201) cards.push(token);
      }
    };
    const pushWriter = async (w: number) => {
      for (let i = 0; !killed; i++) {
        const bizType = `KILL_${w}_${i}`;
        const res = await post(url + pushPath, buildEnvelope({ body: pushBody('demo-order-active', { bizType }) }));
        const answer = (await res.json()) as { response: { body: { resultInfo: { resultCode: string } } } };
        if (answer.response.body.resultInfo.resultCode === 'SUCCESS') pushes.push(bizType);
      }
    };
    const writers = [0, 1, 2, 3].flatMap((w) => [cardWriter(w), pushWriter(w)]).map((p) => p.catch(() => undefined));
    while (cards.length + pushes.length < 300) await new Promise((resolve) => setTimeout(resolve, 20));
    await killHard(child);
    killed = true;
    await Promise.all(writers);

    const again = await start(dataFile);
    const stored = (await (await fetch(`${again.url}/__admin/fixtures/cards`)).json()) as {
      cards: { bankCardToken: string }[];
    };
    const delivered = (await (await fetch(`${again.url}/__admin/notifications`)).json()) as {
      notifications: { bizType: string }[];
    };
    const storedCards = new Set(stored.cards.map((c) => c.bankCardToken));
    const storedPushes = new Set(delivered.notifications.map((n) => n.bizType));
    expect(cards.length).toBeGreaterThan(0);
    expect(pushes.length).toBeGreaterThan(0);
    expect(cards.filter((token) => !storedCards.has(token))).toEqual([]);
    expect(pushes.filter((bizType) => !storedPushes.has(bizType))).toEqual([]);
  });
});
