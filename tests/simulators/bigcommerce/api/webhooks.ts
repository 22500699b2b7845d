import { isIP } from 'node:net';
import { z } from 'zod';
import { nextId } from '../store-data';
import type { Webhook } from '../webhooks/types';
import { idParam } from './catalog-common';
import { ApiError, validate } from './errors';
import { v3List, v3One } from './paging';
import { bool, parseQuery } from './query';
import type { ApiRequest, ApiRoute } from './route';

/** At most 10 hooks per store, client and scope (reference §2.2). */
const MAX_HOOKS_PER_SCOPE = 10;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

// `events_history_enabled` was removed from the live API (bigcommerce/docs#506): accepted and ignored.
const hookFields = z.object({
  scope: z.string().min(1),
  destination: z.string().min(1),
  is_active: z.boolean().optional(),
  headers: z.record(z.string(), z.string()).nullable().optional(),
  events_history_enabled: z.boolean().optional(),
});
const hookUpdate = hookFields.partial();

/**
 * HTTPS on port 443 only, as BigCommerce demands; loopback destinations are allowed on any port and
 * over plain HTTP so tests and the demo can receive callbacks locally.
 */
function destinationProblem(destination: string): string | null {
  let url: URL;
  try {
    url = new URL(destination);
  } catch {
    return 'The destination must be an absolute URL.';
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname) || (isIP(url.hostname) === 4 && url.hostname.startsWith('127.'));
  if (loopback && (url.protocol === 'http:' || url.protocol === 'https:')) return null;
  if (url.protocol !== 'https:') return 'The destination must use HTTPS.';
  if (url.port !== '' && url.port !== '443') return 'The destination must be served on port 443; custom ports are not supported.';
  return null;
}

function scopeProblem(req: ApiRequest, scope: string): string | null {
  const known = req.rt.bodyValidators.webhookScopes();
  const ok = known && known.length > 0 ? known.includes(scope) : /^store\/[a-zA-Z]+(\/[a-zA-Z*]+)*$/.test(scope);
  return ok ? null : `"${scope}" is not a webhook scope.`;
}

function assertHook(req: ApiRequest, hook: { scope: string; destination: string }, exceptId?: number): void {
  const errors: Record<string, string> = {};
  const scope = scopeProblem(req, hook.scope);
  const destination = destinationProblem(hook.destination);
  if (scope) errors.scope = scope;
  if (destination) errors.destination = destination;
  if (Object.keys(errors).length > 0) throw new ApiError(422, 'JSON data is missing or invalid', errors);
  const others = req.store.data.hooks.filter((h) => h.id !== exceptId && h.scope === hook.scope);
  // [I] The docs state both limits but not the status; these follow the status-codes page (409 duplicate, 413 limit).
  if (others.some((h) => h.destination === hook.destination)) {
    throw new ApiError(409, 'A webhook for this scope and destination already exists.', { destination: 'Duplicate webhook.' });
  }
  if (others.length >= MAX_HOOKS_PER_SCOPE) throw new ApiError(413, `At most ${MAX_HOOKS_PER_SCOPE} webhooks per scope.`);
}

function findHook(req: ApiRequest): Webhook {
  const id = idParam(req, 'hookId');
  const hook = req.store.data.hooks.find((h) => h.id === id);
  if (!hook) throw new ApiError(404, `Webhook with id [${id}] not found`);
  return hook;
}

const listQuery = z.object({ is_active: bool.optional(), scope: z.string().optional(), destination: z.string().optional() });

export const webhookRoutes: ApiRoute[] = [
  {
    method: 'GET',
    version: 'v3',
    path: '/hooks',
    // Webhooks need no scope of their own (reference §5.2).
    scopes: [],
    handle: (req) => {
      const q = parseQuery(listQuery, req.query);
      const hooks = req.store.data.hooks.filter(
        (h) => (q.is_active === undefined || h.is_active === q.is_active) && (q.scope === undefined || h.scope === q.scope) && (q.destination === undefined || h.destination === q.destination),
      );
      return v3List(hooks, req.query);
    },
  },
  {
    method: 'POST',
    version: 'v3',
    path: '/hooks',
    scopes: [],
    handle: async (req) => {
      const body = validate(hookFields, await req.json(), 'webhook');
      assertHook(req, body);
      const now = Math.floor(req.rt.now() / 1000);
      const hook: Webhook = {
        id: nextId(req.store.data, 'hook'),
        client_id: req.rt.clientId,
        store_hash: req.store.hash,
        scope: body.scope,
        destination: body.destination,
        is_active: body.is_active ?? true,
        headers: body.headers ?? null,
        created_at: now,
        updated_at: now,
      };
      req.store.data.hooks.push(hook);
      return v3One(hook);
    },
  },
  {
    method: 'GET',
    version: 'v3',
    path: '/hooks/:hookId',
    scopes: [],
    handle: (req) => v3One(findHook(req)),
  },
  {
    method: 'PUT',
    version: 'v3',
    path: '/hooks/:hookId',
    scopes: [],
    handle: async (req) => {
      const hook = findHook(req);
      const body = validate(hookUpdate, await req.json(), 'webhook');
      const { events_history_enabled: _ignored, ...fields } = body;
      if (Object.keys(fields).length === 0) throw new ApiError(422, 'At least one field is required to update a webhook.', { body: 'Provide a field to update.' });
      const next = { ...hook, ...fields, headers: fields.headers === undefined ? hook.headers : fields.headers };
      assertHook(req, next, hook.id);
      Object.assign(hook, next, { updated_at: Math.floor(req.rt.now() / 1000) });
      return v3One(hook);
    },
  },
  {
    method: 'DELETE',
    version: 'v3',
    path: '/hooks/:hookId',
    scopes: [],
    handle: (req) => {
      const hook = findHook(req);
      req.store.data.hooks = req.store.data.hooks.filter((h) => h.id !== hook.id);
      return v3One(hook);
    },
  },
];
