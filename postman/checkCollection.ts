import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createSandbox } from '../server/sandbox.js';
import type { PostmanCollection, PostmanEnvironment } from './postmanTypes.js';
import { describeFailures, runCollection } from './runCollection.js';
import { collectionFile, environmentFile } from './writePostmanFiles.js';

/**
 * `npm run postman:check`: runs the committed collection with newman against a fresh in-memory
 * sandbox on a free port, as `npm test` does: "Fault connection-reset" is left out (it drops the
 * connection by design, which newman counts as a failed request) and the timeout fault answers
 * after 100 ms instead of --timeout-delay's 10 s. Resolves with the number of failures.
 */
export async function checkCollection(): Promise<number> {
  const collection: PostmanCollection = JSON.parse(readFileSync(collectionFile, 'utf8'));
  const environment: PostmanEnvironment = JSON.parse(readFileSync(environmentFile, 'utf8'));
  const sandbox = await createSandbox({ inMemory: true, logLevel: 'silent', timeoutDelayMs: 100 });
  try {
    const { url } = await sandbox.listen(0);
    console.log(
      `dana-mock: a fresh sandbox at ${url}; "Fault connection-reset" is left out, "Fault timeout" answers after 100 ms.`,
    );
    const failures = describeFailures(await runCollection(collection, environment, url, ['cli']));
    console.log(
      failures.length === 0
        ? 'dana-mock: the collection ran green.'
        : `dana-mock: ${failures.length} failure(s):\n${failures.join('\n')}`,
    );
    return failures.length;
  } finally {
    await sandbox.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = (await checkCollection()) === 0 ? 0 : 1;
}
