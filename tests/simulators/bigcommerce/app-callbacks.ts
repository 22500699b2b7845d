import type { SimRuntime } from './runtime';
import { signPayload } from './signed-payload';
import type { AppCallback } from './types';

const CALLBACK_TIMEOUT_MS = 10_000;

const CALLBACK_PATHS: Record<AppCallback['kind'], string> = {
  uninstall: '/api/bigcommerce/uninstall',
  'remove-user': '/api/bigcommerce/remove-user',
};

/**
 * BigCommerce's server calls the app and does not care how it answers: the outcome is recorded so tests
 * can assert on it, and an unreachable app never blocks the control panel action.
 */
export async function notifyApp(
  rt: SimRuntime,
  kind: AppCallback['kind'],
  storeHash: string,
  userId: number,
  actingUserId: number,
): Promise<AppCallback> {
  const query = new URLSearchParams({ signed_payload_jwt: signPayload(rt, storeHash, userId) });
  const url = `${rt.appUrl}${CALLBACK_PATHS[kind]}?${query.toString()}`;
  const record: AppCallback = {
    kind,
    storeHash,
    userId,
    actingUserId,
    url,
    status: null,
    error: null,
    at: new Date(rt.now()).toISOString(),
  };
  try {
    const response = await fetch(url, {
      headers: { Accept: 'application/json' },
      redirect: 'manual',
      signal: AbortSignal.timeout(CALLBACK_TIMEOUT_MS),
    });
    record.status = response.status;
    // Drain the body so the connection is released.
    await response.arrayBuffer();
  } catch (err) {
    record.error = err instanceof Error ? err.message : String(err);
  }
  rt.state.appCallbacks.push(record);
  return record;
}

export function describeOutcome(callback: AppCallback): string {
  return callback.status === null
    ? `the app could not be reached: ${callback.error ?? 'unknown error'}`
    : `the app answered ${callback.status}`;
}
