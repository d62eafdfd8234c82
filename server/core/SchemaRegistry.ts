import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ajv, AnySchema, Options, ValidateFunction } from 'ajv';

// Synchronous, on first need: with fresh precompiled validators the sandbox never loads Ajv (importing
// it and compiling every schema was a third of the start-up time, docs/performance.md).
const require = createRequire(import.meta.url);

/** Ajv as the sandbox configures it, for run-time compiling and for the build's standalone code alike. */
export function createAjv(options: Options = {}): Ajv {
  const { Ajv } = require('ajv') as typeof import('ajv');
  const addFormats = require('ajv-formats') as (ajv: Ajv) => Ajv;
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, ...options });
  addFormats(ajv);
  return ajv;
}

/** One JSON file of schemas/, as Ajv knows it: `<file>.json` (shared) or `<id>/<kind>.json` (an endpoint's). */
export interface SchemaSource {
  key: string;
  path: string;
  text: string;
}

/** Every schema file of `schemasDir`: its own .json files and those of each folder in it, in name order. */
export function readSchemaSources(schemasDir: string): SchemaSource[] {
  const sources: SchemaSource[] = [];
  const entries = readdirSync(schemasDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const folder = entry.isDirectory() ? `${entry.name}/` : '';
    const names = entry.isDirectory() ? readdirSync(join(schemasDir, entry.name)).sort() : [entry.name];
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      const path = join(schemasDir, folder, name);
      sources.push({ key: `${folder}${name}`, path, text: readFileSync(path, 'utf8') });
    }
  }
  return sources;
}

/** What the precompiled validators were built from: a change to any schema file (or a new one) changes it. */
export function hashSchemaSources(sources: readonly SchemaSource[]): string {
  const hash = createHash('sha256');
  for (const { key, text } of sources) hash.update(`${key}\0${text}\0`);
  return hash.digest('hex');
}

/** The module `npm run build` writes next to this one (dist/server/core/); running from sources there is none. */
export const precompiledValidatorsFile = fileURLToPath(new URL('./precompiledValidators.cjs', import.meta.url));

/** The precompiled module: Ajv's standalone validators by key, and the hash of the sources they came from. */
type PrecompiledValidators = Record<string, ValidateFunction> & { sourceHash?: string };

/** Parses one schema file; an unreadable schema stops start-up, naming the file. */
function parseSchema({ path, text }: SchemaSource): AnySchema {
  try {
    return JSON.parse(text) as AnySchema;
  } catch (error) {
    throw new Error(`Schema ${path} is invalid: ${(error as Error).message}`, { cause: error });
  }
}

/** The member of `schema` a JSON pointer (`/definitions/set`) names. */
function resolvePointer(schema: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((node, segment) => (node as Record<string, unknown> | undefined)?.[segment], schema);
}

/**
 * Every schema of schemas/ (control plane, fixtures, scenario packs, and each endpoint's `<id>/<kind>.json`),
 * each addressable by its key or a `key#/pointer` into it. Validators come from the module `npm run build`
 * precompiled when it was built from exactly these files; otherwise (running from sources, an edited or
 * added schema, another schemas folder) Ajv compiles them here, with the same options and the same errors.
 */
export class SchemaRegistry {
  /** Whether the validators are the build's precompiled ones (false: compiled at run time). */
  readonly precompiled: boolean;
  private readonly files = new Map<string, { path: string; schema: AnySchema }>();
  private readonly validators = new Map<string, ValidateFunction>();
  private ajv?: Ajv;

  constructor(
    private readonly schemasDir: string,
    precompiledFile = precompiledValidatorsFile,
  ) {
    const sources = readSchemaSources(schemasDir);
    for (const source of sources) this.files.set(source.key, { path: source.path, schema: parseSchema(source) });
    const built = existsSync(precompiledFile) ? (require(precompiledFile) as PrecompiledValidators) : undefined;
    this.precompiled = built?.sourceHash === hashSchemaSources(sources);
    if (this.precompiled) for (const key of Object.keys(built!)) this.validators.set(key, built![key]);
    // As before precompiling, every schema joins Ajv at once: a schema Ajv refuses stops start-up.
    else this.compiler();
  }

  /** The validator of a key (`admin.clock.json`, `applyOtt/request.json`) or `key#/pointer`, with its schema. */
  getSchema(ref: string): ValidateFunction | undefined {
    const known = this.validators.get(ref);
    if (known) return this.withSchema(known, ref);
    if (!this.files.has(ref.split('#')[0])) return undefined;
    const validate = this.compiler().getSchema(ref);
    if (validate) this.validators.set(ref, validate);
    return validate;
  }

  /** The compiled validator of `<dir>/<id>/<kind>.json`; a missing file stops start-up. */
  requireEndpointSchema(dir: string, endpointId: string, kind: string): ValidateFunction {
    const key = endpointSchemaKey(endpointId, kind);
    const path = join(dir, endpointId, `${kind}.json`);
    if (!existsSync(path)) throw new Error(`Missing schema ${path}`);
    // An endpoint homed elsewhere (a test's own) brings its file under the same kind of key.
    if (!this.files.has(key)) {
      this.files.set(key, { path, schema: parseSchema({ key, path, text: readFileSync(path, 'utf8') }) });
      if (this.ajv) this.addToAjv(this.ajv, key);
    }
    const validate = this.getSchema(key);
    if (!validate) throw new Error(`Schema ${path} did not compile`);
    return validate;
  }

  /** Ajv holding every schema file known here, created on first need. */
  private compiler(): Ajv {
    if (this.ajv) return this.ajv;
    const ajv = createAjv();
    for (const key of this.files.keys()) this.addToAjv(ajv, key);
    this.ajv = ajv;
    return ajv;
  }

  private addToAjv(ajv: Ajv, key: string): void {
    const { path, schema } = this.files.get(key)!;
    try {
      ajv.addSchema(schema, key);
    } catch (error) {
      throw new Error(`Schema ${path} is invalid: ${(error as Error).message}`, { cause: error });
    }
  }

  /** A precompiled validator carries no schema; first-error ordering and the OpenAPI document read it. */
  private withSchema(validate: ValidateFunction, ref: string): ValidateFunction {
    if (validate.schema === undefined) {
      const [key, pointer = ''] = ref.split('#');
      (validate as { schema: unknown }).schema = resolvePointer(this.files.get(key)?.schema, pointer);
    }
    return validate;
  }
}

/** The key of an endpoint's schema: `<id>/<kind>.json`, its path under schemas/. */
export const endpointSchemaKey = (endpointId: string, kind: string) => `${endpointId}/${kind}.json`;
