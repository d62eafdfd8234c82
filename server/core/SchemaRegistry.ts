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
  // By UTF-16 code units, as the folders' names below: the same order in every locale, and localeCompare's
  // first call (setting up ICU's collator) was ~5 ms of the start-up.
  const entries = readdirSync(schemasDir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
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

/** The sha256 of a file's text, as the build lists the data files it checked. */
export const hashText = (text: string) => createHash('sha256').update(text).digest('hex');

/** The module `npm run build` writes next to this one (dist/server/core/); running from sources there is none. */
export const precompiledValidatorsFile = fileURLToPath(new URL('./precompiledValidators.cjs', import.meta.url));

/**
 * The precompiled index module: the hash of the sources its validators came from, and each ref's module,
 * required on first use (precompileValidators.ts).
 */
interface PrecompiledValidators {
  sourceHash: string;
  modules: Record<string, string>;
  validator(ref: string): ValidateFunction;
  /** By schema ref, the hashes of the data files the build checked against it and found valid. */
  passed?: Record<string, string[]>;
}

/** One schema file: its text, parsed on first need (fresh precompiled validators need none of it to start). */
interface SchemaFile extends SchemaSource {
  schema?: AnySchema;
}

/** Parses one schema file; an unreadable schema stops start-up, naming the file. */
function parseSchema({ path, text }: SchemaFile): AnySchema {
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
 * each addressable by its key or a `key#/pointer` into it. Validators come from the modules `npm run build`
 * precompiled when it was built from exactly these files (each required on its first use); otherwise
 * (running from sources, an edited or added schema, another schemas folder) Ajv compiles them here, with
 * the same options and the same errors.
 */
export class SchemaRegistry {
  /** Whether the validators are the build's precompiled ones (false: compiled at run time). */
  readonly precompiled: boolean;
  private readonly files = new Map<string, SchemaFile>();
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly built?: PrecompiledValidators;
  private ajv?: Ajv;

  constructor(
    private readonly schemasDir: string,
    precompiledFile = precompiledValidatorsFile,
  ) {
    // Read and hashed at every start, whatever their dates: a schema file on disk always wins.
    const sources = readSchemaSources(schemasDir);
    for (const source of sources) this.files.set(source.key, source);
    const built = existsSync(precompiledFile)
      ? (require(precompiledFile) as Partial<PrecompiledValidators>)
      : undefined;
    this.precompiled = typeof built?.validator === 'function' && built.sourceHash === hashSchemaSources(sources);
    if (this.precompiled) this.built = built as PrecompiledValidators;
    // As before precompiling, every schema joins Ajv at once: a schema Ajv refuses stops start-up.
    else this.compiler();
  }

  /** The validator of a key (`admin.clock.json`, `applyOtt/request.json`) or `key#/pointer`, with its schema. */
  getSchema(ref: string): ValidateFunction | undefined {
    const known = this.validators.get(ref);
    if (known) return known;
    if (!this.files.has(ref.split('#')[0])) return undefined;
    const validate = this.precompiledValidator(ref) ?? this.compiler().getSchema(ref);
    if (validate) this.validators.set(ref, validate);
    return validate;
  }

  /**
   * The validator of `<dir>/<id>/<kind>.json`; a missing file stops start-up. A precompiled one is
   * required on the endpoint's first request (its schema is there at once, for the OpenAPI document).
   */
  requireEndpointSchema(dir: string, endpointId: string, kind: string): ValidateFunction {
    const key = endpointSchemaKey(endpointId, kind);
    const path = join(dir, endpointId, `${kind}.json`);
    if (!existsSync(path)) throw new Error(`Missing schema ${path}`);
    // An endpoint homed elsewhere (a test's own) brings its file under the same kind of key.
    if (!this.files.has(key)) {
      this.files.set(key, { key, path, text: readFileSync(path, 'utf8') });
      if (this.ajv) this.addToAjv(this.ajv, key);
    }
    if (this.built && Object.hasOwn(this.built.modules, key)) return this.validatorOnFirstUse(key);
    const validate = this.getSchema(key);
    if (!validate) throw new Error(`Schema ${path} did not compile`);
    return validate;
  }

  /**
   * Whether the build checked exactly `text` against the schema `ref` (these very schema files) and
   * found it valid: checking it again, and loading the validator for it, would change nothing. The
   * fixtures and scenario packs as shipped start so, an edited one is checked as ever.
   */
  passedAtBuild(ref: string, text: string): boolean {
    return this.built?.passed?.[ref]?.includes(hashText(text)) ?? false;
  }

  /** The build's validator of `ref`, if it has one; a precompiled validator carries no schema, so it gets it here. */
  private precompiledValidator(ref: string): ValidateFunction | undefined {
    if (!this.built || !Object.hasOwn(this.built.modules, ref)) return undefined;
    let validate: ValidateFunction;
    try {
      validate = this.built.validator(ref);
    } catch {
      // A dist/ copied without the module of this schema (or with a damaged one): Ajv compiles it
      // instead, so the request is checked as ever rather than failing.
      return undefined;
    }
    // First-error ordering and the OpenAPI document read it.
    (validate as { schema: unknown }).schema ??= this.schemaAt(ref);
    return validate;
  }

  /** Validates with `ref`'s precompiled validator, required on the first call; its schema is parsed when read. */
  private validatorOnFirstUse(ref: string): ValidateFunction {
    const validate = ((data: unknown) => {
      const loaded = this.getSchema(ref)!;
      const valid = loaded(data);
      validate.errors = loaded.errors;
      return valid;
    }) as ValidateFunction;
    Object.defineProperty(validate, 'schema', { enumerable: true, get: () => this.schemaAt(ref) });
    return validate;
  }

  /** The schema a key or `key#/pointer` names, its file parsed on first need. */
  private schemaAt(ref: string): unknown {
    const [key, pointer = ''] = ref.split('#');
    const file = this.files.get(key);
    if (file) file.schema ??= parseSchema(file);
    return resolvePointer(file?.schema, pointer);
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
    const file = this.files.get(key)!;
    try {
      ajv.addSchema(this.schemaAt(key) as AnySchema, key);
    } catch (error) {
      throw new Error(`Schema ${file.path} is invalid: ${(error as Error).message}`, { cause: error });
    }
  }
}

/** The key of an endpoint's schema: `<id>/<kind>.json`, its path under schemas/. */
export const endpointSchemaKey = (endpointId: string, kind: string) => `${endpointId}/${kind}.json`;
