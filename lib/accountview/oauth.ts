import { AccountViewAuthError, AccountViewConsentRefusedError, AccountViewError, AccountViewUnavailableError } from './errors';
import { avError } from './http';
import { oauthErrorBody, tokenResponse } from './schemas';
import type { AccountViewConfig, AccountViewTokens } from './types';

/** Read plus write (reference §2: scopes are space-separated). Delete is never asked for. */
export const DEFAULT_SCOPE = 'readaccountviewdata updateaccountviewdata';
export const WRITE_SCOPE = 'updateaccountviewdata';

/** AccountView does not say how long access tokens live (reference §2 [?]); without expires_in, assume an hour and let a 401 correct us. */
const ASSUMED_LIFETIME_S = 3600;
const TOKEN_TIMEOUT_MS = 30_000;

/** The host root without a trailing slash; tolerates a configured `/api/v3` suffix. */
export function hostRoot(config: AccountViewConfig): string {
  return config.baseUrl.replace(/\/+$/, '').replace(/\/api\/v3$/i, '');
}

export function apiBase(config: AccountViewConfig): string {
  return `${hostRoot(config)}/api/v3`;
}

/** Where to send the merchant to approve the app (reference §2); open it top-level, the page refuses frames. */
export function authorizeUrl(config: AccountViewConfig, state: string, scope: string = DEFAULT_SCOPE): string {
  const url = new URL(`${hostRoot(config)}/ams/authorize.aspx`);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('redirect_uri', config.redirectUri);
  url.searchParams.set('scope', scope);
  url.searchParams.set('state', state);
  return url.toString();
}

/**
 * The code from AccountView's redirect, or AccountViewConsentRefusedError when it sent `error=` instead.
 * Checking `state` is the caller's job (it knows what it issued).
 */
export function authorizationCodeFrom(params: URLSearchParams): string {
  const error = params.get('error');
  if (error) throw new AccountViewConsentRefusedError(error);
  const code = params.get('code');
  if (!code) throw new AccountViewConsentRefusedError('no_code');
  return code;
}

type Grant = { grant_type: 'authorization_code'; code: string; redirect_uri: string } | { grant_type: 'refresh_token'; refresh_token: string };

async function postToken(config: AccountViewConfig, grant: Grant, fetchImpl: typeof fetch, now: Date, previousScope?: string): Promise<AccountViewTokens> {
  // Client credentials in the body, as PHP does and GO's "broken auth header" setting implies (reference §2).
  const form = new URLSearchParams({ ...grant, client_id: config.clientId, client_secret: config.clientSecret });
  const context = `POST /token (${grant.grant_type})`;
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(`${apiBase(config)}/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: form.toString(),
      signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
    });
    text = await response.text();
  } catch (cause) {
    // Not retried here: a refresh that reached AccountView may have rotated the token already (see client.ts).
    throw new AccountViewUnavailableError(`${context}: AccountView could not be reached`, { cause });
  }
  let body: unknown;
  try {
    body = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    body = undefined;
  }
  if (response.status >= 500 || response.status === 429 || response.status === 408) {
    throw new AccountViewUnavailableError(`${context}: AccountView answered ${response.status}`, { status: response.status });
  }
  if (!response.ok) throw tokenRefusal(grant, response.status, body, context);
  const inBody = avError(body, response.status, context);
  if (inBody) throw inBody;
  const parsed = tokenResponse.safeParse(body);
  if (!parsed.success) {
    throw new AccountViewUnavailableError(`${context}: AccountView sent a token answer that could not be read`, { status: response.status });
  }
  const t = parsed.data;
  return {
    accessToken: t.access_token,
    refreshToken: t.refresh_token,
    expiresAt: new Date(now.getTime() + (t.expires_in ?? ASSUMED_LIFETIME_S) * 1000),
    scope: t.scope ?? previousScope,
  };
}

function tokenRefusal(grant: Grant, status: number, body: unknown, context: string): AccountViewError {
  const parsed = oauthErrorBody.safeParse(body);
  const error = parsed.success ? parsed.data.error : `HTTP ${status}`;
  const message = `${context} refused: ${error}${parsed.success && parsed.data.error_description ? ` (${parsed.data.error_description})` : ''}`;
  if (error === 'invalid_client' || error === 'unauthorized_client') return new AccountViewAuthError('client-refused', message, { status });
  if (error === 'invalid_grant' || status === 400 || status === 401) {
    return new AccountViewAuthError(grant.grant_type === 'refresh_token' ? 'refresh-refused' : 'code-refused', message, { status });
  }
  return avError(body, status, context) ?? new AccountViewError(message, { status });
}

/** Trades the code from AccountView's redirect for the first tokens; the caller saves them. */
export function exchangeAuthorizationCode(config: AccountViewConfig, code: string, fetchImpl: typeof fetch = fetch): Promise<AccountViewTokens> {
  return postToken(config, { grant_type: 'authorization_code', code, redirect_uri: config.redirectUri }, fetchImpl, new Date());
}

/** One rotation: the answer carries a NEW refresh token and the old one is dead from now on. */
export function refreshTokens(config: AccountViewConfig, current: AccountViewTokens, fetchImpl: typeof fetch, now: Date): Promise<AccountViewTokens> {
  return postToken(config, { grant_type: 'refresh_token', refresh_token: current.refreshToken }, fetchImpl, now, current.scope);
}
