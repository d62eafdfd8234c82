import newman, { type NewmanRunSummary } from 'newman';
import type { PostmanCollection, PostmanEnvironment, PostmanItem } from './postmanTypes.js';

/** A dropped connection is the point of this item, and newman reports it as a failed request. */
const dropsTheConnection = (item: PostmanItem) =>
  item.request.header.some((h) => h.key === 'X-Mock-Scenario' && h.value === 'connection-reset');

/** The collection as newman runs it: everything but the request whose answer is a dropped connection. */
export function runnableCollection(collection: PostmanCollection): PostmanCollection {
  return {
    ...collection,
    item: collection.item.map((folder) => ({
      ...folder,
      item: folder.item.filter((item) => !dropsTheConnection(item)),
    })),
  };
}

/** Runs the collection with newman against a sandbox at `baseUrl` (quietly, unless given reporters); resolves with newman's summary. */
export function runCollection(
  collection: PostmanCollection,
  environment: PostmanEnvironment,
  baseUrl: string,
  reporters: string[] = [],
): Promise<NewmanRunSummary> {
  const values = environment.values.map((v) => (v.key === 'baseUrl' ? { ...v, value: baseUrl } : v));
  return new Promise((resolve, reject) => {
    newman.run(
      {
        collection: runnableCollection(collection) as never,
        environment: { ...environment, values } as never,
        reporters,
        timeoutRequest: 5000,
      },
      (error, summary) => (error ? reject(error) : resolve(summary)),
    );
  });
}

/** Each failed assertion or request error as one line: "<item>: <message>". */
export function describeFailures(summary: NewmanRunSummary): string[] {
  return summary.run.failures.map(
    (f) => `${(f.source as { name?: string } | undefined)?.name ?? '?'}: ${f.error.message}`,
  );
}
