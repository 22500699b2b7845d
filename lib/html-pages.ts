/** The few pages the callbacks render themselves, before the React app takes over. */

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · AccountView connector</title>
<style>body{font-family:"Source Sans 3",system-ui,sans-serif;color:#313440;margin:0;padding:32px;background:#f6f7fc}
main{max-width:560px;background:#fff;border-radius:4px;padding:24px;box-shadow:0 1px 2px rgba(49,52,64,.2)}
h1{font-size:1.25rem;margin:0 0 12px}p{line-height:1.5;margin:0 0 8px}.code{color:#8c93ad;font-size:.85rem}</style>
</head><body><main>${body}</main></body></html>`;
}

/**
 * Hands the ticket to next-auth from inside the iframe. The ticket sits in the page body, not in a
 * URL, and the script that posts it is a static file, so a strict CSP needs no inline script.
 */
export function signInPage(ticket: string, next: string): string {
  return page(
    'Signing in',
    `<h1>Opening AccountView connector…</h1>
<form id="session-start" data-next="${escapeHtml(next)}"><input type="hidden" name="ticket" value="${escapeHtml(ticket)}"></form>
<p id="session-status" role="status">Signing you in.</p>
<noscript><p>This app needs JavaScript, as the BigCommerce control panel does.</p></noscript>
<script src="/session-start.js"></script>`,
  );
}

export function errorPage(status: number, code: string, title: string, hint: string): string {
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(hint)}</p><p class="code">Error ${status} · ${escapeHtml(code)}</p>`,
  );
}

/**
 * The last page of the AccountView consent window: it tells the app's iframe (its opener) that the
 * connection changed and closes itself; the iframe also polls, in case the opener link was cut.
 */
export function consentDonePage(outcome: 'connected' | 'failed', title: string, hint: string): string {
  return page(
    title,
    `<h1 data-outcome="${outcome}">${escapeHtml(title)}</h1><p>${escapeHtml(hint)}</p>
<script src="/consent-done.js" data-outcome="${outcome}"></script>`,
  );
}
