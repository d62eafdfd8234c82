import type { Instant } from '../store/entities.js';

/** How one attempt ended: the partner acknowledged, answered something else, or could not be reached in time. */
export type AttemptOutcome = 'acknowledged' | 'rejected' | 'timeout' | 'connection-error';

/** One POST of a notify to the partner, with what came back. */
export interface WebhookAttempt {
  number: number;
  /** Sandbox time of the attempt. */
  at: Instant;
  /** The signed headers sent (a fresh X-TIMESTAMP and X-SIGNATURE each attempt). */
  headers: Record<string, string>;
  outcome: AttemptOutcome;
  /** The partner's HTTP status; absent when no answer came. */
  status?: number;
  /** The partner's answer body (first 4 KiB). */
  answer?: string;
  /** Why the attempt did not count: the status, the answer's responseCode, the timeout or the connection error. */
  reason?: string;
  latencyMs: number;
}

/** The notifies DANA sends; each is journalled under its kind. */
export const webhookKinds = ['finishNotify'] as const;

/** A notify DANA owes a partner: what to POST where, and every attempt so far. */
export interface WebhookDelivery {
  id: string;
  /** What the notify is about: finishNotify for an order that reached a final state. */
  kind: (typeof webhookKinds)[number];
  /** The order's partnerReferenceNo and DANA referenceNo. */
  partnerReferenceNo: string;
  referenceNo: string;
  partnerId: string;
  url: string;
  /** The exact body every attempt sends. */
  body: string;
  /** Sent with every attempt: the same X-EXTERNAL-ID lets a partner recognise a retry. */
  externalId: string;
  createdAt: Instant;
  /** pending: another attempt is due at nextAttemptAt; delivered: acknowledged; failed: the schedule ran out. */
  status: 'pending' | 'delivered' | 'failed';
  nextAttemptAt?: Instant;
  attempts: WebhookAttempt[];
  session?: string;
}

/**
 * When DANA tries again after a failed attempt, in seconds after it: DANA retries a notify the partner did not
 * acknowledge several times over minutes; the sandbox keeps five retries (1, 2, 5, 10 and 30 minutes apart) on the
 * sandbox clock, so a test advances the clock instead of waiting.
 */
export const retryDelaysSeconds: readonly number[] = [60, 120, 300, 600, 1800];
