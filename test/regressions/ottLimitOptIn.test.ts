import { describe, expect, it } from '@jest/globals';
import { loadConfig, usage } from '../../server/config.js';
import { admin } from '../support/admin.js';
import { sendApplyOtt } from '../endpoints/applyOtt.requests.js';
import { createTestSandbox } from '../support/testSandbox.js';

const codesOf = async (sandbox: Awaited<ReturnType<typeof createTestSandbox>>, token: string, calls: number) => {
  const codes: string[] = [];
  for (let i = 0; i < calls; i++) codes.push((await sendApplyOtt(sandbox.app, token)).body.responseCode);
  return codes;
};

describe('Apply OTT rate limit', () => {
  it('answers 2004900 to 40 calls in one sandbox minute for a customer whose fixture sets no limit', async () => {
    const sandbox = await createTestSandbox();
    expect(new Set(await codesOf(sandbox, 'demo-token-active', 40))).toEqual(new Set(['2004900']));
    await sandbox.close();
  });

  it('answers 4294900 to the seeded rate-limited customer, whose fixture sets its limit', async () => {
    const sandbox = await createTestSandbox();
    expect(await codesOf(sandbox, 'demo-token-rate-limited', 2)).toEqual(['4294900', '4294900']);
    await sandbox.close();
  });

  it('answers 4294900 past a fixture limit, whatever the global default', async () => {
    const sandbox = await createTestSandbox({ ottLimitPerMinute: 1 });
    await admin(sandbox, 'POST', '/fixtures/customers', {
      id: 'cust-three',
      phone: '0800000003',
      status: 'ACTIVE',
      ottLimitPerMinute: 3,
    });
    await admin(sandbox, 'POST', '/fixtures/customerTokens', {
      value: 'token-three',
      customerId: 'cust-three',
      expiresAt: '2099-01-01T00:00:00+07:00',
    });
    expect(await codesOf(sandbox, 'token-three', 4)).toEqual(['2004900', '2004900', '2004900', '4294900']);
    await sandbox.close();
  });

  it('limits every customer without a limit of its own to --ott-limit per sandbox minute', async () => {
    const sandbox = await createTestSandbox({
      ottLimitPerMinute: loadConfig(['--ott-limit', '2'], {}).ottLimitPerMinute,
    });
    expect(await codesOf(sandbox, 'demo-token-active', 3)).toEqual(['2004900', '2004900', '4294900']);
    expect(sandbox.control.journal().at(-1)?.debug).toContain('2 OTTs this sandbox minute');
    await sandbox.close();
  });

  it('reads --ott-limit as a whole number, off unless given', () => {
    expect(loadConfig([], {}).ottLimitPerMinute).toBeUndefined();
    expect(loadConfig(['--ott-limit', '30'], {}).ottLimitPerMinute).toBe(30);
    expect(loadConfig(['--ott-limit', '0'], {}).ottLimitPerMinute).toBe(0);
    expect(() => loadConfig(['--ott-limit', 'many'], {})).toThrow(/--ott-limit must be a whole number, got "many"/);
    expect(() => loadConfig(['--ott-limit=2.5'], {})).toThrow(/--ott-limit must be a whole number/);
    expect(usage).toContain('--ott-limit <n>');
  });
});
