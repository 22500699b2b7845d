import { existsSync } from 'node:fs';
import { defaultSpecsDir } from './api/spec-validation';
import { startBigCommerceSimulator } from './server';
import type { BigCommerceSimulator, BigCommerceSimulatorOptions } from './types';

/** Test support: a simulator with the app installed, and a small REST client for its API. */

export const TEST_APP_URL = 'http://localhost:3999';
export const TEST_CLIENT_ID = 'test-client-id';
export const TEST_CLIENT_SECRET = 'test-client-secret';

export interface ApiResult<T = unknown> {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined for an empty body. */
  body: T;
  text: string;
}

export interface TestApi {
  token: string;
  request<T = unknown>(method: string, path: string, init?: { body?: unknown; query?: Record<string, string | number>; headers?: Record<string, string>; raw?: BodyInit }): Promise<ApiResult<T>>;
  get<T = unknown>(path: string, query?: Record<string, string | number>): Promise<ApiResult<T>>;
  post<T = unknown>(path: string, body: unknown): Promise<ApiResult<T>>;
  put<T = unknown>(path: string, body: unknown): Promise<ApiResult<T>>;
  del<T = unknown>(path: string, query?: Record<string, string | number>): Promise<ApiResult<T>>;
}

export function startTestSimulator(options: Partial<BigCommerceSimulatorOptions> = {}): Promise<BigCommerceSimulator> {
  return startBigCommerceSimulator({ appUrl: TEST_APP_URL, clientId: TEST_CLIENT_ID, clientSecret: TEST_CLIENT_SECRET, ...options });
}

/** Installs the app on a store as its owner would, through the real token exchange. */
export async function installApp(sim: BigCommerceSimulator, storeHash = 'abc123def'): Promise<string> {
  const store = sim.state.stores[storeHash];
  if (!store) throw new Error(`Unknown store ${storeHash}`);
  const grant = sim.issueGrant(storeHash, store.ownerId);
  const res = await fetch(`${sim.loginUrl}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      client_id: TEST_CLIENT_ID,
      client_secret: TEST_CLIENT_SECRET,
      code: grant.code,
      context: grant.context,
      scope: grant.scope,
      grant_type: 'authorization_code',
      redirect_uri: `${TEST_APP_URL}/api/bigcommerce/auth`,
    }),
  });
  const body = (await res.json()) as { access_token?: string };
  if (!res.ok || !body.access_token) throw new Error(`Install failed: ${res.status}`);
  return body.access_token;
}

export function testApi(sim: BigCommerceSimulator, storeHash: string, token: string): TestApi {
  const request: TestApi['request'] = async (method, path, init = {}) => {
    const url = new URL(`${sim.apiUrl}/stores/${storeHash}${path}`);
    for (const [k, v] of Object.entries(init.query ?? {})) url.searchParams.set(k, String(v));
    const hasJson = init.body !== undefined;
    const res = await fetch(url, {
      method,
      headers: { 'X-Auth-Token': token, Accept: 'application/json', ...(hasJson ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
      body: init.raw ?? (hasJson ? JSON.stringify(init.body) : undefined),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, body: (text === '' ? undefined : JSON.parse(text)) as never };
  };
  return {
    token,
    request,
    get: (path, query) => request('GET', path, { ...(query ? { query } : {}) }),
    post: (path, body) => request('POST', path, { body }),
    put: (path, body) => request('PUT', path, { body }),
    del: (path, query) => request('DELETE', path, { ...(query ? { query } : {}) }),
  };
}

/**
 * Whether BigCommerce's OpenAPI specs are beside the repo (`../shared/specs/bigcommerce`, as on the
 * team's machines and in CI). Tests of the simulator's spec validation need them; without them the
 * simulator warns once and checks only its own rules, and those tests are skipped.
 */
export const SPECS_AVAILABLE = existsSync(defaultSpecsDir());
