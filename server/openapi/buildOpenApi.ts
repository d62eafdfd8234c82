import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnySchema } from 'ajv';
import type { AdminRoute } from '../admin/adminRoute.js';
import { adminRoutes } from '../admin/adminRoutes.js';
import type { CompiledEndpoint } from '../core/endpoint.js';
import { endpointSchemaKey, type SchemaRegistry } from '../core/SchemaRegistry.js';
import type { SandboxDeps } from '../core/types.js';
import { findPackageRoot } from '../packageRoot.js';
import { protocols } from '../protocols/index.js';
import { describeOutcomes, exampleRequestBody, type OutcomeExample } from './describeOutcomes.js';

export type JsonObject = { [key: string]: unknown };

export interface OpenApiParameter {
  name: string;
  in: 'header' | 'path' | 'query';
  required: boolean;
  description?: string;
  schema: JsonObject;
}

export interface OpenApiOperation {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  parameters: OpenApiParameter[];
  security?: Record<string, string[]>[];
  requestBody?: JsonObject;
  responses: Record<string, JsonObject>;
}

/** The parts of an OpenAPI 3.1 document this sandbox writes. */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string; license: { name: string; identifier: string } };
  servers: { url: string; variables: Record<string, { default: string }> }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, JsonObject> };
}

const adminPrefix = '/__admin';

/** --admin-token: required only when the sandbox was started with one, hence `{}` (none) beside it. */
const adminTokenScheme = {
  name: 'adminToken',
  scheme: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Mock-Admin-Token',
    description:
      'Only when the sandbox runs with --admin-token (env DANA_MOCK_ADMIN_TOKEN); `Authorization: Bearer <token>` works too.',
  },
};

/** What every control route answers when it refuses a call (bad body, unknown session, cross-site). */
const adminRefusal = {
  description: 'A refused call: {"error": {"message": ...}}, the message naming the field or check that failed.',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['error'],
        properties: { error: { type: 'object', required: ['message'], properties: { message: { type: 'string' } } } },
      },
      example: { error: { message: 'Invalid body at /seconds: must be number' } },
    },
  },
};
const adminTag = 'Control plane (/__admin)';

/** Admin answers that are not JSON; the routes do not declare it, so it is listed here. */
const nonJsonAnswers: Record<string, { mediaTypes: string[]; description: string }> = {
  'GET /keys/dana': { mediaTypes: ['application/x-pem-file'], description: 'The TEST-ONLY public key, PEM (SPKI).' },
  'GET /console': { mediaTypes: ['text/html'], description: 'The console page.' },
  'GET /console/:asset': {
    mediaTypes: ['text/javascript', 'text/css'],
    description: "The console's script or style sheet.",
  },
  'GET /journal/events': {
    mediaTypes: ['text/event-stream'],
    description: 'Server-sent events: `event: exchange`, `id: <cursor>`, `data: <journal entry as JSON>`.',
  },
};

/**
 * Admin answers that a schema of schemas/ already describes (the fixtures answers are `{<collection>: [items]}`,
 * the top level of fixtures.schema.json); the routes do not declare it, so it is listed here, and a test
 * checks the real answers against it.
 */
const answerSchemas: Record<string, { status: string; description: string; schema: string }> = {
  'GET /fixtures/:collection': {
    status: '200',
    description: 'The fixtures of the collection, under its name.',
    schema: 'fixtures.schema.json',
  },
  'POST /fixtures/:collection': {
    status: '201',
    description: 'The fixtures created or replaced, under the name of the collection.',
    schema: 'fixtures.schema.json',
  },
};

const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');
const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Embeds schemas/ files as components the first time the document points at one, so the
 * document carries exactly the schemas it uses, copied from Ajv (never re-typed, never mutated).
 */
class SchemaComponents {
  readonly schemas: Record<string, unknown> = {};

  constructor(private readonly registry: SchemaRegistry) {}

  /** `file.json` or `file.json#/pointer` (a bodySchema, a cross-file $ref) -> a ref inside the document. */
  refTo(schemaRef: string, compiled?: AnySchema): string {
    const [file, pointer = ''] = schemaRef.split('#');
    if (!file.endsWith('.json'))
      throw new Error(`Cannot place schema ref "${schemaRef}" in the OpenAPI document: only schemas/ files are known.`);
    // An endpoint's schemas/<id>/request.json is the component <id>.request.
    const name = file.slice(0, -'.json'.length).replaceAll('/', '.');
    if (!(name in this.schemas)) this.embed(name, compiled ?? this.registry.getSchema(file)?.schema);
    return `#/components/schemas/${escapePointer(name)}${pointer}`;
  }

