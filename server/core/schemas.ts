import type { ErrorObject, ValidateFunction } from 'ajv';
import { commonCases, SandboxError } from './SandboxError.js';

type SchemaNode = {
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  required?: string[];
  anyOf?: SchemaNode[];
  title?: string;
};

/** `/additionalInfo/accessToken` -> `['additionalInfo', 'accessToken']`; a missing property is appended. */
function pathOf(error: ErrorObject): string[] {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'required') segments.push((error.params as { missingProperty: string }).missingProperty);
  return segments;
}

/** Where the error sits in the schema's declaration order, level by level (array items by index). */
function positionOf(segments: string[], root: SchemaNode): number[] {
  const position: number[] = [];
  let node: SchemaNode | undefined = root;
  for (const segment of segments) {
    if (/^\d+$/.test(segment)) {
      position.push(Number(segment));
      node = node?.items;
      continue;
    }
    const keys = Object.keys(node?.properties ?? {});
    const i = keys.indexOf(segment);
    position.push(i < 0 ? keys.length : i);
    node = node?.properties?.[segment];
  }
  return position;
}

/** Earlier in declaration order first; a parent before its children; a missing field before a malformed one. */
function compareErrors(
  a: { position: number[]; mandatory: boolean },
  b: { position: number[]; mandatory: boolean },
): number {
  for (let i = 0; i < Math.min(a.position.length, b.position.length); i++)
    if (a.position[i] !== b.position[i]) return a.position[i] - b.position[i];
  return a.position.length - b.position.length || Number(b.mandatory) - Number(a.mandatory);
}

const summaryKeywords = new Set(['anyOf', 'oneOf', 'allOf', 'if']);

/** The value at `segments` in `data`, or undefined. */
function valueAt(data: unknown, segments: string[]): unknown {
  let value = data;
  for (const segment of segments)
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
  return value;
}

/** Whether the schema lists the last of `segments` as required in its parent object, or in one of its anyOf branches (B2B token: grantType or grant_type). */
function isRequired(segments: string[], root: SchemaNode): boolean {
  let node: SchemaNode | undefined = root;
  for (const segment of segments.slice(0, -1)) node = /^\d+$/.test(segment) ? node?.items : node?.properties?.[segment];
  const name = segments[segments.length - 1];
  return (node?.required?.includes(name) || node?.anyOf?.some((branch) => branch.required?.includes(name))) ?? false;
}

/** Missing, empty, or a required member sent as `null` (JSON's "no value", so missing rather than malformed). */
function isMandatory(error: ErrorObject, segments: string[], data: unknown, root: SchemaNode): boolean {
  if (error.keyword === 'required') return true;
  if (error.keyword === 'type' && segments.length > 0 && valueAt(data, segments) === null)
    return isRequired(segments, root);
  return (
    (error.keyword === 'minLength' || error.keyword === 'minItems') && (error.params as { limit: number }).limit === 1
  );
}

/** Whether the schema node is a money amount: exactly `value` and `currency`. */
function isMoney(node: SchemaNode | undefined): boolean {
  const keys = Object.keys(node?.properties ?? {}).sort();
  return keys.length === 2 && keys[0] === 'currency' && keys[1] === 'value';
}

/**
 * The field as DANA names it: its dotted path without array indexes ("additionalInfo.fundType", UAT
 * InquiryBankAccountMissingMandatoryField), a money amount by its own name, not its value or currency ("Invalid Field
 * Format amount" for amount.value "1500", UAT CreateOrderInvalidFieldFormat; "refundAmount", RefundOrderIllegalParameter).
 */
function fieldNameOf(segments: string[], root: SchemaNode): string[] {
  const named: string[] = [];
  let node: SchemaNode | undefined = root;
  for (const segment of segments) {
    if (/^\d+$/.test(segment)) {
      node = node?.items;
      continue;
    }
    if (isMoney(node)) break;
    named.push(segment);
    node = node?.properties?.[segment];
  }
  return named;
}

/**
 * Checks `data` and throws the one error DANA would report: the first failing field in the
 * schema's declaration order (headers are declared in the order the gateway checks them). Every
 * error goes to `verdicts[label]` for the journal.
 */
export function validateFields(
  validate: ValidateFunction,
  data: unknown,
  verdicts?: Record<string, unknown>,
  label = 'schema',
): void {
  if (validate(data)) return;
  const root = validate.schema as SchemaNode;
  const errors = (validate.errors ?? []).map((error) => {
    const segments = pathOf(error);
    return {
      error,
      segments,
      position: positionOf(segments, root),
      mandatory: isMandatory(error, segments, data, root),
    };
  });
  if (verdicts)
    verdicts[label] = errors.map(({ error, segments }) => `${segments.join('.') || '(root)'}: ${error.message}`);
  // anyOf/oneOf only sum up their branches' errors, which name the field themselves.
  const specific = errors.filter(({ error }) => !summaryKeywords.has(error.keyword));
  const [first] = (specific.length > 0 ? specific : errors).sort(compareErrors);
  const { error, mandatory } = first;
  const segments = fieldNameOf(first.segments, root);
  if (segments.length === 0)
    throw new SandboxError(commonCases.badRequest, undefined, `The message is not a JSON object: ${error.message}`);
  const title = segments.length === 1 ? root.properties?.[segments[0]]?.title : undefined;
  const field = title ?? segments.join('.');
  const reason = mandatory && error.keyword === 'type' ? 'is null: a mandatory field needs a value' : error.message;
  throw new SandboxError(
    mandatory ? commonCases.invalidMandatoryField : commonCases.invalidFieldFormat,
    field,
    `${field} ${reason}`,
  );
}
