import type { KeyObject } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import type { IdGenerator } from '../core/ids.js';
import { formatJakartaTime } from '../core/jakartaTime.js';
import type { Journal } from '../core/journal.js';
import type { Logger } from '../core/logger.js';
import type { Store } from '../store/store.js';
import { relativePathOf, signNotify } from './signNotify.js';
import {
  retryDelaysSeconds,
  type AttemptOutcome,
  type WebhookAttempt,
  type WebhookDelivery,
} from './WebhookDelivery.js';

/** What a notify is made of before it is queued. */
export interface NotifyDraft {
  kind: WebhookDelivery['kind'];
  partnerReferenceNo: string;
  referenceNo: string;
  partnerId: string;
  url: string;
  body: string;
  session?: string;
}

export interface WebhookDelivererOptions {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  journal: Journal;
  logger: Logger;
  danaKey: KeyObject;
  /** How long one attempt waits for the partner's answer. */
  timeoutMs: number;
}

const answerCap = 4096;

/** DANA counts a notify as received when the partner answers 2xx with a success responseCode (2005600 for finish notify). */
function judge(status: number, answer: string): { outcome: AttemptOutcome; reason?: string } {
  if (status < 200 || status > 299) return { outcome: 'rejected', reason: `HTTP ${status}` };
  let code: unknown;
  try {
    code = (JSON.parse(answer) as { responseCode?: unknown }).responseCode;
  } catch {
    return {
      outcome: 'rejected',
      reason: 'the answer is not JSON with a responseCode (expected {"responseCode":"2005600",...})',
    };
  }
  if (typeof code === 'string' && code.startsWith('200')) return { outcome: 'acknowledged' };
  return { outcome: 'rejected', reason: `responseCode ${JSON.stringify(code)} is not a success (expected "2005600")` };
}

/**
 * Sends DANA's outbound notifies: signed POSTs to the partner's URL, retried on the sandbox clock until acknowledged.
 * Delivery runs beside request handling (queue() returns at once); every attempt is kept on the delivery and journalled.
 */
export class WebhookDeliverer {
  private readonly running = new Map<string, Promise<void>>();
  private readonly aborts = new Set<AbortController>();
  private closed = false;

  constructor(private readonly options: WebhookDelivererOptions) {}

  /** Queues a notify and starts its first attempt without waiting for it. */
  queue(draft: NotifyDraft): WebhookDelivery {
    const { store, clock, ids } = this.options;
    const now = clock.now(draft.session).toISOString();
    const delivery: WebhookDelivery = {
      ...draft,
      id: ids.uuid(),
      externalId: ids.hex(16),
      createdAt: now,
      status: 'pending',
      nextAttemptAt: now,
      attempts: [],
    };
    store.put('webhooks', delivery.id, delivery, draft.session);
    setImmediate(() => this.runDue());
    return delivery;
  }

  /** Every delivery visible from the scope, oldest first. */
  list(session?: string): WebhookDelivery[] {
    return this.options.store.list('webhooks', session).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  get(id: string, session?: string): WebhookDelivery | undefined {
    return this.options.store.get('webhooks', id, session);
  }

  /** Sends the delivery again now, whatever its status; the schedule restarts if this attempt fails. */
  redeliver(id: string, session?: string): WebhookDelivery | undefined {
    const delivery = this.get(id, session);
    if (!delivery) return undefined;
    const restarted = { ...delivery, status: 'pending' as const, nextAttemptAt: this.now(delivery).toISOString() };
    this.options.store.put('webhooks', id, restarted, delivery.session);
    setImmediate(() => this.runDue());
    return restarted;
  }

  /** Starts every attempt that is due on its scope's sandbox clock (called on a timer and whenever a clock moves). */
  runDue(): void {
    if (this.closed) return;
    for (const { scope, id, value } of this.options.store.listEveryScope('webhooks')) {
      if (value.status !== 'pending' || this.running.has(id)) continue;
      if (Date.parse(value.nextAttemptAt ?? '') > this.now(value).getTime()) continue;
      const attempt = this.attempt(id, scope).finally(() => this.running.delete(id));
      this.running.set(id, attempt);
    }
  }

  /** Resolves once no attempt is running and none is due: what a test awaits after causing a notify. */
  async settled(): Promise<void> {
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      this.runDue();
      if (this.running.size === 0) return;
      await Promise.all(this.running.values());
    }
  }