  private embed(name: string, schema: AnySchema | undefined): void {
    if (schema === undefined) throw new Error(`Missing schema ${name}.json`);
    // Claimed before the walk so that schemas referring to each other terminate.
    this.schemas[name] = true;
    if (!isObject(schema)) {
      this.schemas[name] = schema;
      return;
    }
    // The document's own dialect governs; a file's $id would rebase the rewritten refs.
    const { $id: _id, $schema: _dialect, ...body } = schema;
    this.schemas[name] = this.copy(body, name);
  }

  /** A deep copy with every $ref rewritten to point inside the document. */
  private copy(node: unknown, name: string): unknown {
    if (Array.isArray(node)) return node.map((item) => this.copy(item, name));
    if (!isObject(node)) return node;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      // A nested $id would move the base of the refs below it; schemas/ has none, so refuse rather than guess.
      if (key === '$id' && typeof value === 'string')
        throw new Error(`Schema ${name}.json has a nested $id (${value}), which the OpenAPI document cannot keep.`);
      out[key] = key === '$ref' && typeof value === 'string' ? this.rewriteRef(value, name) : this.copy(value, name);
    }
    return out;
  }

  private rewriteRef(ref: string, name: string): string {
    if (ref === '#' || ref.startsWith('#/')) return `#/components/schemas/${escapePointer(name)}${ref.slice(1)}`;
    return this.refTo(ref);
  }
}

function readVersion(): string {
  return JSON.parse(readFileSync(join(findPackageRoot(), 'package.json'), 'utf8')).version;
}

const jsonContent = (schema: JsonObject) => ({ 'application/json': { schema } });

function describeMockHeaders(endpoint: CompiledEndpoint, deps: SandboxDeps): OpenApiParameter[] {
  return [
    {
      name: 'X-Mock-Scenario',
      in: 'header',
      required: false,
      description: `Sandbox-only: answers with a scripted outcome (scenarios/${endpoint.id}.json) or a shared transport fault (scenarios/faults.json). The gateway's checks still run first.`,
      schema: { type: 'string', enum: deps.scenarios.names(endpoint.id) },
    },
    sessionHeader(
      'Sandbox-only: runs the request in a named session (its own fixtures, state, clock, armed scenarios and journal).',
    ),
    {
      name: 'X-Debug-Mode',
      in: 'header',
      required: false,
      description: 'Sandbox-only: error answers carry additionalInfo.debugMessage with the precise reason.',
      schema: { type: 'string', enum: ['true', '1'] },
    },
  ];
}

function sessionHeader(description: string): OpenApiParameter {
  return { name: 'X-Mock-Session', in: 'header', required: false, description, schema: { type: 'string' } };
}

/** One header parameter per property of schemas/<id>/headers.json, named as DANA spells it (its title). */
function describeSchemaHeaders(endpoint: CompiledEndpoint, components: SchemaComponents): OpenApiParameter[] {
  const schema = endpoint.validators.headers?.schema;
  if (!isObject(schema)) return [];
  const base = components.refTo(endpointSchemaKey(endpoint.id, 'headers'), schema);
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const properties = isObject(schema.properties) ? schema.properties : {};
  return (
    Object.entries(properties)
      // OpenAPI forbids describing Content-Type as a header parameter: the requestBody's media type says it.
      .filter(([key]) => key.toLowerCase() !== 'content-type')
      .map(([key, property]) => ({
        name: isObject(property) && typeof property.title === 'string' ? property.title : key,
        in: 'header' as const,
        required: required.includes(key),
        schema: { $ref: `${base}/properties/${escapePointer(key)}` },
      }))
  );
}

