import { SIM_USER } from '../assumptions';
import { html, SafeHtml } from '../html';
import type { SimClient, SimCompany } from '../types';
import { SCOPE_LABELS } from './scopes';

const STYLES = `
  * { box-sizing: border-box; }
  body { margin: 0; font: 15px/1.5 "Segoe UI", system-ui, sans-serif; color: #1d2433; background: #eef1f6; }
  header { background: #00355f; color: #fff; padding: 14px 32px; font-weight: 600; letter-spacing: .02em; }
  header small { font-weight: 400; opacity: .75; margin-left: 8px; }
  main { max-width: 620px; margin: 40px auto; background: #fff; border-radius: 8px; padding: 28px 32px; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
  h1 { font-size: 21px; margin: 0 0 12px; }
  ul { padding-left: 20px; }
  table { border-collapse: collapse; width: 100%; margin: 8px 0 20px; }
  th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #e3e7ee; }
  th { color: #5b6478; font-weight: 600; }
  .who { color: #5b6478; margin-bottom: 18px; }
  .actions { display: flex; gap: 12px; margin-top: 24px; }
  button { font: inherit; padding: 9px 22px; border-radius: 4px; cursor: pointer; border: 1px solid #00355f; }
  .approve { background: #00355f; color: #fff; }
  .deny { background: #fff; color: #00355f; }
  .error { border-left: 4px solid #c4262e; padding-left: 14px; }
`;

function page(title: string, body: SafeHtml): string {
  return `<!doctype html>${html`<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · AccountView.Net</title>
<style>${new SafeHtml(STYLES)}</style>
</head>
<body>
<header>AccountView.Net <small>simulator</small></header>
<main>${body}</main>
</body>
</html>`.value}`;
}

export interface ConsentRequest {
  client: SimClient;
  redirectUri: string;
  scope: string;
  state: string | null;
}

/** The page a person sees: who asks, for what, over which companies; Approve or Deny post back here. */
export function consentPage(request: ConsentRequest, companies: readonly SimCompany[]): string {
  const appName = request.client.name ?? request.client.clientId;
  const scopes = request.scope.split(' ').map((s) => html`<li>${SCOPE_LABELS[s] ?? s}</li>`);
  const rows = companies.map((c) => html`<tr><td data-testid="av-company-code">${c.code}</td><td>${c.description}</td></tr>`);
  return page(
    'Toegang verlenen',
    html`<h1>${appName} wil toegang tot AccountView</h1>
<p class="who">Aangemeld als <strong data-testid="av-user">${SIM_USER.name}</strong> (${SIM_USER.email})</p>
<p>De applicatie vraagt om:</p>
<ul data-testid="av-scopes">${scopes}</ul>
<p>U hebt toegang tot deze ondernemingen:</p>
<table data-testid="av-companies"><thead><tr><th>Code</th><th>Onderneming</th></tr></thead><tbody>${rows}</tbody></table>
<form method="post" action="/ams/authorize.aspx">
  <input type="hidden" name="response_type" value="code">
  <input type="hidden" name="client_id" value="${request.client.clientId}">
  <input type="hidden" name="redirect_uri" value="${request.redirectUri}">
  <input type="hidden" name="scope" value="${request.scope}">
  ${request.state === null ? '' : html`<input type="hidden" name="state" value="${request.state}">`}
  <div class="actions">
    <button class="approve" type="submit" name="decision" value="approve" data-testid="av-approve">Toestaan</button>
    <button class="deny" type="submit" name="decision" value="deny" data-testid="av-deny">Weigeren</button>
  </div>
</form>`,
  );
}

/** Shown instead of redirecting when the client or redirect URI cannot be trusted (RFC 6749 §4.1.2.1). */
export function errorPage(message: string): string {
  return page('Fout', html`<div class="error" data-testid="av-error"><h1>De aanvraag is ongeldig</h1><p>${message}</p></div>`);
}
