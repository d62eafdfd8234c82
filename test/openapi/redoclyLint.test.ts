import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

describe("Redocly's recommended ruleset", () => {
  it('passes on postman/dana-mock.openapi.json without an error or warning (redocly.yaml turns rules off only with a reason)', async () => {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['node_modules/@redocly/cli/bin/cli.js', 'lint', 'postman/dana-mock.openapi.json', '--format=stylish'],
      { env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
    );
    expect(stdout + stderr).toContain('Your API description is valid');
    expect(stdout + stderr).not.toMatch(/\bwarning\s+[a-z-]+\s/);
  }, 60_000);
});
