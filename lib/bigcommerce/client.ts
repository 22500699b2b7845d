import { systemClock, type Clock } from './clock';
import { catalogEndpoints } from './endpoints/catalog';
import { customerEndpoints } from './endpoints/customers';
import { inventoryEndpoints } from './endpoints/inventory';
import { orderEndpoints } from './endpoints/orders';
import { paymentTaxEndpoints } from './endpoints/payments-tax';
import { shippingEndpoints } from './endpoints/shipping';
import { storeEndpoints } from './endpoints/store';
import { webhookEndpoints } from './endpoints/webhooks';
import { listV2, listV3 } from './paging';
import { sharedRateLimiter, type RateLimiter } from './rate-limiter';
import { send, type ApiPath, type Call, type Transport } from './request';
import { defaultRetryPolicy, type RetryPolicy } from './retry';

export interface BigCommerceClientOptions {
  /** `https://api.bigcommerce.com` in production, a simulator in tests and the demo. */
  apiUrl: string;
  storeHash: string;
  accessToken: string;
  fetch?: typeof fetch;
  /** Per attempt; a call that is retried may take longer in total. */
  timeoutMs?: number;
  /** Defaults to the one limiter this process shares for the store hash, since the quota is per store. */
  rateLimiter?: RateLimiter;
  retry?: Partial<RetryPolicy>;
  /** For backoff waits; pass the same clock to an injected rate limiter. */
  clock?: Clock;
}

const STORE_HASH = /^[a-z0-9]{1,32}$/;

export type BigCommerceClient = ReturnType<typeof createBigCommerceClient>;

/** One store's REST client. Credentials are injected; this module never reads the environment. */
export function createBigCommerceClient(options: BigCommerceClientOptions) {
  // The hash becomes part of every URL; anything but BigCommerce's alphabet would change the path.
  if (!STORE_HASH.test(options.storeHash)) throw new RangeError(`Not a BigCommerce store hash: ${options.storeHash}`);
  const transport: Transport = {
    baseUrl: `${options.apiUrl.replace(/\/+$/, '')}/stores/${options.storeHash}`,
    accessToken: options.accessToken,
    fetch: options.fetch ?? fetch,
    timeoutMs: options.timeoutMs ?? 30_000,
    limiter: options.rateLimiter ?? sharedRateLimiter(options.storeHash),
    retry: { ...defaultRetryPolicy, ...options.retry },
    clock: options.clock ?? systemClock,
  };
  const call: Call = (method, path, requestOptions) => send(transport, method, path, requestOptions);

  return {
    storeHash: options.storeHash,
    /** Any endpoint without a typed method; the body is unparsed JSON (undefined for 204). */
    request: call,
    /** Every item of a v3 list at `path` (`{data, meta.pagination}`), one page in memory at a time. */
    listV3: <T = unknown>(path: ApiPath, query?: { page?: number; limit?: number }): AsyncGenerator<T> => listV3<T>(call, path, query),
    /** Every item of a v2 list at `path` (bare arrays, ending with an empty page or 204). */
    listV2: <T = unknown>(path: ApiPath, query?: { page?: number; limit?: number }): AsyncGenerator<T> => listV2<T>(call, path, query),
    ...storeEndpoints(call),
    ...orderEndpoints(call),
    ...webhookEndpoints(call),
    ...catalogEndpoints(call),
    ...inventoryEndpoints(call),
    ...customerEndpoints(call),
    ...paymentTaxEndpoints(call),
    ...shippingEndpoints(call),
  };
}
