// Writes dist/server/core/precompiledValidators.cjs and its folder: every schema of schemas/ as Ajv's
// standalone code, so the compiled sandbox starts without loading Ajv or compiling a schema (npm run build),
// and the hashes of the shipped fixtures and scenario packs that pass their schema, which a start then
// need not check again (SchemaRegistry.passedAtBuild).
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { writePrecompiledValidators } = await import(join(root, 'dist/server/core/precompileValidators.js'));
const { precompiledValidatorsFile } = await import(join(root, 'dist/server/core/SchemaRegistry.js'));
const { defaultConfig } = await import(join(root, 'dist/server/config.js'));
const defaults = defaultConfig(root);
const packs = readdirSync(defaults.scenariosDir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => join(defaults.scenariosDir, name))
  .filter((path) => path !== defaults.fixturesFile);
writePrecompiledValidators(join(root, 'schemas'), precompiledValidatorsFile, {
  'fixtures.schema.json': [defaults.fixturesFile],
  'scenario.schema.json': packs,
});
