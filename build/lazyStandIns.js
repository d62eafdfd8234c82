// CommonJS modules Express requires at load time for work the sandbox never (or only rarely) asks of it:
// body-parser only to re-export express.json() and the like (the sandbox reads bodies itself,
// adapters/express.ts), mime-types (mime-db's 2,500 types, indexed at load) for res.type() and static
// files, qs for the 'extended' query parser (the sandbox keeps the default). In the bundle, each importer
// gets a stand-in whose exports load the real module, bundled too, on first use: about 10 ms of start-up
// (docs/performance.md).
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

const lazyModules = ['body-parser', 'mime-types', 'qs'];

/** The stand-in's source: each export of the real module at `file` (as this build loads it), forwarded on first use. */
function standIn(file) {
  const real = createRequire(file)(file);
  return [
    'let real;',
    `const load = () => (real ??= require(${JSON.stringify(file)}));`,
    ...Object.keys(real).map((key) =>
      typeof real[key] === 'function'
        ? `exports[${JSON.stringify(key)}] = (...args) => load()[${JSON.stringify(key)}](...args);`
        : `Object.defineProperty(exports, ${JSON.stringify(key)}, { enumerable: true, get: () => load()[${JSON.stringify(key)}] });`,
    ),
  ].join('\n');
}

/** An esbuild plugin: each import of a module named above gets a stand-in for the copy it resolves to. */
export const lazyStandIns = {
  name: 'lazy-stand-ins',
  setup(build) {
    // Paths relative to the working directory name the stand-ins in the bundle, as esbuild names files.
    const cwd = build.initialOptions.absWorkingDir ?? process.cwd();
    build.onResolve({ filter: new RegExp(`^(${lazyModules.join('|')})$`) }, ({ path, resolveDir }) => ({
      path: relative(cwd, createRequire(join(resolveDir, 'importer.js')).resolve(path)),
      namespace: 'lazy',
    }));
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, ({ path }) => ({
      loader: 'js',
      resolveDir: dirname(resolve(cwd, path)),
      contents: standIn(resolve(cwd, path)),
    }));
  },
};
