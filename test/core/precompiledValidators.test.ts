import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { writePrecompiledValidators } from '../../server/core/precompileValidators.js';
import { readSchemaSources, SchemaRegistry } from '../../server/core/SchemaRegistry.js';
import { loadFixturesFile } from '../../server/store/fixtures.js';
import { root } from '../support/partners.js';

const require = createRequire(import.meta.url);
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of schemas/ in a temporary folder; schemas/ itself is never touched. */
function schemasCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dana-mock-schemas-'));
  made.push(dir);
  cpSync(join(root, 'schemas'), dir, { recursive: true });
  return dir;
}

/**
 * What `npm run build` writes (its index module, returned, and a folder of one module per schema file),
 * built from `schemasDir`. It sits inside the checkout, as dist/ does, so its require() of Ajv's runtime
 * resolves from node_modules.
 */
function precompile(schemasDir: string, checked: Record<string, string[]> = {}): string {
  mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
  const dir = mkdtempSync(join(root, 'node_modules/.cache/dana-mock-precompiled-'));
  made.push(dir);
  const file = join(dir, 'precompiledValidators.cjs');
  writePrecompiledValidators(schemasDir, file, checked);
  return file;
}

/** Makes `reason` a required member of POST /__admin/clock/set's body in the schemas of `schemasDir`. */
function requireReasonToSetTheClock(schemasDir: string): void {
  const path = join(schemasDir, 'admin.clock.json');
  const json = JSON.parse(readFileSync(path, 'utf8'));
  json.definitions.set.required.push('reason');
  writeFileSync(path, JSON.stringify(json, null, 2));
}

const clockAt = { at: '2026-01-01T00:00:00+07:00' };

