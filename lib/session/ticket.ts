import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { findStoreUser } from '@/lib/db/queries/stores';
import { issueOneTimeToken, redeemOneTimeToken } from '@/lib/security/one-time-token';

/**
 * A session ticket is the hand-off from a verified BigCommerce callback (install or load) to
 * next-auth's credentials provider. It lives for a minute, works once, and travels in the body of
 * the page the callback renders, never in a URL.
 */

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

export function issueSessionTicket(storeHash: string, userId: number, secret: string): string {
  return issueOneTimeToken('session-ticket', { storeHash, userId }, secret, LIFETIME_S);
}

/** The session a valid, unspent ticket stands for, or null for anything else. */
export async function redeemSessionTicket(db: Db, ticket: unknown, secret: string): Promise<StoreSession | null> {
  const who = await redeemOneTimeToken(db, 'session-ticket', ticket, secret);
  if (!who) return null;
  const user = await findStoreUser(db, who.storeHash, who.userId);
  if (!user) return null;
  return { storeHash: user.storeHash, userId: user.userId, email: user.email, isOwner: user.isOwner };
}
