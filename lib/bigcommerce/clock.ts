import { setTimeout as delay } from 'node:timers/promises';

/** Time as the client sees it; tests swap in a clock that jumps instead of waiting. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason when it is aborted first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: async (ms, signal) => {
    if (ms <= 0) return signal?.throwIfAborted();
    await delay(ms, undefined, { signal });
  },
};