function describeEndpoint(
  endpoint: CompiledEndpoint,
  alias: number,
  deps: SandboxDeps,
  components: SchemaComponents,
): OpenApiOperation {
  const own = describeSchemaHeaders(endpoint, components);
  const taken = new Set(own.map((p) => p.name.toLowerCase()));
  const request = endpoint.validators.request.schema;
  const comment = isObject(request) && typeof request.$comment === 'string' ? request.$comment : undefined;
  const aliasNote = alias > 0 ? `Alias of ${endpoint.paths[0]}: the same endpoint under another path.` : undefined;
  const { tag, openApiSecurity, openApiStatusNote } = endpoint.protocol.describe;
  const requestExample = exampleRequestBody(endpoint, deps);
  return {
    operationId: alias > 0 ? `${endpoint.id}_${alias}` : endpoint.id,
    tags: [tag],
    summary: `${endpoint.id} (${tag})`,
    description: [aliasNote, comment].filter(Boolean).join('\n\n') || undefined,
    parameters: [...own, ...describeMockHeaders(endpoint, deps).filter((p) => !taken.has(p.name.toLowerCase()))],
    // OpenAPI ignores an `Authorization` header parameter: a bearer token is a security requirement.
    // An empty list says so when the protocol signs inside the body, where no scheme can point.
    security: openApiSecurity.length > 0 ? [Object.fromEntries(openApiSecurity.map(({ name }) => [name, []]))] : [],
    requestBody: {
      required: true,
      content: {
        'application/json': {
          schema: { $ref: components.refTo(endpointSchemaKey(endpoint.id, 'request'), request) },
          ...(requestExample !== undefined && { example: requestExample }),
        },
      },
    },
    responses: describeResponses(
      describeOutcomes(endpoint, deps),
      { $ref: components.refTo(endpointSchemaKey(endpoint.id, 'response'), endpoint.validators.response.schema) },
      openApiStatusNote,
    ),
  };
}

/**
 * One response per HTTP status the endpoint's outcomes answer with, each outcome a named example
 * (named by its wire code, for Prism's `Prefer: example=<code>`), the first a status's default.
 */
function describeResponses(outcomes: OutcomeExample[], schema: JsonObject, note: string): Record<string, JsonObject> {
  const byStatus = new Map<number, OutcomeExample[]>();
  for (const outcome of [...outcomes].sort((a, b) => a.status - b.status))
    byStatus.set(outcome.status, [...(byStatus.get(outcome.status) ?? []), outcome]);
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => {
      const examples: Record<string, JsonObject> = {};
      for (const outcome of list)
        examples[examples[outcome.code] ? `${outcome.code}-${outcome.scenario}` : outcome.code] = {
          summary: outcome.description,
          description: `The scenario "${outcome.scenario}" (X-Mock-Scenario: ${outcome.scenario}).`,
          value: outcome.body,
        };
      const codes = [...new Set(list.map((o) => o.code))].join(', ');
      return [
        String(status),
        { description: `${codes}. ${note}`, content: { 'application/json': { schema, examples } } },
      ];
    }),
  );
}

/** '/fixtures/:collection' -> '/fixtures/{collection}' and its names. */
function templatePath(path: string): { path: string; names: string[] } {
  const names: string[] = [];
  const templated = path.replace(/:([A-Za-z]+)/g, (_m, name: string) => (names.push(name), `{${name}}`));
  return { path: templated, names };
}

/** 'POST', '/clock/advance' -> 'adminPostClockAdvance'. */
function nameAdminOperation(route: AdminRoute): string {
  const words = [route.method.toLowerCase(), ...route.path.split(/[^A-Za-z0-9]+/).filter(Boolean)];
  return `admin${words.map((w) => w[0].toUpperCase() + w.slice(1)).join('')}`;
}

/** The route's checked body schema, or the schemas its handler checks itself: one item or an array of them. */
function describeAdminBody(route: AdminRoute, components: SchemaComponents): JsonObject | undefined {
  if (route.bodySchema) return { required: true, content: jsonContent({ $ref: components.refTo(route.bodySchema) }) };
  if (!route.bodyOneOf) return undefined;
  const items = route.bodyOneOf.map((ref) => ({ $ref: components.refTo(ref) }));
  return { required: true, content: jsonContent({ oneOf: [...items, { type: 'array', items: { oneOf: items } }] }) };
}

