import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { SimRuntime } from './runtime';
import { findUser, ownerOf } from './state';
import type { SignedPayloadClaims } from './types';

const DAY_SECONDS = 24 * 60 * 60;

/** Claims as BigCommerce sends them to load, uninstall and remove_user (reference §1.3). */
export function buildClaims(rt: SimRuntime, storeHash: string, userId: number): SignedPayloadClaims {
  const store = rt.state.stores[storeHash];
  if (!store) throw new Error(`Unknown store ${storeHash}`);
  const user = findUser(store, userId);
  if (!user) throw new Error(`Store ${storeHash} has no user ${userId}`);
  const owner = ownerOf(store);
  const iat = Math.floor(rt.now() / 1000);
  return {
    aud: rt.clientId,
    iss: 'bc',
    iat,
    nbf: iat,
    exp: iat + DAY_SECONDS,
    jti: randomUUID(),
    sub: `stores/${storeHash}`,
    user: { id: user.id, email: user.email, locale: 'nl-NL' },
    owner: { id: owner.id, email: owner.email },
    url: '/',
    channel_id: null,
  };
}

export function signPayload(
  rt: SimRuntime,
  storeHash: string,
  userId: number,
  overrides: Partial<SignedPayloadClaims> = {},
): string {
  const claims = { ...buildClaims(rt, storeHash, userId), ...overrides };
  // jsonwebtoken keeps a given iat; exp/nbf are passed as claims so overrides can make expired tokens.
  return jwt.sign(claims, rt.clientSecret, { algorithm: 'HS256' });
}
