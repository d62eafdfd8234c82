// Writes dist/server/core/precompiledValidators.cjs and its folder: every schema of schemas/ as Ajv's
// standalone code, so the compiled sandbox starts without loading Ajv or compiling a schema (npm run build).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { writePrecompiledValidators } = await import(join(root, 'dist/server/core/precompileValidators.js'));
const { precompiledValidatorsFile } = await import(join(root, 'dist/server/core/SchemaRegistry.js'));
writePrecompiledValidators(join(root, 'schemas'), precompiledValidatorsFile);
