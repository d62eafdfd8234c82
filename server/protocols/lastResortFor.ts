import type { KeyObject } from 'node:crypto';
import type { SandboxDeps, SandboxResponse } from '../core/types.js';
import { endpoints } from '../endpoints/index.js';
import { envelopeResultMsg } from './envelope/envelopeCases.js';
import { signEnvelopeResponse } from './envelope/envelopeSignature.js';
import { snapResponseMessage } from './snap/snapCases.js';

const json = { 'content-type': 'application/json' };

/** Jakarta time from the real clock: the sandbox clock may be what failed. */
const jakartaNow = () => `${new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;

/**
 * SNAP's general error as the path's endpoint renders it (its service code, X-TIMESTAMP), from
 * the static endpoint list and the real clock only; undefined if that too fails.
 */
function endpointGeneralError(path: string): SandboxResponse | undefined {
  const endpoint = endpoints.find((e) => e.paths.includes(path));
  if (endpoint?.protocol.name !== 'snap') return undefined;
  try {
    // SNAP's sealResponse reads only the clock (and the logger for an unknown case): give it real time.
    const deps = { clock: { now: () => new Date() }, logger: { error() {} } } as unknown as SandboxDeps;
    const exchange = {
      id: 'last-resort',
      request: { method: endpoint.method, path, search: '', headers: {}, rawBody: '' },
      receivedAt: new Date(),
      debug: false,
      verdicts: {},
    };
    return endpoint.protocol.sealResponse({ case: 'generalError' }, exchange, deps).response;
  } catch {
    return undefined;
  }
}

/**
 * The answer when the pipeline itself failed: the general error of the path's protocol, built from
 * nothing that could have failed (no store, no sandbox clock), so a client never sees a crash.
 */
export function lastResortFor(path: string, danaKey?: KeyObject): SandboxResponse {
  if (path === '/__admin' || path.startsWith('/__admin/'))
    return {
      status: 500,
      headers: json,
      body: '{"error":{"message":"The sandbox failed unexpectedly; see its log."}}',
    };
  if (path.startsWith('/v1/')) {
    const resultInfo = {
      resultStatus: 'U',
      resultCodeId: '00000900',
      resultCode: 'SYSTEM_ERROR',
      resultMsg: envelopeResultMsg('systemError'),
    };
    const response = { head: { version: '2.0', respTime: jakartaNow(), reserve: '{}' }, body: { resultInfo } };
    return {
      status: 200,
      headers: json,
      body: danaKey ? signEnvelopeResponse(response, danaKey) : JSON.stringify({ response, signature: '' }),
    };
  }
  return (
    endpointGeneralError(path) ?? {
      status: 500,
      headers: { ...json, 'x-timestamp': jakartaNow() },
      body: JSON.stringify({ responseCode: '5000000', responseMessage: snapResponseMessage('generalError') }),
    }
  );
}
