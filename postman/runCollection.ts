import newman, { type NewmanRunSummary } from 'newman';
import type { PostmanCollection, PostmanEnvironment } from './postmanTypes.js';

/** Runs the collection with newman against a sandbox at `baseUrl`, quietly; resolves with newman's summary. */
export function runCollection(collection: PostmanCollection, environment: PostmanEnvironment, baseUrl: string): Promise<NewmanRunSummary> {
  const values = environment.values.map((v) => (v.key === 'baseUrl' ? { ...v, value: baseUrl } : v));
  return new Promise((resolve, reject) => {
    newman.run({ collection: collection as never, environment: { ...environment, values } as never, reporters: [], timeoutRequest: 5000 }, (error, summary) =>
      error ? reject(error) : resolve(summary),
    );
  });
}

/** Each failed assertion or request error as one line: "<item>: <message>". */
export function describeFailures(summary: NewmanRunSummary): string[] {
  return summary.run.failures.map((f) => `${(f.source as { name?: string } | undefined)?.name ?? '?'}: ${f.error.message}`);
}
