import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, usage } from './config.js';
import { internalsOf } from './internals.js';
import { findPackageRoot } from './packageRoot.js';
import { createSandbox } from './sandbox.js';

/** Runs the command line with `args` (argv after the script): prints the usage, or starts and listens until a signal. */
async function runCli(args: string[]): Promise<void> {
  const config = loadConfig(args, process.env);
  if (config.help) {
    console.log(usage);
    return;
  }
  const sandbox = await createSandbox(config);
  const { url } = await sandbox.listen();
  const deps = internalsOf(sandbox);
  const demo = deps.partners.list().find((p) => p.privateKey);
  // Label and value columns, as wide as the longest label (endpoint ids included).
  const rows: [string, string][] = [
    ['URL', url],
    [
      'Demo partner',
      `${demo?.partnerId ?? '(none)'}  private key: ${join(config.keysDir, 'demo-partner', 'private.pem')}`,
    ],
    ['Keys', `${config.keysDir}  (DANA's public key: ${url}/__admin/keys/dana)`],
    ['Data', sandbox.config.inMemory ? 'in memory (--in-memory): nothing is kept' : sandbox.config.dataFile],
    ['Fixtures', config.fixturesFile],
    ...deps.endpoints.list().map((e): [string, string] => [e.id, `${e.method} ${e.paths.join(' | ')}`]),
    ['Health', `GET ${url}/__admin/health`],
    ['Console', `${url}/__admin/console`],
    ['OpenAPI', `GET ${url}/__admin/openapi.json`],
    // The package ships no postman/ folder: only a clone of the repository has the collection.
    ...(existsSync(join(findPackageRoot(), 'postman'))
      ? [
          [
            'Postman',
            `postman/ (requests sign themselves through ${config.signingHelper ? `POST ${url}/__admin/sign, sandbox-only` : 'the signing helper, switched off now'})`,
          ] as [string, string],
        ]
      : []),
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  const lines = [
    'dana-mock: a local DANA API sandbox. Every key it uses is TEST-ONLY; never send it real credentials.',
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}${value}`),
    'Ctrl-C stops it.',
  ];
  console.log(lines.join('\n'));
  const stop = async (signal: string) => {
    deps.logger.info('stopping', { signal });
    await sandbox.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

/** The command line `dana-mock` (server/main.ts): a start-up error is one line and exit code 1, never a stack trace. */
export function startCli(args: string[]): void {
  runCli(args).catch((error: Error) => {
    console.error(`dana-mock could not start: ${error.message}`);
    process.exit(1);
  });
}
