import { describeOutcome, notifyApp } from '../app-callbacks';
import { authCallbackQuery, issueGrant } from '../grants';
import type { SimRuntime } from '../runtime';
import { signPayload } from '../signed-payload';
import { findUser, hasAppAccess } from '../state';
import type { SimStore, SimUser } from '../types';
import { APP_NAME, type ManagePageView } from './pages';

/** A control panel action's result: the page to show and the HTTP status to show it with. */
export interface ActionResult {
  status: number;
  view: ManagePageView;
}

function refused(store: SimStore, actingUser: SimUser, text: string): ActionResult {
  return { status: 409, view: { store, actingUser, message: { text, tone: 'error' } } };
}

export function install(rt: SimRuntime, store: SimStore, actingUser: SimUser): ActionResult {
  const grant = issueGrant(rt, store.hash, actingUser.id);
  return {
    status: 200,
    view: {
      store,
      actingUser,
      installing: !store.installed,
      frameSrc: `${rt.appUrl}/api/bigcommerce/auth?${authCallbackQuery(grant)}`,
      message: { text: `Installing ${APP_NAME}…`, tone: 'info' },
    },
  };
}

export function open(rt: SimRuntime, store: SimStore, actingUser: SimUser): ActionResult {
  if (!store.installed) return refused(store, actingUser, `${APP_NAME} is not installed on this store.`);
  if (!hasAppAccess(store, actingUser.id)) {
    return refused(store, actingUser, `${actingUser.username} has no access to ${APP_NAME}. Ask the store owner.`);
  }
  const query = new URLSearchParams({ signed_payload_jwt: signPayload(rt, store.hash, actingUser.id) });
  return { status: 200, view: { store, actingUser, frameSrc: `${rt.appUrl}/api/bigcommerce/load?${query.toString()}` } };
}

export async function uninstall(rt: SimRuntime, store: SimStore, actingUser: SimUser): Promise<ActionResult> {
  if (!store.installed) return refused(store, actingUser, `${APP_NAME} is not installed on this store.`);
  // Revoke before notifying: the app must not count on its token still working inside its uninstall callback.
  store.installed = false;
  store.installedAt = null;
  store.installedByUserId = null;
  store.accessToken = null;
  store.grantedScope = null;
  store.usersWithoutAccess = [];
  // BigCommerce deletes the app's webhooks with it (reference §2.2).
  store.data.hooks = [];
  rt.state.grants = rt.state.grants.filter((g) => g.storeHash !== store.hash);
  const callback = await notifyApp(rt, 'uninstall', store.hash, actingUser.id, actingUser.id);
  const tone = callback.status !== null && callback.status < 400 ? 'success' : 'error';
  return { status: 200, view: { store, actingUser, message: { text: `App uninstalled (${describeOutcome(callback)})`, tone } } };
}

export async function removeUser(rt: SimRuntime, store: SimStore, actingUser: SimUser, userId: number): Promise<ActionResult> {
  const user = findUser(store, userId);
  if (!store.installed) return refused(store, actingUser, `${APP_NAME} is not installed on this store.`);
  if (!user) return refused(store, actingUser, `This store has no user ${userId}.`);
  if (user.id === store.ownerId) return refused(store, actingUser, 'The store owner cannot be removed from the app.');
  if (!hasAppAccess(store, user.id)) return refused(store, actingUser, `${user.username} already has no access.`);
  store.usersWithoutAccess.push(user.id);
  const callback = await notifyApp(rt, 'remove-user', store.hash, user.id, actingUser.id);
  const tone = callback.status !== null && callback.status < 400 ? 'success' : 'error';
  const text = `${user.username} was removed from ${APP_NAME} (${describeOutcome(callback)})`;
  return { status: 200, view: { store, actingUser, message: { text, tone } } };
}
