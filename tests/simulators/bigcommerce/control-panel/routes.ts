import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { readBody, sendHtml } from '../http';
import type { SimRuntime } from '../runtime';
import { findUser } from '../state';
import type { SimStore, SimUser } from '../types';
import { install, open, removeUser, uninstall, type ActionResult } from './actions';
import { errorPage, managePage, storeListPage } from './pages';

const userQuery = z.object({
  user: z.string().regex(/^\d+$/, 'user must be a numeric user id').transform(Number).optional(),
});

type Route =
  | { kind: 'home' }
  | { kind: 'manage'; hash: string }
  | { kind: 'install' | 'uninstall' | 'open'; hash: string }
  | { kind: 'remove-user'; hash: string; userId: number };

const ROUTES: { method: string; pattern: RegExp; build: (m: RegExpExecArray) => Route }[] = [
  { method: 'GET', pattern: /^\/$/, build: () => ({ kind: 'home' }) },
  { method: 'GET', pattern: /^\/manage\/([^/]+)\/?$/, build: (m) => ({ kind: 'manage', hash: m[1] ?? '' }) },
  { method: 'POST', pattern: /^\/manage\/([^/]+)\/apps\/install$/, build: (m) => ({ kind: 'install', hash: m[1] ?? '' }) },
  { method: 'POST', pattern: /^\/manage\/([^/]+)\/apps\/uninstall$/, build: (m) => ({ kind: 'uninstall', hash: m[1] ?? '' }) },
  { method: 'GET', pattern: /^\/manage\/([^/]+)\/apps\/open$/, build: (m) => ({ kind: 'open', hash: m[1] ?? '' }) },
  {
    method: 'POST',
    pattern: /^\/manage\/([^/]+)\/users\/(\d+)\/remove$/,
    build: (m) => ({ kind: 'remove-user', hash: m[1] ?? '', userId: Number(m[2]) }),
  },
];

function allStores(rt: SimRuntime): SimStore[] {
  return Object.values(rt.state.stores);
}

async function runAction(rt: SimRuntime, route: Route, store: SimStore, user: SimUser): Promise<ActionResult> {
  switch (route.kind) {
    case 'install':
      return install(rt, store, user);
    case 'open':
      return open(rt, store, user);
    case 'uninstall':
      return uninstall(rt, store, user);
    case 'remove-user':
      return removeUser(rt, store, user, route.userId);
    default:
      return { status: 200, view: { store, actingUser: user } };
  }
}

/** The merchant's control panel: plain HTML pages and form posts, enough for a person or Playwright. */
export async function handleControlPanel(rt: SimRuntime, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = req.method ?? 'GET';
  const matches = ROUTES.map((r) => ({ r, m: r.pattern.exec(url.pathname) })).filter((x) => x.m !== null);
  const found = matches.find((x) => x.r.method === method);
  if (!found?.m) {
    const status = matches.length > 0 ? 405 : 404;
    return sendHtml(res, status, errorPage(status === 405 ? 'Method not allowed' : 'Not found', `${method} ${url.pathname}`, allStores(rt)));
  }
  // Form posts carry no fields we need, but the body must be consumed before answering.
  if (method === 'POST') await readBody(req);

  const route = found.r.build(found.m);
  if (route.kind === 'home') return sendHtml(res, 200, storeListPage(allStores(rt)));

  const store = rt.state.stores[decodeURIComponent(route.hash)];
  if (!store) return sendHtml(res, 404, errorPage('Store not found', `There is no store "${route.hash}".`, allStores(rt)));
  const query = userQuery.safeParse({ user: url.searchParams.get('user') ?? undefined });
  if (!query.success) {
    return sendHtml(res, 400, errorPage('Bad request', query.error.issues.map((i) => i.message).join('; '), allStores(rt)));
  }
  const user = findUser(store, query.data.user ?? store.ownerId);
  if (!user) return sendHtml(res, 404, errorPage('User not found', `Store ${store.info.name} has no user ${query.data.user}.`, allStores(rt)));

  const result = await runAction(rt, route, store, user);
  sendHtml(res, result.status, managePage(result.view, allStores(rt)));
}
