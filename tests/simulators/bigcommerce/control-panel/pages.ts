import { hasAppAccess } from '../state';
import type { SimStore, SimUser } from '../types';
import { html, type SafeHtml } from './html';
import { layout } from './layout';

export const APP_NAME = 'AccountView connector';

export interface CpMessage {
  text: string;
  tone: 'info' | 'success' | 'error';
}

export interface ManagePageView {
  store: SimStore;
  actingUser: SimUser;
  message?: CpMessage;
  /** The app's iframe: its auth callback right after Install, its load callback on Open. */
  frameSrc?: string;
  /** Between Install and the app's code exchange; the store is not installed yet. */
  installing?: boolean;
}

function manageUrl(store: SimStore, userId: number, action = ''): string {
  return `/manage/${encodeURIComponent(store.hash)}${action}?user=${userId}`;
}

function sidebarFor(stores: SimStore[], current?: { store: SimStore; userId: number }): SafeHtml {
  return html`
  <a href="/" class="${current ? '' : 'active'}">All stores</a>
  ${current
    ? html`<span class="nav">Orders</span><span class="nav">Products</span><span class="nav">Customers</span>
  <a href="${manageUrl(current.store, current.userId)}" class="active">Apps</a>`
    : ''}
  <div style="margin-top:24px">${stores.map(
    (s) => html`<a href="/manage/${encodeURIComponent(s.hash)}" data-testid="store-link-${s.hash}">${s.info.name}</a>`,
  )}</div>`;
}

export function storeListPage(stores: SimStore[]): string {
  const rows = stores.map(
    (s) => html`<tr>
      <td><a href="/manage/${encodeURIComponent(s.hash)}" data-testid="manage-${s.hash}">${s.info.name}</a></td>
      <td><code>${s.hash}</code></td>
      <td>${s.info.country}</td>
      <td>${s.installed ? html`<span class="badge on">Installed</span>` : html`<span class="badge">Not installed</span>`}</td>
    </tr>`,
  );
  const body = html`<header class="topbar"><h1>Stores</h1></header>
  <main><section class="card"><h2>Your stores</h2>
  <table><thead><tr><th>Store</th><th>Store hash</th><th>Country</th><th>${APP_NAME}</th></tr></thead>
  <tbody>${rows}</tbody></table></section></main>`;
  return layout('Stores', sidebarFor(stores), body);
}

function appCard(view: ManagePageView): SafeHtml {
  const { store, actingUser } = view;
  let controls: SafeHtml;
  if (store.installed) {
    controls = html`<span class="badge on" data-testid="app-status">Installed</span>
      <a class="button" data-testid="open-app" href="${manageUrl(store, actingUser.id, '/apps/open')}">Open</a>
      <form method="post" action="${manageUrl(store, actingUser.id, '/apps/uninstall')}">
        <button type="submit" class="secondary" data-testid="uninstall-button">Uninstall</button>
      </form>`;
  } else if (view.installing) {
    controls = html`<span class="badge" data-testid="app-status">Installing…</span>`;
  } else {
    controls = html`<span class="badge" data-testid="app-status">Not installed</span>
      <form method="post" action="${manageUrl(store, actingUser.id, '/apps/install')}">
        <button type="submit" data-testid="install-button">Install</button>
      </form>`;
  }
  return html`<section class="card" data-testid="app-card"><h2>Apps › My apps</h2>
    <div class="app-row"><span class="name">${APP_NAME}</span>${controls}</div></section>`;
}

function usersCard(view: ManagePageView): SafeHtml {
  const { store, actingUser } = view;
  if (!store.installed) return html``;
  const rows = store.users.map((u) => {
    const owner = u.id === store.ownerId;
    const access = hasAppAccess(store, u.id);
    const action = owner || !access
      ? ''
      : html`<form method="post" action="/manage/${encodeURIComponent(store.hash)}/users/${u.id}/remove?user=${actingUser.id}">
          <button type="submit" class="secondary" data-testid="remove-user-${u.id}">Remove user</button></form>`;
    return html`<tr data-testid="user-row-${u.id}">
      <td>${u.username}</td><td>${u.email}</td><td>${owner ? 'Store owner' : 'Staff'}</td>
      <td>${access ? 'Has access' : 'No access'}</td><td>${action}</td></tr>`;
  });
  return html`<section class="card" data-testid="app-users"><h2>Users with access to ${APP_NAME}</h2>
    <table><thead><tr><th>Name</th><th>Email</th><th>Role</th><th>App access</th><th></th></tr></thead>
    <tbody>${rows}</tbody></table></section>`;
}

export function managePage(view: ManagePageView, allStores: SimStore[]): string {
  const { store, actingUser, message } = view;
  const switches = store.users.map(
    (u) => html`<a href="${manageUrl(store, u.id)}" data-testid="switch-user-${u.id}"
      class="${u.id === actingUser.id ? 'current' : ''}">${u.username}</a>`,
  );
  const frame = view.frameSrc
    ? html`<section class="card frame-card"><iframe data-testid="app-frame" name="app" class="app-frame"
        title="${APP_NAME}" src="${view.frameSrc}" allow="clipboard-read; clipboard-write"></iframe></section>`
    : '';
  const body = html`<header class="topbar">
    <h1 data-testid="store-name">${store.info.name}</h1>
    <span class="who" data-testid="signed-in-as">Signed in as ${actingUser.email}</span>
    <span class="switch">Switch user: ${switches}</span>
  </header>
  <main>
    <div class="message ${message?.tone ?? ''}" data-testid="cp-message" role="status">${message?.text ?? ''}</div>
    ${frame}
    ${appCard(view)}
    ${usersCard(view)}
  </main>`;
  return layout(store.info.name, sidebarFor(allStores, { store, userId: actingUser.id }), body);
}

export function errorPage(title: string, text: string, allStores: SimStore[]): string {
  const body = html`<header class="topbar"><h1>${title}</h1></header>
  <main><div class="message error" data-testid="cp-message" role="status">${text}</div></main>`;
  return layout(title, sidebarFor(allStores), body);
}
