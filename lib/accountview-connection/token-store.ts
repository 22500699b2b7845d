import type { AccountViewTokens, TokenStore } from '@/lib/accountview';
import type { Database } from '@/lib/db/client';
import { findAccountViewConnection, saveRotatedTokens, type SealedTokens } from '@/lib/db/queries/accountview-connections';
import { decryptSecret, encryptSecret } from '@/lib/security/secrets';

/** Seals tokens for one store's row; the store hash is bound in, so rows can't be swapped. */
export function sealTokens(tokens: AccountViewTokens, key: string, storeHash: string): SealedTokens {
  return {
    accessTokenEncrypted: encryptSecret(tokens.accessToken, key, storeHash),
    refreshTokenEncrypted: encryptSecret(tokens.refreshToken, key, storeHash),
    accessExpiresAt: tokens.expiresAt,
    scope: tokens.scope ?? null,
  };
}

export class ConnectionRemovedError extends Error {
  override name = 'ConnectionRemovedError';
  constructor(readonly storeHash: string) {
    super('AccountView was disconnected while a call was under way');
  }
}

/**
 * The AccountView client's token port over the database. Refreshes for one store are serialised by a
 * database lock, so two runs (even in two processes) never spend the same rotating refresh token.
 */
export function databaseTokenStore(database: Database, storeHash: string, key: string): TokenStore {
  return {
    async load() {
      const row = await findAccountViewConnection(database.db, storeHash);
      if (!row) return undefined;
      return {
        accessToken: decryptSecret(row.accessTokenEncrypted, key, storeHash),
        refreshToken: decryptSecret(row.refreshTokenEncrypted, key, storeHash),
        expiresAt: row.accessExpiresAt,
        scope: row.scope ?? undefined,
      };
    },
    async save(tokens) {
      if (!(await saveRotatedTokens(database.db, storeHash, sealTokens(tokens, key, storeHash)))) {
        throw new ConnectionRemovedError(storeHash);
      }
    },
    withRefreshLock: (fn) => database.lock(`accountview-refresh:${storeHash}`, fn),
  };
}
