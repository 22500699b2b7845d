import jwt from 'jsonwebtoken';
import { z } from 'zod';
import { BigCommerceUnavailableError, SignedPayloadError, TokenExchangeError } from './errors';
import { signedPayloadClaims, tokenResponse, type SignedPayload, type TokenResponse } from './schemas';

/** The app's registration with BigCommerce, as set in the Developer Portal. */
export interface AppCredentials {
  clientId: string;
  clientSecret: string;
}

export interface CodeExchange {
  loginUrl: string;
  redirectUri: string;
  code: string;
  scope: string;
  context: string;
}

/**
 * Exchanges the install callback's grant code for the store's access token, exactly as BigCommerce
 * documents it: JSON body with client id and secret, grant type and the registered redirect URI.
 */
export async function exchangeCode(
  app: AppCredentials,
  exchange: CodeExchange,
  fetchImpl: typeof fetch = fetch,
): Promise<TokenResponse> {
  let response: Response;
  try {
    response = await fetchImpl(`${exchange.loginUrl}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({
        client_id: app.clientId,
        client_secret: app.clientSecret,
        code: exchange.code,
        context: exchange.context,
        scope: exchange.scope,
        grant_type: 'authorization_code',
        redirect_uri: exchange.redirectUri,
      }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (cause) {
    throw new BigCommerceUnavailableError('BigCommerce login could not be reached', { cause });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw new TokenExchangeError(response.status, describeOAuthError(body));
  const parsed = tokenResponse.safeParse(body);
  if (!parsed.success) throw new TokenExchangeError(response.status, 'the token response was not understood');
  return parsed.data;
}

const oauthError = z.looseObject({ error: z.string().optional(), error_description: z.string().optional() });

function describeOAuthError(body: unknown): string {
  const parsed = oauthError.safeParse(body);
  if (!parsed.success) return 'no reason given';
  return [parsed.data.error, parsed.data.error_description].filter(Boolean).join(': ') || 'no reason given';
}

/**
 * Verifies a `signed_payload_jwt` from the load, uninstall or remove_user callback: HS256 with the
 * client secret only (so `alg: none` and key confusion are refused), our client id as audience,
 * "bc" as issuer, within exp/nbf, and a `stores/{hash}` subject.
 */
export function verifySignedPayload(token: string | null | undefined, app: AppCredentials, now = new Date()): SignedPayload {
  if (!token) throw new SignedPayloadError('missing', 'No signed payload was sent');
  let claims: unknown;
  try {
    claims = jwt.verify(token, app.clientSecret, {
      algorithms: ['HS256'],
      audience: app.clientId,
      issuer: 'bc',
      clockTimestamp: Math.floor(now.getTime() / 1000),
      // BigCommerce's and our clocks may differ a little; a minute is plenty and still refuses stale tokens.
      clockTolerance: 60,
    });
  } catch (error) {
    throw classifyJwtError(error);
  }
  const parsed = signedPayloadClaims.safeParse(claims);
  if (!parsed.success) {
    const subjectWrong = parsed.error.issues.some((i) => i.path[0] === 'sub');
    throw subjectWrong
      ? new SignedPayloadError('wrong-subject', 'The signed payload does not name a store')
      : new SignedPayloadError('malformed', 'The signed payload is missing required claims');
  }
  return parsed.data;
}

function classifyJwtError(error: unknown): SignedPayloadError {
  if (error instanceof jwt.TokenExpiredError) return new SignedPayloadError('expired', 'The signed payload has expired');
  if (error instanceof jwt.NotBeforeError) return new SignedPayloadError('invalid', 'The signed payload is not valid yet');
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes('audience')) return new SignedPayloadError('wrong-audience', 'The signed payload is for another app');
  if (message.includes('issuer')) return new SignedPayloadError('wrong-issuer', 'The signed payload was not issued by BigCommerce');
  if (message.includes('malformed') || message.includes('invalid token') || message.includes('Unexpected token')) {
    return new SignedPayloadError('malformed', 'The signed payload is not a valid token');
  }
  return new SignedPayloadError('invalid', 'The signed payload signature is not valid');
}
