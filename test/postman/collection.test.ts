import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { NewmanRunSummary } from 'newman';
import { buildEnvironment } from '../../postman/buildCollection.js';
import type { PostmanCollection, PostmanEnvironment, PostmanItem } from '../../postman/postmanTypes.js';
import { describeFailures, runCollection, runnableCollection } from '../../postman/runCollection.js';
import {
  collectionFile,
  environmentFile,
  finalExecutions,
  renderCollectionFile,
} from '../../postman/writePostmanFiles.js';
import type { Sandbox } from '../../server/sandbox.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { internalsOf } from '../../server/internals.js';

const committedText = readFileSync(collectionFile, 'utf8');
const committed: PostmanCollection = JSON.parse(committedText);
const environment: PostmanEnvironment = JSON.parse(readFileSync(environmentFile, 'utf8'));
const itemsOf = (collection: PostmanCollection): PostmanItem[] => collection.item.flatMap((folder) => folder.item);
const runnableItems = () => itemsOf(runnableCollection(committed));
/** "<folder> / <item>" -> the item as JSON, examples included. */
const itemTexts = (collection: PostmanCollection) =>
  new Map(collection.item.flatMap((f) => f.item.map((i) => [`${f.name} / ${i.name}`, JSON.stringify(i)] as const)));
const headerOf = (item: PostmanItem, key: string) => item.request.header.find((h) => h.key === key)?.value;

let sandbox: Sandbox;
let url: string;
let summary: NewmanRunSummary;

beforeAll(async () => {
  // The timeout fault's item then waits 100 ms, not DANA's 8 s and more.
  sandbox = await createTestSandbox({ timeoutDelayMs: 100 });
  url = (await sandbox.listen(0)).url;
  summary = await runCollection(committed, environment, url);
}, 60_000);
afterAll(() => sandbox.close());

describe('the Postman collection', () => {
  test('runs green with newman against a fresh sandbox, every request signed by the collection itself', () => {
    expect(describeFailures(summary)).toEqual([]);
    expect(finalExecutions(summary)).toHaveLength(runnableItems().length);
  });

  test('asserts a response code in every item', () => {
    const assertions = summary.run.executions.flatMap((e) => e.assertions ?? []);
    const asserted = new Set(
      summary.run.executions.filter((e) => (e.assertions ?? []).length > 0).map((e) => e.item.name),
    );
    expect(runnableItems().filter((item) => !asserted.has(item.name))).toEqual([]);
    expect(assertions.length).toBeGreaterThanOrEqual(runnableItems().length);
  });

  test('fails the run when an example answers other than its test expects', async () => {
    const folder = committed.item.find((f) => f.name === 'Apply OTT')!;
    const item = folder.item.find((i) => i.name === 'OTT issued')!;
    const wrong = JSON.parse(JSON.stringify(item).replaceAll('2004900', '4014904')) as PostmanItem;
    const run = await runCollection({ ...committed, item: [{ ...folder, item: [wrong] }] }, environment, url);
    expect(describeFailures(run)).toEqual([expect.stringContaining('OTT issued')]);
  });

  test('is, saved examples included, byte for byte what `npm run postman` writes from the catalogues and scenario packs', async () => {
    // Nothing is masked: generation pins the clock, ids, reqMsgIds, Host and Postman-Token, and key paths are package-relative.
    const freshText = await renderCollectionFile();
    if (freshText !== committedText) {
      const fresh = itemTexts(JSON.parse(freshText));
      const stale = [...new Set([...fresh.keys(), ...itemTexts(committed).keys()])].filter(
        (key) => fresh.get(key) !== itemTexts(committed).get(key),
      );
      throw new Error(
        `postman/dana-mock.postman_collection.json is stale: run \`npm run postman\` and commit it. Items that differ: ${stale.join('; ') || '(none: the collection around them)'}`,
      );
    }
    expect(environment).toEqual(buildEnvironment());
  }, 60_000);

  test('has a request for every endpoint path and every scripted scenario of each endpoint', () => {
    const items = itemsOf(committed);
    const paths = new Set(items.map((i) => `/${i.request.url.path.join('/')}`));
    for (const endpoint of internalsOf(sandbox).endpoints.list()) {
      expect(endpoint.paths.filter((p) => !paths.has(p))).toEqual([]);
      const scripted = new Set(
        items
          .filter((i) => paths.has(endpoint.paths[0]) && i.request.url.raw.endsWith(endpoint.paths[0]))
          .map((i) => headerOf(i, 'X-Mock-Scenario')),
      );
      const scenarios = internalsOf(sandbox)
        .scenarios.list()
        .filter((s) => s.endpoint === endpoint.id);
      expect(scenarios.filter((s) => !scripted.has(s.name)).map((s) => s.name)).toEqual([]);
    }
  });

  test('keeps a saved example for every item newman runs, answering what its test expects', () => {
    for (const item of runnableItems()) {
      const tests = item.event!.find((e) => e.listen === 'test')!.script.exec.join('\n');
      const [example] = item.response;
      expect([item.name, example?.code]).toEqual([item.name, Number(/have\.status\((\d+)\)/.exec(tests)![1])]);
      const code = /to\.eql\('([A-Z_0-9]+)'\)/.exec(tests)?.[1];
      if (code) expect([item.name, example.body]).toEqual([item.name, expect.stringContaining(`"${code}"`)]);
    }
  });

  test('shows every fault to people, and leaves only the dropped connection out of the newman run', () => {
    const faults = itemsOf(committed)
      .map((i) => headerOf(i, 'X-Mock-Scenario'))
      .filter((name) => internalsOf(sandbox).scenarios.find('applyOtt', name ?? '')?.fault);
    expect(faults.sort()).toEqual(['connection-reset', 'empty-response', 'malformed-json', 'timeout']);
    expect(itemsOf(committed).length - runnableItems().length).toBe(1);
    expect(runnableItems().some((i) => headerOf(i, 'X-Mock-Scenario') === 'connection-reset')).toBe(false);
  });

  test('needs the signing helper: with it switched off, signed requests are refused', async () => {
    const unsigned = await createTestSandbox({ signingHelper: false });
    const { url: unsignedUrl } = await unsigned.listen(0);
    const folder = committed.item.find((f) => f.name === 'Apply OTT')!;
    const run = await runCollection(
      { ...committed, item: [{ ...folder, item: folder.item.filter((i) => i.name === 'OTT issued') }] },
      environment,
      unsignedUrl,
    );
    await unsigned.close();
    expect(describeFailures(run)).toEqual([
      expect.stringContaining('expected response to have status code 200 but got 401'),
    ]);
  });
});
