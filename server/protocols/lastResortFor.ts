import type { KeyObject } from 'node:crypto';
import type { SandboxResponse } from '../core/types.js';
import { envelopeResultMsg } from './envelope/envelopeCases.js';
import { signEnvelopeResponse } from './envelope/envelopeSignature.js';
import { snapResponseMessage } from './snap/snapCases.js';

const json = { 'content-type': 'application/json' };

/** Jakarta time from the real clock: the sandbox clock may be what failed. */
const jakartaNow = () => `${new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;

/**
 * The answer when the pipeline itself failed: the general error of the path's protocol, built from
 * nothing that could have failed (no store, no sandbox clock), so a client never sees a crash.
 */
export function lastResortFor(path: string, danaKey?: KeyObject): SandboxResponse {
  if (path === '/__admin' || path.startsWith('/__admin/')) return { status: 500, headers: json, body: '{"error":{"message":"The sandbox failed unexpectedly; see its log."}}' };
  if (path.startsWith('/v1/')) {
    const resultInfo = { resultStatus: 'U', resultCodeId: '00000900', resultCode: 'SYSTEM_ERROR', resultMsg: envelopeResultMsg('systemError') };
    const response = { head: { version: '2.0', respTime: jakartaNow(), reserve: '{}' }, body: { resultInfo } };
    return { status: 200, headers: json, body: danaKey ? signEnvelopeResponse(response, danaKey) : JSON.stringify({ response, signature: '' }) };
  }
  return { status: 500, headers: json, body: JSON.stringify({ responseCode: '5000000', responseMessage: snapResponseMessage('generalError') }) };
}
