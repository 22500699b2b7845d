import type { z } from 'zod';
import { BigCommerceApiError, BigCommerceUnavailableError } from './errors';
import { storeInformation, v2ErrorBody, v3ErrorBody, type StoreInformation } from './schemas';

export interface BigCommerceClientOptions {
  /** `https://api.bigcommerce.com` in production, a simulator in tests and the demo. */
  apiUrl: string;
  storeHash: string;
  accessToken: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface RequestOptions {
  query?: Record<string, string | number | undefined>;
  body?: unknown;
}

export type BigCommerceClient = ReturnType<typeof createBigCommerceClient>;

/** One store's REST client. Credentials are injected; this module never reads the environment. */
export function createBigCommerceClient(options: BigCommerceClientOptions) {
  const fetchImpl = options.fetch ?? fetch;
  const base = `${options.apiUrl}/stores/${options.storeHash}`;

  async function request<T extends z.ZodType>(
    schema: T,
    method: string,
    path: `/v2/${string}` | `/v3/${string}`,
    init: RequestOptions = {},
  ): Promise<z.output<T>> {
    const url = new URL(base + path);
    for (const [key, value] of Object.entries(init.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method,
        headers: {
          'X-Auth-Token': options.accessToken,
          Accept: 'application/json',
          ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
    } catch (cause) {
      throw new BigCommerceUnavailableError(`BigCommerce ${method} ${path} could not be reached`, { cause });
    }
    const body: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
    if (!response.ok) throw apiError(response.status, body, method, path);
    return schema.parse(body);
  }

  return {
    storeHash: options.storeHash,
    request,
    getStoreInformation: (): Promise<StoreInformation> => request(storeInformation, 'GET', '/v2/store'),
  };
}

function apiError(status: number, body: unknown, method: string, path: string): BigCommerceApiError {
  const v3 = v3ErrorBody.safeParse(body);
  if (v3.success && (v3.data.title || v3.data.errors)) {
    const details = Object.fromEntries(Object.entries(v3.data.errors ?? {}).map(([k, v]) => [k, String(v)]));
    return new BigCommerceApiError(status, v3.data.title ?? `HTTP ${status}`, details, method, path);
  }
  const v2 = v2ErrorBody.safeParse(body);
  if (v2.success && v2.data.length > 0) {
    const details = Object.fromEntries(v2.data.map((e, i) => [String(i), e.message]));
    return new BigCommerceApiError(status, v2.data[0]?.message ?? `HTTP ${status}`, details, method, path);
  }
  return new BigCommerceApiError(status, `HTTP ${status}`, {}, method, path);
}
