import { systemClock, type Clock } from './clock';
import type { RateLimitReport } from './rate-limit-headers';

/** BigCommerce's documented window; used until a response tells us the real one. */
const DEFAULT_WINDOW_MS = 30_000;

export interface RateLimiterOptions {
  clock?: Clock;
  /**
   * Share of the quota we leave unused for other apps: the quota is per store, shared by every app
   * installed on it, and BigCommerce calls clients that keep hitting 429 abusive.
   */
  reserveRatio?: number;
  /** At least this many requests stay in reserve (never more than quota - 1). */
  minReserve?: number;
}

/** What the limiter believes about the store's current window. */
export interface RateLimitState {
  left: number;
  quota: number;
  windowMs: number;
  /** Clock time at which the quota refills. */
  resetAt: number;
  /** True when guessed after a reset passed, before any answer from the new window. */
  estimated: boolean;
}

/** Call with the rate-limit headers of the answer (or nothing when there was none). */
export type Release = (report?: RateLimitReport) => void;

export interface RateLimiter {
  /** Waits until one more request for the store may start. Every acquire must be released once. */
  acquire(signal?: AbortSignal): Promise<Release>;
  /** Holds every request for the store until `time` (clock ms), e.g. for a 429's `X-Retry-After`. */
  pauseUntil(time: number): void;
  readonly state: Readonly<RateLimitState> | undefined;
  readonly inFlight: number;
}

type Decision = { kind: 'go' } | { kind: 'sleep'; ms: number } | { kind: 'wait-for-answer' };

/**
 * Paces one store's requests so the quota lasts until it refills:
 * - usable = requests left − in flight − reserve; each request starts at least (time to reset) / (usable + 1) after the previous one;
 * - when nothing usable is left, everyone waits for the reset (and for any pause a 429 asked for);
 * - before the first answer only one request is in flight, so the headers are known before a burst.
 */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const clock = options.clock ?? systemClock;
  const reserveRatio = options.reserveRatio ?? 0.1;
  const minReserve = options.minReserve ?? 1;

  let state: RateLimitState | undefined;
  let inFlight = 0;
  let lastStartAt = Number.NEGATIVE_INFINITY;
  let pausedUntil = 0;
  // Acquirers take turns, so the pacing decision for one is made after the one before it has started.
  let queue: Promise<unknown> = Promise.resolve();
  let answerWaiters: (() => void)[] = [];

  function reserveFor(quota: number): number {
    return Math.max(0, Math.min(quota - 1, Math.max(minReserve, Math.ceil(quota * reserveRatio))));
  }

  function decide(now: number): Decision {
    if (now < pausedUntil) return { kind: 'sleep', ms: pausedUntil - now };
    if (!state) return inFlight === 0 ? { kind: 'go' } : { kind: 'wait-for-answer' };
    if (now >= state.resetAt) {
      // The window has refilled; assume the whole quota until an answer from the new window says otherwise.
      state = { ...state, left: state.quota, resetAt: now + state.windowMs, estimated: true };
    }
    const usable = state.left - inFlight - reserveFor(state.quota);
    if (usable <= 0) {
      return inFlight > 0 && state.estimated ? { kind: 'wait-for-answer' } : { kind: 'sleep', ms: state.resetAt - now };
    }
    // usable + 1 gaps: the last usable request lands one gap before the reset, not on it (when it would fall in the next window).
    const interval = (state.resetAt - now) / (usable + 1);
    const readyAt = lastStartAt + interval;
    return readyAt > now ? { kind: 'sleep', ms: Math.ceil(readyAt - now) } : { kind: 'go' };
  }

  function observe(report: RateLimitReport, now: number): void {
    if (report.left === undefined) return;
    const windowMs = report.windowMs ?? state?.windowMs ?? DEFAULT_WINDOW_MS;
    const next: RateLimitState = {
      left: report.left,
      quota: report.quota ?? Math.max(state?.quota ?? 0, report.left),
      windowMs,
      resetAt: now + (report.resetMs ?? windowMs),
      estimated: false,
    };
    // Answers to concurrent requests arrive out of order; within one window the lowest count is the true one.
    const sameWindow = state !== undefined && !state.estimated && now < state.resetAt && next.resetAt < state.resetAt + windowMs / 2;
    state = sameWindow && state ? { ...next, left: Math.min(state.left, next.left), resetAt: state.resetAt } : next;
  }

  function waitForAnswer(): Promise<void> {
    return new Promise((resolve) => answerWaiters.push(resolve));
  }

  async function takeTurn(signal: AbortSignal | undefined): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const decision = decide(clock.now());
      if (decision.kind === 'go') break;
      if (decision.kind === 'sleep') await clock.sleep(decision.ms, signal);
      else await waitForAnswer();
    }
    inFlight += 1;
    lastStartAt = clock.now();
  }

  return {
    async acquire(signal) {
      const turn = queue.then(() => takeTurn(signal));
      // One aborted caller must not block everyone queued behind it.
      queue = turn.catch(() => undefined);
      await turn;
      let released = false;
      return (report) => {
        if (released) return;
        released = true;
        inFlight -= 1;
        if (report) observe(report, clock.now());
        const waiters = answerWaiters;
        answerWaiters = [];
        for (const wake of waiters) wake();
      };
    },
    pauseUntil(time) {
      pausedUntil = Math.max(pausedUntil, time);
    },
    get state() {
      return state;
    },
    get inFlight() {
      return inFlight;
    },
  };
}

const registryKey = Symbol.for('accountview-bigcommerce.rate-limiters');
type WithRegistry = typeof globalThis & { [registryKey]?: Map<string, RateLimiter> };

/**
 * The limiter every client for `storeHash` shares in this process. Kept on globalThis because Next.js
 * may load this module more than once (route handlers, instrumentation), and the quota is per store.
 */
export function sharedRateLimiter(storeHash: string): RateLimiter {
  const global = globalThis as WithRegistry;
  const registry = (global[registryKey] ??= new Map());
  let limiter = registry.get(storeHash);
  if (!limiter) {
    limiter = createRateLimiter();
    registry.set(storeHash, limiter);
  }
  return limiter;
}
