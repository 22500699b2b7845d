import { html, SafeHtml } from './html';

const STYLES = `
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #313440; background: #f0f1f5; }
  .shell { display: flex; min-height: 100vh; }
  .sidebar { width: 232px; flex-shrink: 0; background: #1b1c2b; color: #c5c7d6; padding: 20px 0; }
  .sidebar .brand { color: #fff; font-weight: 700; font-size: 16px; padding: 0 20px 20px; }
  .sidebar .brand small { display: block; font-weight: 400; font-size: 11px; color: #8c8fa6; letter-spacing: .04em; text-transform: uppercase; }
  .sidebar a, .sidebar span.nav { display: block; padding: 8px 20px; color: #c5c7d6; text-decoration: none; }
  .sidebar a:hover { background: #2a2c40; color: #fff; }
  .sidebar a.active { background: #3c64f4; color: #fff; }
  .sidebar span.nav { color: #6d7089; }
  .content { flex: 1; min-width: 0; }
  .topbar { background: #fff; border-bottom: 1px solid #dfe1ea; padding: 16px 32px; display: flex; flex-wrap: wrap; gap: 8px 24px; align-items: baseline; }
  .topbar h1 { margin: 0; font-size: 20px; }
  .topbar .who { color: #5e637a; }
  .topbar .switch a { margin-right: 10px; color: #3c64f4; }
  .topbar .switch a.current { font-weight: 700; color: #313440; text-decoration: none; }
  main { padding: 24px 32px; }
  .card { background: #fff; border: 1px solid #dfe1ea; border-radius: 6px; padding: 20px 24px; margin-bottom: 20px; }
  .card h2 { margin: 0 0 12px; font-size: 16px; }
  .message { padding: 10px 16px; border-radius: 4px; margin-bottom: 20px; background: #e8eefe; border-left: 4px solid #3c64f4; }
  .message:empty { display: none; }
  .message.error { background: #fdecee; border-color: #db3643; }
  .message.success { background: #e6f6ee; border-color: #208831; }
  .app-row { display: flex; align-items: center; gap: 16px; flex-wrap: wrap; }
  .app-row .name { font-weight: 600; flex: 1; }
  .badge { font-size: 12px; padding: 2px 8px; border-radius: 10px; background: #e6e8ef; }
  .badge.on { background: #d4f1df; color: #1a6e2a; }
  button, .button { font: inherit; padding: 7px 16px; border-radius: 4px; border: 1px solid #3c64f4; background: #3c64f4; color: #fff; cursor: pointer; text-decoration: none; display: inline-block; }
  button.secondary { background: #fff; color: #db3643; border-color: #db3643; }
  form { display: inline; margin: 0; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 8px 6px; border-bottom: 1px solid #eceef4; }
  th { font-weight: 600; color: #5e637a; }
  .app-frame { display: block; width: 100%; height: 800px; border: 0; background: #fff; }
  .frame-card { padding: 0; overflow: hidden; }
`;

export function layout(title: string, sidebar: SafeHtml, body: SafeHtml): string {
  return `<!doctype html>${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · BigCommerce simulator</title>
<style>${new SafeHtml(STYLES)}</style>
</head>
<body>
<div class="shell">
<aside class="sidebar">
  <div class="brand">BigCommerce<small>Local simulator</small></div>
  ${sidebar}
</aside>
<div class="content">${body}</div>
</div>
</body>
</html>`.value}`;
}
