import type { Store } from '../store/store.js';

/** The sandbox clock of one scope: real time shifted by an offset, or frozen at an instant. */
export interface ClockState {
  offsetMs: number;
  frozenAt?: number;
}

const clockId = 'clock';

/**
 * The one clock every time rule reads. Each session may move its own clock; a session that
 * never did reads the global one. State lives in the store, so it survives a restart.
 */
export class Clock {
  private readonly listeners = new Set<(scope: string | undefined) => void>();

  constructor(
    private readonly store: Store,
    private readonly realNow: () => number = Date.now,
  ) {}

  now(scope?: string): Date {
    const state = this.state(scope);
    return new Date(state.frozenAt ?? this.realNow() + state.offsetMs);
  }

  state(scope?: string): ClockState {
    return this.store.get('clocks', clockId, scope) ?? { offsetMs: 0 };
  }

  /** Stop time at `at` (default: the current sandbox time). */
  freeze(scope?: string, at: Date = this.now(scope)): Date {
    return this.write(scope, { offsetMs: this.state(scope).offsetMs, frozenAt: at.getTime() });
  }

  /** Jump to `at`, staying frozen if frozen, running on from there if running. */
  set(scope: string | undefined, at: Date): Date {
    const frozen = this.state(scope).frozenAt !== undefined;
    return this.write(
      scope,
      frozen ? { offsetMs: 0, frozenAt: at.getTime() } : { offsetMs: at.getTime() - this.realNow() },
    );
  }

  /** Move forward by exactly `ms`: the offset grows by `ms`, never by `ms` plus the real time that passed meanwhile. */
  advance(scope: string | undefined, ms: number): Date {
    const { offsetMs, frozenAt } = this.state(scope);
    return this.write(
      scope,
      frozenAt !== undefined ? { offsetMs, frozenAt: frozenAt + ms } : { offsetMs: offsetMs + ms },
    );
  }

  /** Let a frozen clock run again from where it stands. */
  resume(scope?: string): Date {
    return this.write(scope, { offsetMs: this.now(scope).getTime() - this.realNow() });
  }

  /** Back to real time. */
  reset(scope?: string): Date {
    this.store.delete('clocks', clockId, scope);
    this.changed(scope);
    return this.now(scope);
  }

  /** Calls `listener` after every change of any scope's clock (what is due may have changed); returns the unsubscribe. */
  onChange(listener: (scope: string | undefined) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private write(scope: string | undefined, state: ClockState): Date {
    this.store.put('clocks', clockId, state, scope);
    this.changed(scope);
    return this.now(scope);
  }

  private changed(scope: string | undefined): void {
    this.listeners.forEach((listener) => listener(scope));
  }
}
