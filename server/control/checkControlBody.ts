import type { SchemaRegistry } from '../core/SchemaRegistry.js';
import { ControlError } from './ControlError.js';

/** Checks a control-plane body against a schema of schemas/ (a file name or a ref into one); 400 naming the spot. */
export function checkControlBody(schemas: SchemaRegistry, schemaRef: string, body: unknown): void {
  const validate = schemas.getSchema(schemaRef);
  if (!validate) throw new Error(`Missing admin schema ${schemaRef}`);
  if (validate(body)) return;
  const e = validate.errors?.[0];
  const allowed =
    e?.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : '';
  throw new ControlError(400, `Invalid body at ${e?.instancePath || '/'}: ${e?.message}${allowed}`);
}
