import { expect, it } from '@jest/globals';
import { loadConfig, maxJournalLimit, maxTimerDelayMs } from '../../server/config.js';

it('refuses a --journal-limit above its maximum, naming the option', () => {
  expect(() => loadConfig(['--journal-limit', '10000000000'], {})).toThrow(
    `--journal-limit must be at most ${maxJournalLimit}, got 10000000000`,
  );
  expect(loadConfig(['--journal-limit', String(maxJournalLimit)], {}).journalLimit).toBe(maxJournalLimit);
});

it('refuses a --timeout-delay Node could not wait for, naming the option', () => {
  expect(() => loadConfig(['--timeout-delay', String(maxTimerDelayMs + 1)], {})).toThrow(
    `--timeout-delay must be at most ${maxTimerDelayMs}`,
  );
  expect(loadConfig(['--timeout-delay', String(maxTimerDelayMs)], {}).timeoutDelayMs).toBe(maxTimerDelayMs);
});

it('refuses a port above 65535, from --port or PORT', () => {
  expect(() => loadConfig(['--port', '70000'], {})).toThrow('--port must be at most 65535, got 70000');
  expect(() => loadConfig([], { PORT: '65536' })).toThrow('--port must be at most 65535');
  expect(loadConfig([], { PORT: '0' }).port).toBe(0);
});
