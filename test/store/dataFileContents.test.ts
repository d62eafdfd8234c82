import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { createTestSandbox } from '../support/testSandbox.js';

/** A data file holding `contents` as its text, in a fresh folder. */
function dataFileWith(contents: string): string {
  const dataFile = join(mkdtempSync(join(tmpdir(), 'dana-mock-contents-')), 'dana-mock.json');
  writeFileSync(dataFile, contents);
  return dataFile;
}

const withRule = (rule: Record<string, unknown>, scope = '') =>
  JSON.stringify({ version: 1, collections: { rules: { [scope]: { [String(rule.id)]: rule } } } });
const rule = { id: 'r1', endpoint: 'applyOtt', scenario: 'do-not-honor', armedAt: '2026-11-22T03:00:00.000Z' };

async function expectRefused(contents: string, message: string) {
  const dataFile = dataFileWith(contents);
  await expect(createTestSandbox({ inMemory: false, dataFile })).rejects.toThrow(message.replace('<file>', dataFile));
  // Never wiped nor rewritten, whatever it holds.
  expect(readFileSync(dataFile, 'utf8')).toBe(contents);
}

describe('the data file is checked when the sandbox opens it', () => {
  it('stops start-up on a file holding null, naming the file, and leaves it as it was', async () => {
    await expectRefused('null', 'The data file <file> is not a dana-mock data file: the file holds null');
  });

  it('stops start-up naming the file and the spot when a collection is not an object', async () => {
    await expectRefused(
      '{"version":1,"collections":{"customers":"oops"}}',
      'The data file <file> is not a dana-mock data file: collections.customers is not an object of scopes',
    );
  });

  it('stops start-up naming the entry when a stored clock is not a number', async () => {
    await expectRefused(
      '{"version":1,"collections":{"clocks":{"":{"clock":{"offsetMs":"abc"}}}}}',
      'collections.clocks[""]["clock"] offsetMs is not a number',
    );
  });

  it('stops start-up naming the rule when a stored armed rule has no armedAt', async () => {
    const { armedAt: _dropped, ...noArmedAt } = rule;
    await expectRefused(
      withRule(noArmedAt),
      'The data file <file> is not a dana-mock data file: collections.rules[""]["r1"] armedAt is not an ISO-8601 time',
    );
  });

  it('stops start-up naming the file and the rule id when a stored rule names a scenario the packs lack', async () => {
    await expectRefused(
      withRule({ ...rule, scenario: 'renamed-away' }),
      'The data file <file> holds armed rule r1 for scenario "renamed-away", which the scenario packs of applyOtt lack',
    );
    await expectRefused(
      withRule({ ...rule, scenario: 'renamed-away', session: 'ci-1' }, 'ci-1'),
      'holds armed rule r1 of session ci-1 for scenario "renamed-away"',
    );
  });

  it('stops start-up when a stored rule names an endpoint the sandbox does not emulate', async () => {
    await expectRefused(withRule({ ...rule, endpoint: 'applyOT' }), 'holds armed rule r1 for endpoint "applyOT"');
  });

  it('opens a well-formed file with a valid stored rule and answers with it', async () => {
    const dataFile = dataFileWith(withRule(rule));
    const sandbox = await createTestSandbox({ inMemory: false, dataFile });
    expect(sandbox.control.armedScenarios().map((r) => r.id)).toEqual(['r1']);
    await sandbox.close();
  });
});
