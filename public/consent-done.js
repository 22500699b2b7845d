// Last page of the AccountView consent window: tell the app (our opener) and close when it worked.
(() => {
  const outcome = document.currentScript && document.currentScript.dataset.outcome;
  try {
    if (window.opener) window.opener.postMessage({ type: 'accountview-consent', outcome }, window.location.origin);
  } catch {
    // The opener may be gone or cross-origin; the app polls for the result anyway.
  }
  if (outcome === 'connected') setTimeout(() => window.close(), 1500);
})();
