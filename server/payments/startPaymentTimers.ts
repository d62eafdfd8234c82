import type { SandboxDeps } from '../core/types.js';
import { expireDueOrders } from './orderBook.js';

/** How often real time is checked for orders to expire and notifies to retry, when no clock moves. */
const tickMs = 1000;

/**
 * Runs what the sandbox clock makes due (orders closing at validUpTo, notify retries) whenever a clock moves and
 * once a second; returns the stop function close() calls. The timer never keeps the process alive.
 */
export function startPaymentTimers(deps: SandboxDeps): () => void {
  const run = () => {
    try {
      expireDueOrders(deps);
      deps.webhooks.runDue();
    } catch (error) {
      deps.logger.error('due payment work failed', { stack: (error as Error)?.stack ?? String(error) });
    }
  };
  const unsubscribe = deps.clock.onChange(run);
  const timer = setInterval(run, tickMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    unsubscribe();
  };
}