describe('precompiled validators', () => {
  it('are used when they were built from exactly the schema files on disk', () => {
    const schemasDir = schemasCopy();
    const file = precompile(schemasDir);
    const registry = new SchemaRegistry(schemasDir, file);
    expect(registry.precompiled).toBe(true);
    const built = require(file) as { validator: (ref: string) => unknown };
    expect(registry.getSchema('applyOtt/request.json')).toBe(built.validator('applyOtt/request.json'));
    expect(registry.getSchema('admin.clock.json#/definitions/set')).toBe(
      built.validator('admin.clock.json#/definitions/set'),
    );
  });

  it("load an endpoint's module on its first validation, not when the endpoint is registered", () => {
    const schemasDir = schemasCopy();
    const file = precompile(schemasDir);
    const registry = new SchemaRegistry(schemasDir, file);
    const validate = registry.requireEndpointSchema(schemasDir, 'applyOtt', 'request');
    // Replaced after registering: only a module required later can answer with it.
    const module = join(file.replace(/\.cjs$/, ''), 'applyOtt/request.json.cjs');
    writeFileSync(module, 'exports["applyOtt/request.json"] = (data) => data === "replaced";\n');
    expect(validate('replaced')).toBe(true);
    expect(validate({})).toBe(false);
  });

  it("carry each endpoint's schema and errors before and after its module loads", () => {
    const schemasDir = schemasCopy();
    const precompiled = new SchemaRegistry(schemasDir, precompile(schemasDir));
    const compiled = new SchemaRegistry(schemasDir, join(schemasDir, 'none.cjs'));
    const fast = precompiled.requireEndpointSchema(schemasDir, 'createOrder', 'request');
    const slow = compiled.requireEndpointSchema(schemasDir, 'createOrder', 'request');
    expect(fast.schema).toEqual(slow.schema);
    for (const body of [{}, { partnerReferenceNo: 7 }, { amount: { value: '1.00' } }]) {
      expect(fast(body)).toBe(slow(body));
      expect(fast.errors).toEqual(slow.errors);
    }
    expect(fast.errors).not.toBeNull();
  });

  it('report the same errors as validators compiled at run time, and carry the same schema', () => {
    const schemasDir = schemasCopy();
    const precompiled = new SchemaRegistry(schemasDir, precompile(schemasDir));
    const compiled = new SchemaRegistry(schemasDir, join(schemasDir, 'none.cjs'));
    expect(compiled.precompiled).toBe(false);
    const bodies = [{}, { userResources: [], additionalInfo: { accessToken: 7 } }, [], null, { at: 'soon' }];
    for (const { key } of readSchemaSources(schemasDir)) {
      const fast = precompiled.getSchema(key)!;
      const slow = compiled.getSchema(key)!;
      expect(fast.schema).toEqual(slow.schema);
      for (const body of bodies) {
        expect([key, fast(body)]).toEqual([key, slow(body)]);
        expect(fast.errors).toEqual(slow.errors);
      }
    }
  });

  it('are ignored once a schema file changes: the file on disk decides', () => {
    const schemasDir = schemasCopy();
    const file = precompile(schemasDir);
    requireReasonToSetTheClock(schemasDir);
    const registry = new SchemaRegistry(schemasDir, file);
    expect(registry.precompiled).toBe(false);
    const validate = registry.getSchema('admin.clock.json#/definitions/set')!;
    expect(validate(clockAt)).toBe(false);
    expect(validate.errors?.[0]?.params).toEqual({ missingProperty: 'reason' });
  });

  it("are ignored once an endpoint's schema folder is added", () => {
    const schemasDir = schemasCopy();
    const file = precompile(schemasDir);
    mkdirSync(join(schemasDir, 'echo'));
    writeFileSync(join(schemasDir, 'echo', 'request.json'), '{ "type": "object", "required": ["message"] }');
    const registry = new SchemaRegistry(schemasDir, file);
    expect(registry.precompiled).toBe(false);
    expect(registry.requireEndpointSchema(schemasDir, 'echo', 'request')({})).toBe(false);
  });

  it('know the data files the build checked and found valid, byte for byte, with these very schemas', () => {
    const schemasDir = schemasCopy();
    const fixtures = join(root, 'scenarios/fixtures.json');
    const text = readFileSync(fixtures, 'utf8');
    const file = precompile(schemasDir, { 'fixtures.schema.json': [fixtures] });
    const registry = new SchemaRegistry(schemasDir, file);
    expect(registry.passedAtBuild('fixtures.schema.json', text)).toBe(true);
    expect(registry.passedAtBuild('fixtures.schema.json', `${text} `)).toBe(false);
    expect(registry.passedAtBuild('scenario.schema.json', text)).toBe(false);
    requireReasonToSetTheClock(schemasDir);
    expect(new SchemaRegistry(schemasDir, file).passedAtBuild('fixtures.schema.json', text)).toBe(false);
  });

  it('leave a data file that fails its schema to be checked, and refused, at start-up', () => {
    const schemasDir = schemasCopy();
    const dir = mkdtempSync(join(tmpdir(), 'dana-mock-fixtures-'));
    made.push(dir);
    const fixtures = join(dir, 'bad-fixtures.json');
    writeFileSync(fixtures, '{ "customers": 7 }');
    const registry = new SchemaRegistry(schemasDir, precompile(schemasDir, { 'fixtures.schema.json': [fixtures] }));
    expect(registry.precompiled).toBe(true);
    expect(registry.passedAtBuild('fixtures.schema.json', readFileSync(fixtures, 'utf8'))).toBe(false);
    expect(() => loadFixturesFile(fixtures, registry)).toThrow(/bad-fixtures\.json is invalid at \/customers/);
  });

  it('fall back to compiling a schema whose module is missing from the build, with the same verdicts', () => {
    const schemasDir = schemasCopy();
    const file = precompile(schemasDir);
    rmSync(join(file.replace(/\.cjs$/, ''), 'applyOtt/request.json.cjs'));
    const registry = new SchemaRegistry(schemasDir, file);
    const validate = registry.requireEndpointSchema(schemasDir, 'applyOtt', 'request');
    expect(validate({ userResources: ['OTT'], additionalInfo: { accessToken: 'a-token' } })).toBe(true);
    expect(validate({})).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ keyword: 'required', params: { missingProperty: 'userResources' } });
  });

  it('are not needed: without the module every schema compiles at run time', () => {
    const registry = new SchemaRegistry(join(root, 'schemas'), join(root, 'no-such-module.cjs'));
    expect(registry.precompiled).toBe(false);
    expect(registry.getSchema('admin.clock.json#/definitions/set')!(clockAt)).toBe(true);
    expect(registry.getSchema('admin.clock.json#/definitions/set')!({})).toBe(false);
  });
});
