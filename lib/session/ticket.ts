import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { findStoreUser, spendToken } from '@/lib/db/queries/stores';

/**
 * A session ticket is the hand-off from a verified BigCommerce callback (install or load) to
 * next-auth's credentials provider. It lives for a minute, works once, and travels in the body of
 * the page the callback renders, never in a URL.
 */

const AUDIENCE = 'avbc:session-ticket';
const LIFETIME_S = 60;

export interface StoreSession {
  storeHash: string;
  userId: number;
  email: string;
  isOwner: boolean;
}

export const storeSessionSchema = z.object({
  storeHash: z.string().min(1),
  userId: z.number().int().positive(),
  email: z.string(),
  isOwner: z.boolean(),
});

const ticketClaims = z.object({
  jti: z.string().min(1),
  exp: z.number(),
  store: z.string().min(1),
  user: z.number().int().positive(),
});

export function issueSessionTicket(storeHash: string, userId: number, secret: string): string {
  return jwt.sign({ store: storeHash, user: userId }, secret, {
    algorithm: 'HS256',
    audience: AUDIENCE,
    expiresIn: LIFETIME_S,
    jwtid: randomUUID(),
  });
}

/** The session a valid, unspent ticket stands for, or null for anything else. */
export async function redeemSessionTicket(db: Db, ticket: unknown, secret: string): Promise<StoreSession | null> {
  if (typeof ticket !== 'string' || ticket.length === 0) return null;
  let claims: z.output<typeof ticketClaims>;
  try {
    claims = ticketClaims.parse(jwt.verify(ticket, secret, { algorithms: ['HS256'], audience: AUDIENCE }));
  } catch {
    return null;
  }
  const fresh = await spendToken(db, claims.store, `ticket:${claims.jti}`, new Date(claims.exp * 1000));
  if (!fresh) return null;
  const user = await findStoreUser(db, claims.store, claims.user);
  if (!user) return null;
  return { storeHash: user.storeHash, userId: user.userId, email: user.email, isOwner: user.isOwner };
}
