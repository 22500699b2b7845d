import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { spendToken } from '@/lib/db/queries/stores';

/**
 * Short-lived, single-use tokens that name a store user, signed with the app's session secret: the
 * hand-off from a verified callback to next-auth, and the OAuth `state` of the AccountView consent.
 * The purpose is the JWT audience, so a token minted for one use is refused for the other.
 */
export type OneTimePurpose = 'session-ticket' | 'accountview-connect';

const claimsSchema = z.object({
  jti: z.string().min(1),
  exp: z.number(),
  store: z.string().min(1),
  user: z.number().int().positive(),
});

export function issueOneTimeToken(
  purpose: OneTimePurpose,
  who: { storeHash: string; userId: number },
  secret: string,
  lifetimeSeconds: number,
): string {
  return jwt.sign({ store: who.storeHash, user: who.userId }, secret, {
    algorithm: 'HS256',
    audience: `avbc:${purpose}`,
    expiresIn: lifetimeSeconds,
    jwtid: randomUUID(),
  });
}

/** The store user a valid, unexpired, unspent token names, spending it; null for anything else. */
export async function redeemOneTimeToken(
  db: Db,
  purpose: OneTimePurpose,
  token: unknown,
  secret: string,
): Promise<{ storeHash: string; userId: number } | null> {
  if (typeof token !== 'string' || token.length === 0) return null;
  let claims: z.output<typeof claimsSchema>;
  try {
    claims = claimsSchema.parse(jwt.verify(token, secret, { algorithms: ['HS256'], audience: `avbc:${purpose}` }));
  } catch {
    return null;
  }
  const fresh = await spendToken(db, claims.store, `${purpose}:${claims.jti}`, new Date(claims.exp * 1000));
  return fresh ? { storeHash: claims.store, userId: claims.user } : null;
}
