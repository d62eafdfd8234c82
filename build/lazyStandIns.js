// CommonJS modules Express requires at load time for work the sandbox never (or only rarely) asks of it:
// body-parser only to re-export express.json() and the like (the sandbox reads bodies itself,
// adapters/express.ts), mime-types (mime-db's 2,500 types, indexed at load) for res.type() and static
// files, qs for the 'extended' query parser (the sandbox keeps the default). In the bundle, each importer
// gets a stand-in whose exports load the real module on first use: about 10 ms of start-up. The real
// modules, with their own trees (iconv-lite's code pages, mime-db: more than half of the bundle's bytes,
// parsed at every start even unused), go to a second file next to the bundle, lazyModules.cjs, read only
// then (docs/performance.md).
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

const lazyModules = ['body-parser', 'mime-types', 'qs'];
const lazyFile = 'lazyModules.cjs';

/** The stand-in's source: each export of the real module `file` (as this build loads it), forwarded on first use. */
function standIn(file, key) {
  const real = createRequire(file)(file);
  return [
    'let real;',
    `const load = () => (real ??= require(${JSON.stringify(`./${lazyFile}`)})[${JSON.stringify(key)}]);`,
    ...Object.keys(real).map((name) =>
      typeof real[name] === 'function'
        ? `exports[${JSON.stringify(name)}] = (...args) => load()[${JSON.stringify(name)}](...args);`
        : `Object.defineProperty(exports, ${JSON.stringify(name)}, { enumerable: true, get: () => load()[${JSON.stringify(name)}] });`,
    ),
  ].join('\n');
}

/**
 * An esbuild plugin: each import of a module named above gets a stand-in for the copy it resolves to;
 * once the bundle is written, those copies are bundled into lazyModules.cjs beside it, by the same keys.
 */
export const lazyStandIns = {
  name: 'lazy-stand-ins',
  setup(build) {
    // Paths relative to the working directory name the stand-ins in the bundle, as esbuild names files.
    const cwd = build.initialOptions.absWorkingDir ?? process.cwd();
    const real = new Set();
    build.onResolve({ filter: new RegExp(`^(${lazyModules.join('|')})$`) }, ({ path, resolveDir }) => ({
      path: relative(cwd, createRequire(join(resolveDir, 'importer.js')).resolve(path)),
      namespace: 'lazy',
    }));
    // Required at run time from the bundle's folder (its banner's require).
    build.onResolve({ filter: new RegExp(`^\\./${lazyFile.replace('.', '\\.')}$`) }, ({ path }) => ({
      path,
      external: true,
    }));
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, ({ path }) => {
      real.add(path);
      return { loader: 'js', resolveDir: dirname(resolve(cwd, path)), contents: standIn(resolve(cwd, path), path) };
    });
    build.onEnd(async (result) => {
      if (result.errors.length > 0) return;
      const { outdir, outfile } = build.initialOptions;
      const getters = [...real].map(
        (path) =>
          `Object.defineProperty(exports, ${JSON.stringify(path)}, { get: () => require(${JSON.stringify(resolve(cwd, path))}) });`,
      );
      await build.esbuild.build({
        absWorkingDir: cwd,
        stdin: { contents: getters.join('\n'), resolveDir: cwd, loader: 'js' },
        outfile: join(outdir ?? dirname(outfile), lazyFile),
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: build.initialOptions.target,
        legalComments: 'none',
        logLevel: 'warning',
      });
    });
  },
};