function describeAdminRoute(route: AdminRoute, components: SchemaComponents): OpenApiOperation {
  const { names } = templatePath(route.path);
  const answer = nonJsonAnswers[`${route.method} ${route.path}`];
  const described = answerSchemas[`${route.method} ${route.path}`];
  return {
    operationId: nameAdminOperation(route),
    tags: [adminTag],
    summary: route.summary,
    parameters: [
      ...names.map((name) => ({
        name,
        in: 'path' as const,
        required: true,
        schema: route.paramValues?.[name] ? { type: 'string', enum: [...route.paramValues[name]] } : { type: 'string' },
      })),
      sessionHeader('Scopes the call to a named session; without one it acts globally.'),
      {
        name: 'session',
        in: 'query',
        required: false,
        description: 'The same as X-Mock-Session, for clients that cannot set headers.',
        schema: { type: 'string' },
      },
      ...Object.entries(route.query ?? {}).map(([name, description]) => ({
        name,
        in: 'query' as const,
        required: false,
        description,
        schema: { type: 'string' },
      })),
    ],
    security: [{}, { [adminTokenScheme.name]: [] }],
    requestBody: describeAdminBody(route, components),
    responses: {
      '4XX': adminRefusal,
      ...(described
        ? {
            [described.status]: {
              description: described.description,
              content: jsonContent({ $ref: components.refTo(described.schema) }),
            },
          }
        : {}),
      default: answer
        ? {
            description: answer.description,
            content: Object.fromEntries(answer.mediaTypes.map((type) => [type, { schema: { type: 'string' } }])),
          }
        : {
            description: 'The answer: JSON.',
            content: { 'application/json': {} },
          },
    },
  };
}

/** Claims an operationId, refusing a duplicate (OpenAPI requires them unique). */
function claim(used: Set<string>, operation: OpenApiOperation): OpenApiOperation {
  if (used.has(operation.operationId)) throw new Error(`Two operations would be named ${operation.operationId}`);
  used.add(operation.operationId);
  return operation;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Drops undefined members, so the document is plain JSON and equals its own serialisation. */
const toJson = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/** Where clients reach the sandbox: the defaults of the document's server variables. */
export interface OpenApiServer {
  host: string;
  port: string;
}

/**
 * The host and port a request's Host header names (what the client reached: the bound port after
 * --port 0, a mapped port behind Docker); undefined when absent or not a plain host[:port].
 */
export function readServerFromHost(hostHeader: string | undefined): OpenApiServer | undefined {
  if (!hostHeader || !/^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?$/.test(hostHeader)) return undefined;
  try {
    const url = new URL(`http://${hostHeader}`);
    return { host: url.hostname, port: url.port || '80' };
  } catch {
    return undefined; // e.g. a port above 65535
  }
}

/**
 * The sandbox as an OpenAPI 3.1 document: every endpoint path (aliases too) and every control route,
 * with schemas taken from schemas/ through Ajv. `server` defaults to the configured host and port.
 */
export function buildOpenApi(
  deps: SandboxDeps,
  routes: readonly AdminRoute[] = adminRoutes,
  server: OpenApiServer = { host: deps.config.host, port: String(deps.config.port) },
): OpenApiDocument {
  const components = new SchemaComponents(deps.schemas);
  const paths: OpenApiDocument['paths'] = {};
  const used = new Set<string>();
  for (const endpoint of deps.endpoints.list()) {
    endpoint.paths.forEach((path, alias) => {
      paths[path] = {
        ...paths[path],
        [endpoint.method.toLowerCase()]: claim(used, describeEndpoint(endpoint, alias, deps, components)),
      };
    });
  }
  for (const route of routes) {
    const path = adminPrefix + templatePath(route.path).path;
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: claim(used, describeAdminRoute(route, components)) };
  }
  return toJson({
    openapi: '3.1.0',
    info: {
      title: 'dana-mock',
      version: readVersion(),
      license: { name: 'MIT', identifier: 'MIT' },
      description:
        "A local sandbox emulating DANA's API gateway (SNAP and the Open API envelope) for integration tests. TEST-ONLY: its keys, tokens and data are fakes; never point it at production or send it real credentials.",
    },
    servers: [
      { url: 'http://{host}:{port}', variables: { host: { default: server.host }, port: { default: server.port } } },
    ],
    tags: [
      ...protocols.map(({ unrouted: { describe } }) => ({ name: describe.tag, description: describe.tagDescription })),
      { name: adminTag, description: 'Sandbox-only control plane: fixtures, clock, scenarios, journal, keys.' },
    ],
    paths,
    components: {
      schemas: sortKeys(components.schemas),
      securitySchemes: sortKeys(
        Object.fromEntries([
          ...deps.endpoints
            .list()
            .flatMap(({ protocol }) => protocol.describe.openApiSecurity)
            .map(({ name, scheme }) => [name, scheme]),
          [adminTokenScheme.name, adminTokenScheme.scheme],
        ]),
      ),
    },
  } satisfies OpenApiDocument);
}
