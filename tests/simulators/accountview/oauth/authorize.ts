import type { IncomingMessage, ServerResponse } from 'node:http';
import { redirect, sendHtml } from '../http';
import { findClient, type SimRuntime } from '../runtime';
import type { SimClient } from '../types';
import { consentPage, errorPage } from './consent-page';
import { grantedScope } from './scopes';
import { issueCode } from './tokens';

/** A real login page refuses to be framed; so does this one, so the app must open it top-level. */
const PAGE_HEADERS = { 'X-Frame-Options': 'DENY', 'Content-Security-Policy': "frame-ancestors 'none'" };

type Checked = { ok: true; client: SimClient; redirectUri: string } | { ok: false; message: string };

function checkClient(rt: SimRuntime, params: URLSearchParams): Checked {
  const client = findClient(rt, params.get('client_id') ?? undefined);
  if (!client) return { ok: false, message: 'Onbekende applicatie (client_id).' };
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!client.redirectUris.includes(redirectUri)) {
    return { ok: false, message: 'De redirect-URI is niet geregistreerd voor deze applicatie.' };
  }
  return { ok: true, client, redirectUri };
}

function back(res: ServerResponse, redirectUri: string, params: Record<string, string>, state: string | null): void {
  const target = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
  if (state !== null) target.searchParams.set('state', state);
  redirect(res, target.toString());
}

/**
 * `GET /ams/authorize.aspx` shows the consent page; `POST` is the Approve/Deny click. Errors about the client or
 * redirect URI are shown, never redirected (the URI is not trusted); everything else goes back to the app.
 */
export function handleAuthorize(rt: SimRuntime, req: IncomingMessage, res: ServerResponse, url: URL, rawBody: string): void {
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'POST') return sendHtml(res, 405, errorPage('Methode niet toegestaan.'), { Allow: 'GET, POST' });
  const params = method === 'POST' ? new URLSearchParams(rawBody) : url.searchParams;
  const checked = checkClient(rt, params);
  if (!checked.ok) return sendHtml(res, 400, errorPage(checked.message), PAGE_HEADERS);
  const state = params.get('state');

  if (params.get('response_type') !== 'code') {
    return back(res, checked.redirectUri, { error: 'unsupported_response_type' }, state);
  }
  const scope = grantedScope(params.get('scope') ?? undefined);
  if (scope === null) return back(res, checked.redirectUri, { error: 'invalid_scope' }, state);

  if (method === 'GET') {
    const page = consentPage({ client: checked.client, redirectUri: checked.redirectUri, scope, state }, rt.state.companies);
    return sendHtml(res, 200, page, PAGE_HEADERS);
  }
  switch (params.get('decision')) {
    case 'approve': {
      const code = issueCode(rt, { clientId: checked.client.clientId, redirectUri: checked.redirectUri, scope });
      return back(res, checked.redirectUri, { code }, state);
    }
    case 'deny':
      return back(res, checked.redirectUri, { error: 'access_denied' }, state);
    default:
      return sendHtml(res, 400, errorPage('Kies Toestaan of Weigeren.'), PAGE_HEADERS);
  }
}
