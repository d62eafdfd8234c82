import { describe, expect, it } from '@jest/globals';
import { cliOptions, defaultConfig, envNameOf, loadConfig, type SandboxConfig } from '../../server/config.js';
import { root } from '../support/partners.js';

/** A value for each option other than its default, and the config field it sets. */
const samples: Record<string, { env: string; field: keyof SandboxConfig }> = {
  port: { env: '5151', field: 'port' },
  host: { env: '0.0.0.0', field: 'host' },
  data: { env: '/tmp/dana-mock-env.json', field: 'dataFile' },
  'in-memory': { env: 'true', field: 'inMemory' },
  keys: { env: '/tmp/keys', field: 'keysDir' },
  partners: { env: '/tmp/partners.json', field: 'partnersFile' },
  fixtures: { env: '/tmp/fixtures.json', field: 'fixturesFile' },
  'replay-check': { env: 'false', field: 'replayCheck' },
  'clock-skew': { env: '30', field: 'clockSkewSeconds' },
  'journal-limit': { env: '7', field: 'journalLimit' },
  'journal-total-limit': { env: '9', field: 'journalTotalLimit' },
  'replay-ids-per-session': { env: '3', field: 'replayIdsPerSession' },
  'replay-ids-total': { env: '4', field: 'replayIdsTotal' },
  'allowed-hosts': { env: 'dana-mock,http://ci-runner:4510', field: 'allowedHosts' },
  'admin-token': { env: 'env-token', field: 'adminToken' },
  'signing-helper': { env: '0', field: 'signingHelper' },
  'timeout-delay': { env: '5', field: 'timeoutDelayMs' },
  'webhook-timeout': { env: '2500', field: 'webhookTimeoutMs' },
  'ott-limit': { env: '2', field: 'ottLimitPerMinute' },
  'log-level': { env: 'debug', field: 'logLevel' },
};

describe('options as environment variables', () => {
  const base = defaultConfig(root);

  it('takes every CLI option as DANA_MOCK_<OPTION> too, each reaching its config field', () => {
    const options = Object.keys(cliOptions).filter((name) => name !== 'help');
    expect(Object.keys(samples).sort()).toEqual(options.sort());
    for (const [option, { env, field }] of Object.entries(samples)) {
      const config = loadConfig([], { [envNameOf(option)]: env }, base);
      expect([option, config[field]]).not.toEqual([option, base[field]]);
    }
  });

  it('lets the command line win over the environment, and DANA_MOCK_PORT over PORT', () => {
    expect(loadConfig(['--port', '6060'], { DANA_MOCK_PORT: '5050' }, base).port).toBe(6060);
    expect(loadConfig([], { DANA_MOCK_PORT: '5050', PORT: '7070' }, base).port).toBe(5050);
    expect(loadConfig([], { HOST: '0.0.0.0', LOG_LEVEL: 'error' }, base)).toMatchObject({
      host: '0.0.0.0',
      logLevel: 'error',
    });
  });

  it('refuses a boolean variable that is neither true nor false, naming it', () => {
    expect(() => loadConfig([], { DANA_MOCK_IN_MEMORY: 'maybe' }, base)).toThrow(
      'DANA_MOCK_IN_MEMORY takes true or false, got "maybe"',
    );
  });

  it("listens on 4510 by default, not on Prism's 4010", () => {
    expect(base.port).toBe(4510);
  });
});
