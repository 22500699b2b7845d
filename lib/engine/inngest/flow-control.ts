import { INNGEST_APP_ID } from './client';
import type { FlowName } from '../types';

/**
 * One run at a time per store: per function (`event.data.storeHash`), and per store and flow across
 * all of a flow's functions (an env-scoped key), so the webhook export and the catch-up poll of one
 * store never overlap — the same guarantee the in-process runner gives. Inngest counts executing
 * steps, so a run that sleeps lets the next one start, as in the runner.
 */
export function storeConcurrency(flow: FlowName) {
  return [
    { key: 'event.data.storeHash', limit: 1 },
    { scope: 'env' as const, key: `"${INNGEST_APP_ID}:${flow}:" + event.data.storeHash`, limit: 1 },
  ] as [{ key: string; limit: number }, { scope: 'env'; key: string; limit: number }];
}

/**
 * BigCommerce's Standard plan allows 150 requests per 30 s per store, shared by every app on the
 * store. Every run makes at least one call, so each function starts at most 20 runs per 30 s per
 * store: the seven functions that call BigCommerce together stay under 150 even at one call a run.
 * Pacing the calls inside a run is the BigCommerce client's rate limiter's job, not this one's.
 */
export const STORE_THROTTLE = { key: 'event.data.storeHash', limit: 20, period: '30s' } as const;

/** Inngest's batch limits: at most 100 events, a window of 1 to 60 s. */
export const MAX_BATCH_SIZE = 100;

export function batchTimeout(timeoutMs: number): `${number}s` {
  return `${Math.min(60, Math.max(1, Math.ceil(timeoutMs / 1000)))}s`;
}
