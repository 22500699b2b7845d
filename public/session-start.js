// Turns the one-time ticket on this page into a next-auth session, inside the control panel's
// iframe, then opens the app. Served as a static file so the CSP can forbid inline scripts.
(async () => {
  const form = document.getElementById('session-start');
  const status = document.getElementById('session-status');
  if (!form) return;
  const fail = (text) => {
    if (status) status.textContent = text;
  };
  try {
    const csrf = await fetch('/api/session/csrf', { credentials: 'same-origin' }).then((r) => r.json());
    const body = new URLSearchParams({
      csrfToken: csrf.csrfToken,
      ticket: form.elements.namedItem('ticket').value,
      json: 'true',
    });
    const res = await fetch('/api/session/callback/bigcommerce', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    });
    const result = await res.json().catch(() => ({}));
    if (!res.ok || (typeof result.url === 'string' && result.url.includes('error='))) {
      fail('Signing in did not work. Open the app again from your BigCommerce control panel.');
      return;
    }
    window.location.replace(form.dataset.next || '/');
  } catch {
    fail('Signing in did not work. Check your connection and open the app again from the control panel.');
  }
})();
