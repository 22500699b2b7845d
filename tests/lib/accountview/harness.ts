import { createAccountViewClient, exchangeAuthorizationCode, type AccountViewClient, type AccountViewConfig, type AccountViewTokens, type TokenStore } from '@/lib/accountview';
import { startAccountViewSimulator, type AccountViewSimulator } from '@/tests/simulators/accountview';

export const CLIENT_ID = 'av-test-client';
export const CLIENT_SECRET = 'av-test-secret';
export const REDIRECT_URI = 'http://localhost:3000/api/accountview/callback';
export const FVR_ID = '6f1d0c52-3b8e-4e27-9a51-2c7d9e4f8a10';

/** Fast retries, so failure tests stay quick but still exercise the backoff. */
export const FAST_RETRY = { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 };

export interface Clock {
  offsetMs: number;
}

export async function startSimulator(clock: Clock): Promise<AccountViewSimulator> {
  return startAccountViewSimulator({
    clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT_URI], name: 'BigCommerce-koppeling' }],
    now: () => Date.now() + clock.offsetMs,
  });
}

export function configFor(sim: AccountViewSimulator, overrides: Partial<AccountViewConfig> = {}): AccountViewConfig {
  return { baseUrl: sim.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: REDIRECT_URI, ...overrides };
}

export interface MemoryTokenStore extends TokenStore {
  /** What happened, in order: 'load', 'save', 'lock', 'unlock'. */
  log: string[];
  saved: AccountViewTokens[];
  peek(): AccountViewTokens | undefined;
  set(tokens: AccountViewTokens | undefined): void;
}

/** The app's TokenStore in memory, with a real async mutex (or none, to show why it is needed). */
export function memoryTokenStore(initial?: AccountViewTokens, options: { lock?: boolean } = {}): MemoryTokenStore {
  let tokens = initial;
  let tail: Promise<unknown> = Promise.resolve();
  const log: string[] = [];
  const saved: AccountViewTokens[] = [];
  return {
    log,
    saved,
    peek: () => tokens,
    set: (t) => {
      tokens = t;
    },
    async load() {
      log.push('load');
      await Promise.resolve();
      return tokens && { ...tokens };
    },
    async save(t) {
      log.push('save');
      await Promise.resolve();
      tokens = { ...t };
      saved.push(t);
    },
    withRefreshLock<T>(fn: () => Promise<T>): Promise<T> {
      if (options.lock === false) return fn();
      const run = tail.then(async () => {
        log.push('lock');
        try {
          return await fn();
        } finally {
          log.push('unlock');
        }
      });
      tail = run.catch(() => undefined);
      return run;
    },
  };
}

/** Consent as a person would give it (the simulator's Approve), then the app's code exchange. */
export async function connect(sim: AccountViewSimulator, scope?: string): Promise<AccountViewTokens> {
  const code = sim.issueCode({ clientId: CLIENT_ID, redirectUri: REDIRECT_URI, scope: scope ?? 'readaccountviewdata updateaccountviewdata' });
  return exchangeAuthorizationCode(configFor(sim), code);
}

export async function connectedClient(
  sim: AccountViewSimulator,
  options: { scope?: string; store?: MemoryTokenStore; timeoutMs?: number; now?: () => Date; companyId?: string | null } = {},
): Promise<{ client: AccountViewClient; store: MemoryTokenStore }> {
  const store = options.store ?? memoryTokenStore(await connect(sim, options.scope));
  const client = createAccountViewClient({
    config: configFor(sim),
    tokens: store,
    companyId: options.companyId === null ? undefined : (options.companyId ?? FVR_ID),
    retry: FAST_RETRY,
    timeoutMs: options.timeoutMs,
    now: options.now,
  });
  return { client, store };
}

export function requestsTo(sim: AccountViewSimulator, path: string, method = 'GET') {
  return sim.requests.filter((r) => r.path.toLowerCase() === path.toLowerCase() && r.method === method);
}

export function refreshCalls(sim: AccountViewSimulator) {
  return sim.requests.filter((r) => r.grantType === 'refresh_token');
}

/** The first page of a read, and stop: the generator must not fetch the rest. */
export async function firstPage<T>(pages: AsyncGenerator<T[]>): Promise<T[]> {
  const first = await pages.next();
  await pages.return(undefined);
  return first.done ? [] : first.value;
}
