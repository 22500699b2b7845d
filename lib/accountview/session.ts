import { AccountViewAuthError } from './errors';
import { refreshTokens } from './oauth';
import type { AccountViewConfig, AccountViewTokens, TokenStore } from './types';

/** Refresh this long before expiry, so a token never dies between our check and AccountView's. */
export const REFRESH_AHEAD_MS = 60_000;

export interface TokenSession {
  /** A token that is not about to expire, refreshed first if needed. */
  current(): Promise<AccountViewTokens>;
  /** After AccountView refused `staleAccessToken`: a newer token, refreshing unless someone else already did. */
  replace(staleAccessToken: string): Promise<AccountViewTokens>;
}

export function createTokenSession(o: { config: AccountViewConfig; store: TokenStore; fetch: typeof fetch; now: () => Date }): TokenSession {
  const fresh = (t: AccountViewTokens) => t.expiresAt.getTime() - o.now().getTime() > REFRESH_AHEAD_MS;
  // The last good tokens, so a long read does not hit the store per page. Safe to reuse: if another run has
  // rotated them meanwhile and AccountView refuses ours, replace() goes back to the store.
  let cached: AccountViewTokens | undefined;

  async function load(): Promise<AccountViewTokens> {
    const tokens = await o.store.load();
    if (!tokens) throw new AccountViewAuthError('not-connected', 'No AccountView tokens are stored for this store');
    return tokens;
  }

  function refreshUnless(stillGood: (latest: AccountViewTokens) => boolean): Promise<AccountViewTokens> {
    return o.store.withRefreshLock(async () => {
      // Re-read inside the lock: another run may have rotated the refresh token while we waited, and
      // spending the old one again would be reuse (AccountView may then revoke the whole connection).
      const latest = await load();
      if (stillGood(latest)) return latest;
      const rotated = await refreshTokens(o.config, latest, o.fetch, o.now());
      // Saved before first use: if we crashed after this line the store still holds the only valid refresh token.
      await o.store.save(rotated);
      return rotated;
    });
  }

  return {
    async current() {
      if (cached && fresh(cached)) return cached;
      const tokens = await load();
      cached = fresh(tokens) ? tokens : await refreshUnless(fresh);
      return cached;
    },
    async replace(staleAccessToken) {
      cached = await refreshUnless((latest) => latest.accessToken !== staleAccessToken && fresh(latest));
      return cached;
    },
  };
}
