import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import * as addFormatsModule from 'ajv-formats';
import { commonCases, SandboxError } from './SandboxError.js';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

/** One Ajv holding every schema in schemas/, each addressable by its file name. */
export function createSchemaRegistry(schemasDir: string): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  addFormats(ajv);
  for (const file of readdirSync(schemasDir).filter((f) => f.endsWith('.json'))) {
    let schema: Record<string, unknown>;
    try {
      schema = JSON.parse(readFileSync(join(schemasDir, file), 'utf8'));
      ajv.addSchema(schema, file);
    } catch (error) {
      throw new Error(`Schema ${join(schemasDir, file)} is invalid: ${(error as Error).message}`);
    }
  }
  return ajv;
}

/** The compiled validator of schemas/<name>; a missing schema stops start-up. */
export function requireSchema(ajv: Ajv, schemasDir: string, name: string): ValidateFunction {
  if (!existsSync(join(schemasDir, name))) throw new Error(`Missing schema ${join(schemasDir, name)}`);
  const validate = ajv.getSchema(name);
  if (!validate) throw new Error(`Schema ${name} did not compile`);
  return validate;
}

type Schema = { properties?: Record<string, { title?: string; properties?: unknown }> };

/** `/additionalInfo/accessToken` -> `additionalInfo.accessToken`; array indexes are dropped, as DANA names fields. */
function fieldOf(error: ErrorObject, root: Schema): string[] {
  const segments = error.instancePath.split('/').slice(1).filter((s) => !/^\d+$/.test(s)).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'required') segments.push((error.params as { missingProperty: string }).missingProperty);
  return segments;
}

function isMandatory(error: ErrorObject): boolean {
  if (error.keyword === 'required') return true;
  return (error.keyword === 'minLength' || error.keyword === 'minItems') && (error.params as { limit: number }).limit === 1;
}

/**
 * Checks `data` and throws the one error DANA would report: the first failing field in the
 * schema's property order (headers are declared in the order the gateway checks them).
 */
export function validateFields(validate: ValidateFunction, data: unknown): void {
  if (validate(data)) return;
  const root = validate.schema as Schema;
  const order = Object.keys(root.properties ?? {});
  const errors = [...(validate.errors ?? [])];
  const rank = (e: ErrorObject) => {
    const i = order.indexOf(fieldOf(e, root)[0] ?? '');
    return (i < 0 ? order.length : i) * 2 + (isMandatory(e) ? 0 : 1);
  };
  errors.sort((a, b) => rank(a) - rank(b));
  const first = errors[0];
  const segments = fieldOf(first, root);
  if (segments.length === 0) throw new SandboxError(commonCases.badRequest, undefined, `The message is not a JSON object: ${first.message}`);
  const title = segments.length === 1 ? root.properties?.[segments[0]]?.title : undefined;
  const field = title ?? segments.join('.');
  const caseKey = isMandatory(first) ? commonCases.invalidMandatoryField : commonCases.invalidFieldFormat;
  throw new SandboxError(caseKey, field, `${field} ${first.message}`);
}