  /** Stops the schedule and aborts attempts in flight; nothing is sent afterwards. */
  async close(): Promise<void> {
    this.closed = true;
    this.aborts.forEach((abort) => abort.abort(new Error('the sandbox is closing')));
    await Promise.allSettled(this.running.values());
  }

  private now(delivery: Pick<WebhookDelivery, 'session'>): Date {
    return this.options.clock.now(delivery.session);
  }

  private async attempt(id: string, scope: string | undefined): Promise<void> {
    const { store, danaKey, logger } = this.options;
    const delivery = store.get('webhooks', id, scope);
    if (!delivery) return;
    const at = this.now(delivery);
    const timestamp = formatJakartaTime(at);
    const headers = {
      'Content-Type': 'application/json',
      'X-TIMESTAMP': timestamp,
      'X-SIGNATURE': signNotify(relativePathOf(delivery.url), delivery.body, timestamp, danaKey),
      'X-PARTNER-ID': delivery.partnerId,
      'X-EXTERNAL-ID': delivery.externalId,
      'CHANNEL-ID': '95221',
    };
    const started = performance.now();
    const result = await this.post(delivery.url, headers, delivery.body);
    const latencyMs = Math.round(performance.now() - started);
    if (this.closed && result.outcome !== 'acknowledged' && result.reason?.includes('closing')) return;
    const attempt: WebhookAttempt = {
      number: delivery.attempts.length + 1,
      at: at.toISOString(),
      headers,
      latencyMs,
      ...result,
    };
    // Re-read: a reset may have removed the delivery while the partner was answering.
    const current = store.get('webhooks', id, scope);
    if (!current) return;
    const attempts = [...current.attempts, attempt];
    const retries = attempts.length - 1;
    const next =
      result.outcome === 'acknowledged' || retries >= retryDelaysSeconds.length
        ? undefined
        : new Date(at.getTime() + retryDelaysSeconds[retries] * 1000).toISOString();
    store.put(
      'webhooks',
      id,
      {
        ...current,
        attempts,
        status: result.outcome === 'acknowledged' ? 'delivered' : next ? 'pending' : 'failed',
        nextAttemptAt: next,
      },
      scope,
    );
    this.journal(current, attempt);
    if (result.outcome !== 'acknowledged')
      logger.info('a notify was not acknowledged', { delivery: id, attempt: attempt.number, reason: attempt.reason });
  }

  private async post(
    url: string,
    headers: Record<string, string>,
    body: string,
  ): Promise<Pick<WebhookAttempt, 'outcome' | 'status' | 'answer' | 'reason'>> {
    const abort = new AbortController();
    this.aborts.add(abort);
    const timer = setTimeout(() => abort.abort(new Error('timeout')), this.options.timeoutMs);
    try {
      const response = await fetch(url, { method: 'POST', headers, body, signal: abort.signal, redirect: 'manual' });
      const answer = (await response.text()).slice(0, answerCap);
      return { status: response.status, answer, ...judge(response.status, answer) };
    } catch (error) {
      if (abort.signal.aborted) {
        const why = (abort.signal.reason as Error)?.message;
        return why === 'timeout'
          ? { outcome: 'timeout', reason: `no answer within ${this.options.timeoutMs} ms` }
          : { outcome: 'connection-error', reason: why };
      }
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      return { outcome: 'connection-error', reason: cause?.code ?? cause?.message ?? (error as Error).message };
    } finally {
      clearTimeout(timer);
      this.aborts.delete(abort);
    }
  }

  private journal(delivery: WebhookDelivery, attempt: WebhookAttempt): void {
    const { pathname, search } = new URL(delivery.url);
    this.options.journal.record({
      id: this.options.ids.uuid(),
      at: attempt.at,
      session: delivery.session,
      endpoint: delivery.kind,
      partnerId: delivery.partnerId,
      code: attempt.status === undefined ? attempt.outcome : String(attempt.status),
      verdicts: {
        direction: 'outbound',
        url: delivery.url,
        delivery: delivery.id,
        attempt: attempt.number,
        outcome: attempt.outcome,
        latencyMs: attempt.latencyMs,
        ...(attempt.reason && { reason: attempt.reason }),
      },
      request: { method: 'POST', path: pathname, search, headers: attempt.headers, rawBody: delivery.body },
      response: { status: attempt.status ?? 0, headers: {}, body: attempt.answer ?? '' },
    });
  }
}
