import type { CompiledEndpoint, EndpointDefinition } from './endpoint.js';
import type { SchemaKind } from '../protocols/protocol.js';
import type { SchemaRegistry } from './SchemaRegistry.js';

/** The endpoints by path, with their schemas compiled once. */
export class EndpointTable {
  private readonly byPath = new Map<string, CompiledEndpoint>();

  constructor(definitions: readonly EndpointDefinition[], schemas: SchemaRegistry, schemasDir: string) {
    for (const definition of definitions) {
      const kinds = definition.protocol.schemaKinds;
      const schema = (kind: SchemaKind) =>
        kinds.includes(kind)
          ? schemas.requireEndpointSchema(definition.homes?.schemasDir ?? schemasDir, definition.id, kind)
          : undefined;
      const endpoint: CompiledEndpoint = {
        ...definition,
        validators: { headers: schema('headers'), request: schema('request')!, response: schema('response')! },
      };
      for (const path of definition.paths) {
        if (this.byPath.has(path)) throw new Error(`Two endpoints claim ${path}`);
        this.byPath.set(path, endpoint);
      }
    }
  }

  find(path: string): CompiledEndpoint | undefined {
    return this.byPath.get(path);
  }

  list(): CompiledEndpoint[] {
    return [...new Set(this.byPath.values())];
  }

  get(id: string): CompiledEndpoint | undefined {
    return this.list().find((e) => e.id === id);
  }
}
