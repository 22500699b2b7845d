import { randomBytes, randomUUID } from 'node:crypto';
import { AUTH_CODE_TTL_MS, TOKEN_TYPE } from '../assumptions';
import type { SimRuntime } from '../runtime';
import type { AccessTokenRecord, IssueCodeInput, RefreshTokenRecord } from '../types';
import { grantedScope } from './scopes';

const opaque = () => randomBytes(24).toString('base64url');

/** What Approve does: a short-lived, single-use code bound to the client and redirect URI. */
export function issueCode(rt: SimRuntime, input: IssueCodeInput): string {
  const scope = grantedScope(input.scope);
  if (scope === null) throw new Error(`Unknown scope in "${input.scope}"`);
  const code = opaque();
  rt.state.codes.push({
    code,
    clientId: input.clientId,
    redirectUri: input.redirectUri,
    scope,
    expiresAt: rt.now() + AUTH_CODE_TTL_MS,
    used: false,
    family: randomUUID(),
  });
  return code;
}

export interface IssuedTokens {
  access: AccessTokenRecord;
  refresh: RefreshTokenRecord;
}

export function issueTokens(rt: SimRuntime, clientId: string, scope: string, family: string): IssuedTokens {
  const access: AccessTokenRecord = { token: opaque(), clientId, scope, family, expiresAt: rt.now() + rt.accessTokenTtlMs, revoked: false };
  const refresh: RefreshTokenRecord = { token: opaque(), clientId, scope, family, status: 'active' };
  rt.state.accessTokens.push(access);
  rt.state.refreshTokens.push(refresh);
  return { access, refresh };
}

export function tokenResponseBody(rt: SimRuntime, { access, refresh }: IssuedTokens) {
  return {
    access_token: access.token,
    token_type: TOKEN_TYPE,
    expires_in: Math.max(0, Math.round((access.expiresAt - rt.now()) / 1000)),
    refresh_token: refresh.token,
    scope: access.scope,
  };
}

/** Kills every token descending from one consent (used on code replay and refresh-token reuse). */
export function revokeFamily(rt: SimRuntime, family: string): void {
  for (const t of rt.state.accessTokens) if (t.family === family) t.revoked = true;
  for (const t of rt.state.refreshTokens) if (t.family === family) t.status = 'revoked';
}

export function validAccessToken(rt: SimRuntime, token: string): AccessTokenRecord | undefined {
  const record = rt.state.accessTokens.find((t) => t.token === token);
  if (!record || record.revoked || rt.now() >= record.expiresAt) return undefined;
  return record;
}

/** As a user withdrawing consent in AccountView.net: refresh tokens and unused codes stop working. */
export function revokeConsent(rt: SimRuntime, clientId?: string): void {
  for (const t of rt.state.refreshTokens) if (clientId === undefined || t.clientId === clientId) t.status = 'revoked';
  for (const c of rt.state.codes) if (clientId === undefined || c.clientId === clientId) c.used = true;
}

export function expireAccessTokens(rt: SimRuntime): void {
  const now = rt.now();
  for (const t of rt.state.accessTokens) t.expiresAt = Math.min(t.expiresAt, now);
}
