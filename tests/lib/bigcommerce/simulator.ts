import { createBigCommerceClient, createRateLimiter, exchangeCode, type BigCommerceClientOptions } from '@/lib/bigcommerce';
import { startBigCommerceSimulator, type BigCommerceSimulator } from '../../simulators/bigcommerce';
import { manualClock, type ManualClock } from './fakes';

const APP_URL = 'http://localhost:3999';
const APP = { clientId: 'client-contract', clientSecret: 'secret-contract' };
export const SIM_STORE = 'abc123def';
const OWNER = 1001;

export interface InstalledStore {
  sim: BigCommerceSimulator;
  clock: ManualClock;
  accessToken: string;
  /** A client on its own limiter and the shared manual clock, so waits for resets cost no real time. */
  client(overrides?: Partial<BigCommerceClientOptions>): ReturnType<typeof createBigCommerceClient>;
  /** The simulator's log of API calls (admin calls excluded). */
  statuses(): number[];
}

/**
 * The simulator and the client share one manual clock: when the client waits for a quota reset the clock
 * jumps, and the simulator's fixed window sees the same jump.
 */
export async function startInstalledStore(options: { rateLimitQuota?: number } = {}): Promise<InstalledStore> {
  const clock = manualClock(Date.now());
  const sim = await startBigCommerceSimulator({ appUrl: APP_URL, ...APP, rateLimitQuota: options.rateLimitQuota, now: () => clock.now() });
  const grant = sim.issueGrant(SIM_STORE, OWNER);
  const token = await exchangeCode(APP, {
    loginUrl: sim.loginUrl,
    redirectUri: `${APP_URL}/api/bigcommerce/auth`,
    code: grant.code,
    scope: grant.scope,
    context: grant.context,
  });
  return {
    sim,
    clock,
    accessToken: token.access_token,
    client: (overrides = {}) =>
      createBigCommerceClient({
        apiUrl: sim.apiUrl,
        storeHash: SIM_STORE,
        accessToken: token.access_token,
        clock,
        rateLimiter: createRateLimiter({ clock }),
        retry: { random: () => 0.5 },
        ...overrides,
      }),
    statuses: () => sim.requests.filter((r) => r.path.startsWith('/stores/')).map((r) => r.status),
  };
}
