import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { root } from '../support/partners.js';

const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('README test examples', () => {
  it.each(['test/docs/examples/inProcess.test.ts', 'test/docs/examples/overHttp.test.ts'])(
    'shows %s exactly as it runs',
    (file) => {
      const code = readFileSync(join(root, file), 'utf8').trimEnd();
      expect(readme).toContain(`(this block is \`${file}\`):\n\n\`\`\`ts\n${code}\n\`\`\``);
    },
  );
});
