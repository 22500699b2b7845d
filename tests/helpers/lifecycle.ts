import { randomBytes } from 'node:crypto';
import type { LifecycleDeps } from '@/lib/app-lifecycle';
import type { Db } from '@/lib/db/client';
import { DEFAULT_SCOPES, startBigCommerceSimulator, type BigCommerceSimulator } from '../simulators/bigcommerce';

export const APP_URL = 'http://localhost:3999';
export const CLIENT_ID = 'test-client-id';
export const CLIENT_SECRET = 'test-client-secret';

export function startSimulator(): Promise<BigCommerceSimulator> {
  return startBigCommerceSimulator({ appUrl: APP_URL, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
}

/** The lifecycle's dependencies as the app builds them, pointed at the simulator and a test database. */
export function testLifecycleDeps(db: Db, sim: BigCommerceSimulator, overrides: Partial<LifecycleDeps> = {}): LifecycleDeps {
  return {
    db,
    app: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    loginUrl: sim.loginUrl,
    apiUrl: sim.apiUrl,
    webhookDestination: `${APP_URL}/api/webhooks/bigcommerce`,
    authCallbackUrl: `${APP_URL}/api/bigcommerce/auth`,
    requiredScopes: [...DEFAULT_SCOPES],
    encryptionKey: randomBytes(32).toString('base64'),
    sessionSecret: 'test-session-secret-0123456789',
    fetch,
    now: () => new Date(),
    ...overrides,
  };
}

export function callbackRequest(path: string, params: Record<string, string>): Request {
  const url = new URL(`${APP_URL}${path}`);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return new Request(url);
}

/** Pulls the one-time ticket out of the sign-in page a successful callback renders. */
export async function ticketFrom(response: Response): Promise<string> {
  const html = await response.text();
  const match = /name="ticket" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error(`no ticket in page: ${html.slice(0, 200)}`);
  return match[1];
}
