import { loadBodyValidators, type BodyValidators } from './api/spec-validation';
import type { Fault } from './faults';
import { seedStores } from './seed';
import { createState } from './state';
import { DEFAULT_WEBHOOK_TIMEOUT_MS } from './webhooks/delivery';
import type { BigCommerceSimulatorOptions, RecordedRequest, SeedStore, SimulatorState } from './types';

export const DEFAULT_SCOPES = [
  'store_v2_orders_read_only',
  'store_v2_products',
  'store_inventory',
  'store_locations_read_only',
  'store_v2_customers',
  'store_v2_information_read_only',
  // Payment methods for the settings page's choice lists; the app reads them only when granted.
  'store_payments_methods_read',
] as const;

export const DEFAULT_RATE_LIMIT_QUOTA = 150;

/** One Developer Portal account owns the app, so every grant carries the same account_uuid. */
export const APP_ACCOUNT_UUID = '3f1c5a7e-2b4d-4e6f-8a9b-0c1d2e3f4a5b';

/** Everything a request handler needs: the resolved options plus the mutable state. */
export interface SimRuntime {
  appUrl: string;
  clientId: string;
  clientSecret: string;
  scopes: string[];
  rateLimitQuota: number;
  now: () => number;
  seeds: SeedStore[];
  state: SimulatorState;
  requests: RecordedRequest[];
  /** The simulator's own origin, for the `url` of V2 link objects; set once the server listens. */
  baseUrl: string;
  faults: Fault[];
  webhookRetryScale: number;
  webhookTimeoutMs: number;
  webhookTimers: Set<NodeJS.Timeout>;
  inFlightDeliveries: number;
  bodyValidators: BodyValidators;
}

export function createRuntime(o: BigCommerceSimulatorOptions): SimRuntime {
  if (!o.clientId || !o.clientSecret) throw new Error('BigCommerce simulator needs clientId and clientSecret');
  const seeds = o.stores ?? seedStores();
  const retryScale = o.webhookRetryScale ?? 1;
  if (!Number.isFinite(retryScale) || retryScale < 0) throw new Error(`webhookRetryScale must be a number >= 0, got ${o.webhookRetryScale}`);
  return {
    // A trailing slash would make the redirect_uri check fail for a reason nobody would spot.
    appUrl: new URL(o.appUrl).toString().replace(/\/+$/, ''),
    clientId: o.clientId,
    clientSecret: o.clientSecret,
    scopes: o.scopes ?? [...DEFAULT_SCOPES],
    rateLimitQuota: o.rateLimitQuota ?? DEFAULT_RATE_LIMIT_QUOTA,
    now: o.now ?? Date.now,
    seeds,
    state: createState(seeds),
    requests: [],
    baseUrl: 'https://api.bigcommerce.com',
    faults: [],
    webhookRetryScale: retryScale,
    webhookTimeoutMs: o.webhookTimeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS,
    webhookTimers: new Set(),
    inFlightDeliveries: 0,
    bodyValidators: loadBodyValidators(o.specsDir),
  };
}

export function authCallbackUrl(rt: SimRuntime): string {
  return `${rt.appUrl}/api/bigcommerce/auth`;
}
