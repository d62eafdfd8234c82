import type { KeyObject } from 'node:crypto';
import type { SandboxResponse } from '../core/types.js';
import { endpoints } from '../endpoints/index.js';
import { unroutedProtocolFor } from './index.js';

/**
 * The answer when the pipeline itself failed: the general error of the path's protocol, built from
 * nothing that could have failed (no store, no sandbox clock), so a client never sees a crash.
 */
export function lastResortFor(path: string, danaKey?: KeyObject): SandboxResponse {
  if (path === '/__admin' || path.startsWith('/__admin/'))
    return {
      status: 500,
      headers: { 'content-type': 'application/json' },
      body: '{"error":{"message":"The sandbox failed unexpectedly; see its log."}}',
    };
  const protocol = endpoints.find((e) => e.paths.includes(path))?.protocol ?? unroutedProtocolFor(path);
  return protocol.lastResort(path, danaKey);
}
