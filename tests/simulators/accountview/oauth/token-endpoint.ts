import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CODE_REUSE_REVOKES_FAMILY, REFRESH_REUSE_REVOKES_FAMILY } from '../assumptions';
import { sendJson } from '../http';
import { findClient, type SimRuntime } from '../runtime';
import type { SimClient } from '../types';
import { issueTokens, revokeFamily, tokenResponseBody } from './tokens';

type OAuthError = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type';

const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

function fail(res: ServerResponse, status: number, error: OAuthError, description: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error, error_description: description }, { ...NO_STORE, ...headers });
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Client credentials from HTTP Basic (reference §6) or the form body (PHP, GO's "broken auth header" mode). */
function clientCredentials(req: IncomingMessage, form: URLSearchParams): { id?: string; secret?: string; basic: boolean } {
  const header = req.headers.authorization ?? '';
  const m = /^basic\s+(.+)$/i.exec(header);
  if (m?.[1]) {
    const decoded = Buffer.from(m[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)), basic: true };
    }
  }
  return { id: form.get('client_id') ?? undefined, secret: form.get('client_secret') ?? undefined, basic: false };
}

function authorizationCodeGrant(rt: SimRuntime, res: ServerResponse, client: SimClient, form: URLSearchParams): void {
  const code = form.get('code');
  const redirectUri = form.get('redirect_uri');
  if (!code || !redirectUri) return fail(res, 400, 'invalid_request', 'code and redirect_uri are required');
  const grant = rt.state.codes.find((c) => c.code === code);
  if (!grant || grant.clientId !== client.clientId) return fail(res, 400, 'invalid_grant', 'The authorization code is unknown');
  if (grant.used) {
    if (CODE_REUSE_REVOKES_FAMILY) revokeFamily(rt, grant.family);
    return fail(res, 400, 'invalid_grant', 'The authorization code has already been used');
  }
  // Single use from the first attempt on, so a client cannot probe parameters with one code.
  grant.used = true;
  if (rt.now() >= grant.expiresAt) return fail(res, 400, 'invalid_grant', 'The authorization code has expired');
  if (redirectUri !== grant.redirectUri) return fail(res, 400, 'invalid_grant', 'redirect_uri does not match the authorization request');
  sendJson(res, 200, tokenResponseBody(rt, issueTokens(rt, client.clientId, grant.scope, grant.family)), NO_STORE);
}

function refreshTokenGrant(rt: SimRuntime, res: ServerResponse, client: SimClient, form: URLSearchParams): void {
  const presented = form.get('refresh_token');
  if (!presented) return fail(res, 400, 'invalid_request', 'refresh_token is required');
  const record = rt.state.refreshTokens.find((t) => t.token === presented);
  if (!record || record.clientId !== client.clientId) return fail(res, 400, 'invalid_grant', 'The refresh token is unknown');
  if (record.status === 'revoked') return fail(res, 400, 'invalid_grant', 'The refresh token has been revoked');
  if (record.status === 'rotated') {
    if (REFRESH_REUSE_REVOKES_FAMILY) revokeFamily(rt, record.family);
    return fail(res, 400, 'invalid_grant', 'The refresh token was already used; the connection has been revoked');
  }
  record.status = 'rotated';
  sendJson(res, 200, tokenResponseBody(rt, issueTokens(rt, client.clientId, record.scope, record.family)), NO_STORE);
}

/** `POST /api/v3/token`, form-encoded (reference §2). */
export function handleToken(rt: SimRuntime, req: IncomingMessage, res: ServerResponse, rawBody: string): void {
  if (req.method !== 'POST') return fail(res, 405, 'invalid_request', 'Use POST', { Allow: 'POST' });
  if (!(req.headers['content-type'] ?? '').toLowerCase().includes('application/x-www-form-urlencoded')) {
    return fail(res, 400, 'invalid_request', 'The body must be application/x-www-form-urlencoded');
  }
  const form = new URLSearchParams(rawBody);
  const creds = clientCredentials(req, form);
  const client = findClient(rt, creds.id);
  if (!client || !creds.secret || !sameSecret(creds.secret, client.clientSecret)) {
    // RFC 6749 §5.2: 401 with a challenge when the client tried Basic, 400 otherwise.
    return creds.basic
      ? fail(res, 401, 'invalid_client', 'Client authentication failed', { 'WWW-Authenticate': 'Basic realm="AccountView"' })
      : fail(res, 400, 'invalid_client', 'Client authentication failed');
  }
  switch (form.get('grant_type')) {
    case 'authorization_code':
      return authorizationCodeGrant(rt, res, client, form);
    case 'refresh_token':
      return refreshTokenGrant(rt, res, client, form);
    case null:
      return fail(res, 400, 'invalid_request', 'grant_type is required');
    default:
      return fail(res, 400, 'unsupported_grant_type', `grant_type "${form.get('grant_type') ?? ''}" is not supported`);
  }
}
