import { writeFileSync } from 'node:fs';
import type { NewmanRunExecution, NewmanRunSummary } from 'newman';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createSequentialIds } from '../server/core/ids.js';
import { findPackageRoot } from '../server/packageRoot.js';
import { createSandbox } from '../server/sandbox.js';
import { buildCollection, buildEnvironment } from './buildCollection.js';
import type { PostmanCollection, PostmanItem } from './postmanTypes.js';
import { describeFailures, runCollection, runnableCollection } from './runCollection.js';
import { internalsOf } from '../server/internals.js';

export const collectionFile = join(findPackageRoot(), 'postman', 'dana-mock.postman_collection.json');
export const environmentFile = join(findPackageRoot(), 'postman', 'dana-mock.postman_environment.json');

/** Headers worth keeping in a saved example. */
const keptHeaders = ['content-type', 'x-timestamp'];

/** One execution per item: its own request, not the signing helper's (a pm.sendRequest is an execution too, and comes first). */
export function finalExecutions(summary: NewmanRunSummary): NewmanRunExecution[] {
  const last = new Map<string, NewmanRunExecution>();
  for (const execution of summary.run.executions) last.set(execution.item.id, execution);
  return [...last.values()];
}

/** Where the examples say the sandbox listens (the environment's baseUrl), whatever port the generating run got. */
const exampleHost = () => new URL(buildEnvironment().values.find((v) => v.key === 'baseUrl')!.value).host;

/**
 * The collection as the generating run sends it, so its answers (the saved examples) are the same bytes
 * on every run: a counted uuid for each {{$guid}} (the envelope echoes reqMsgId and signs over it), the
 * Host of the environment's baseUrl (the journal shows request headers), and no random Postman-Token.
 * The committed requests keep {{$guid}}: people need a fresh reqMsgId per send.
 */
export function pinForGeneration(collection: PostmanCollection): PostmanCollection {
  let n = 0;
  const countedUuid = () => `00000000-0000-4000-9000-${(++n).toString(16).padStart(12, '0')}`;
  const pin = (item: PostmanItem): PostmanItem => ({
    ...item,
    request: {
      ...item.request,
      header: [...item.request.header, { key: 'Host', value: exampleHost() }],
      ...(item.request.body
        ? { body: { ...item.request.body, raw: item.request.body.raw.replaceAll('{{$guid}}', countedUuid) } }
        : {}),
    },
    protocolProfileBehavior: { disabledSystemHeaders: { 'postman-token': true } },
  });
  return { ...collection, item: collection.item.map((folder) => ({ ...folder, item: folder.item.map(pin) })) };
}

/**
 * Builds the collection, runs it with newman against a throw-away sandbox (fixed clock, counted ids,
 * pinned request ids and Host), and keeps each item's real answer as its saved example, so two runs
 * write the same bytes on any machine and in any folder. Refuses if one item's tests fail.
 */
export async function buildCollectionWithExamples(): Promise<PostmanCollection> {
  // A short timeout fault, so building the examples waits a moment rather than DANA's 8 s and more.
  const sandbox = await createSandbox({
    inMemory: true,
    logLevel: 'silent',
    realNow: () => Date.parse('2026-11-22T10:00:00+07:00'),
    ids: createSequentialIds('postman'),
    timeoutDelayMs: 100,
  });
  try {
    const { url } = await sandbox.listen(0);
    const collection = buildCollection(internalsOf(sandbox));
    const summary = await runCollection(pinForGeneration(collection), buildEnvironment(), url);
    const failures = describeFailures(summary);
    if (failures.length > 0) throw new Error(`The collection fails against a fresh sandbox:\n${failures.join('\n')}`);
    const items: PostmanItem[] = runnableCollection(collection).item.flatMap((folder) => folder.item);
    const executions = finalExecutions(summary);
    if (executions.length !== items.length)
      throw new Error(`newman answered ${executions.length} of ${items.length} items`);
    items.forEach((item, i) => {
      const response = executions[i].response;
      item.response = [
        {
          name: item.name,
          originalRequest: item.request,
          status: response.status,
          code: response.code,
          _postman_previewlanguage: response.headers.get('content-type')?.includes('json') ? 'json' : 'text',
          header: keptHeaders
            .filter((key) => response.headers.has(key))
            .map((key) => ({ key, value: String(response.headers.get(key)) })),
          body: response.text() ?? '',
        },
      ];
    });
    return collection;
  } finally {
    await sandbox.close();
  }
}

export const asFileText = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The exact text of postman/dana-mock.postman_collection.json, examples included. */
export const renderCollectionFile = async () => asFileText(await buildCollectionWithExamples());

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(collectionFile, await renderCollectionFile());
  writeFileSync(environmentFile, asFileText(buildEnvironment()));
  console.log(`Wrote ${collectionFile}\nWrote ${environmentFile}`);
}
