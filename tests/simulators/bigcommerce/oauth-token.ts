import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { BodyTooLargeError, readBody, sendJson } from './http';
import { authCallbackUrl, type SimRuntime } from './runtime';
import { findUser, ownerOf } from './state';

const tokenRequest = z.object({
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  code: z.string().min(1),
  context: z.string().min(1),
  scope: z.string().min(1),
  // Checked after the code is consumed, so a wrong value still burns the code like any failed attempt.
  grant_type: z.string().min(1),
  redirect_uri: z.string().min(1),
});

type OAuthError = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type';

function fail(res: ServerResponse, status: number, error: OAuthError, description: string): void {
  sendJson(res, status, { error, error_description: description });
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function parseBody(contentType: string, raw: string): unknown {
  if (contentType.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(raw).entries());
  }
  return JSON.parse(raw) as unknown;
}

/** `POST /oauth2/token` on login.bigcommerce.com (reference §1.2). */
export async function handleTokenRequest(rt: SimRuntime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return fail(res, 405, 'invalid_request', 'Use POST for the token exchange');
  }
  let body: unknown;
  try {
    body = parseBody(req.headers['content-type'] ?? '', await readBody(req));
  } catch (err) {
    const why = err instanceof BodyTooLargeError ? err.message : 'Request body is not valid JSON';
    return fail(res, 400, 'invalid_request', why);
  }
  const parsed = tokenRequest.safeParse(body);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.') || '(body)').join(', ');
    return fail(res, 400, 'invalid_request', `Missing or invalid parameters: ${fields}`);
  }
  const p = parsed.data;

  if (p.client_id !== rt.clientId || !sameSecret(p.client_secret, rt.clientSecret)) {
    return fail(res, 401, 'invalid_client', 'Client authentication failed: unknown client_id or wrong client_secret');
  }

  const grant = rt.state.grants.find((g) => g.code === p.code);
  if (!grant) return fail(res, 400, 'invalid_grant', 'The authorization code is unknown');
  if (grant.used) return fail(res, 400, 'invalid_grant', 'The authorization code has already been used');
  // Single use from the first attempt on, so a client cannot probe parameters with one code.
  grant.used = true;
  if (rt.now() > grant.expiresAt) return fail(res, 400, 'invalid_grant', 'The authorization code has expired');

  if (p.grant_type !== 'authorization_code') {
    return fail(res, 400, 'unsupported_grant_type', `grant_type must be "authorization_code", got "${p.grant_type}"`);
  }
  const expectedRedirect = authCallbackUrl(rt);
  if (p.redirect_uri !== expectedRedirect) {
    return fail(res, 400, 'invalid_grant', `redirect_uri must equal the registered auth callback ${expectedRedirect}`);
  }
  if (p.context !== grant.context) {
    return fail(res, 400, 'invalid_grant', `context "${p.context}" does not match the grant's context "${grant.context}"`);
  }

  const store = rt.state.stores[grant.storeHash];
  const user = store && findUser(store, grant.userId);
  if (!store || !user) return fail(res, 400, 'invalid_grant', 'The store or user of this grant no longer exists');
  const owner = ownerOf(store);

  // A re-install issues a new token and the old one stops working: simpler than BigCommerce, and stricter.
  store.accessToken = randomBytes(16).toString('hex');
  store.installed = true;
  store.installedAt = new Date(rt.now()).toISOString();
  store.installedByUserId = user.id;
  store.grantedScope = grant.scope;

  sendJson(res, 200, {
    access_token: store.accessToken,
    scope: grant.scope,
    user: { id: user.id, username: user.username, email: user.email },
    owner: { id: owner.id, username: owner.username, email: owner.email },
    context: grant.context,
    account_uuid: grant.accountUuid,
  });
}
