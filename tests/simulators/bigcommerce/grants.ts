import { randomBytes } from 'node:crypto';
import { APP_ACCOUNT_UUID, type SimRuntime } from './runtime';
import { findUser } from './state';
import type { Grant, IssuedGrant } from './types';

export const GRANT_TTL_MS = 5 * 60 * 1000;

/** What clicking Install does on BigCommerce: a short-lived, single-use code for (store, user). */
export function issueGrant(rt: SimRuntime, storeHash: string, userId: number): IssuedGrant {
  const store = rt.state.stores[storeHash];
  if (!store) throw new Error(`Unknown store ${storeHash}`);
  if (!findUser(store, userId)) throw new Error(`Store ${storeHash} has no user ${userId}`);
  const grant: Grant = {
    code: randomBytes(16).toString('hex'),
    storeHash,
    userId,
    scope: rt.scopes.join(' '),
    context: `stores/${storeHash}`,
    accountUuid: APP_ACCOUNT_UUID,
    expiresAt: rt.now() + GRANT_TTL_MS,
    used: false,
  };
  rt.state.grants.push(grant);
  return { code: grant.code, scope: grant.scope, context: grant.context, accountUuid: grant.accountUuid };
}

/** The query string BigCommerce's control panel puts on the app's auth callback URL. */
export function authCallbackQuery(grant: IssuedGrant): string {
  return new URLSearchParams({
    code: grant.code,
    scope: grant.scope,
    context: grant.context,
    account_uuid: grant.accountUuid,
  }).toString();
}
