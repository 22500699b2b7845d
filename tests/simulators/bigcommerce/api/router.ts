import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBody, sendEmpty, sendJson } from '../http';
import { consumeQuota, peekQuota } from '../rate-limit';
import type { SimRuntime } from '../runtime';
import { ApiError, errorResponse } from './errors';
import { matchParams, type ApiRequest, type ApiResponse, type ApiVersion, type CompiledRoute, type HttpMethod } from './route';
import { apiRoutes } from './routes';

const API_PATH = /^\/stores\/([^/]+)\/([^/]+)(\/.*)?$/;
const METHODS: readonly string[] = ['GET', 'POST', 'PUT', 'DELETE'] satisfies HttpMethod[];

function isVersion(v: string | undefined): v is ApiVersion {
  return v === 'v2' || v === 'v3';
}

function send(res: ServerResponse, response: ApiResponse, rateHeaders: Record<string, string>): void {
  const headers = { ...rateHeaders, ...response.headers };
  if (response.body === undefined) return sendEmpty(res, response.status, headers);
  sendJson(res, response.status, response.body, headers);
}

function presentedToken(req: IncomingMessage): string | undefined {
  const value = req.headers['x-auth-token'];
  return Array.isArray(value) ? value[0] : value;
}

function findRoute(version: ApiVersion, path: string) {
  const candidates = apiRoutes.filter((r) => r.version === version && r.pattern.test(path));
  return { candidates, byMethod: (m: string) => candidates.find((r) => r.method === m) };
}

function jsonReader(req: IncomingMessage): () => Promise<unknown> {
  let cached: Promise<unknown> | undefined;
  return () => {
    cached ??= readBody(req).then((raw) => {
      try {
        return raw === '' ? undefined : (JSON.parse(raw) as unknown);
      } catch {
        throw new ApiError(400, 'The request body is not valid JSON.');
      }
    }, (err: unknown) => {
      throw err instanceof BodyTooLargeError ? new ApiError(413, err.message) : err;
    });
    return cached;
  };
}

async function run(route: CompiledRoute, request: ApiRequest, version: ApiVersion): Promise<ApiResponse> {
  try {
    return await route.handle(request);
  } catch (err) {
    if (err instanceof ApiError) return errorResponse(version, err.status, err.message, err.errors);
    throw err;
  }
}

/**
 * `/stores/{hash}/v2|v3/...`. Order of checks follows what a client can observe on BigCommerce:
 * unknown store, then authentication, then the store's quota, then the route and its scope.
 */
export async function handleApiRequest(rt: SimRuntime, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const m = API_PATH.exec(url.pathname);
  const hash = m?.[1] ?? '';
  const versionSegment = m?.[2];
  const version: ApiVersion = isVersion(versionSegment) ? versionSegment : 'v2';
  const path = (m?.[3] ?? '/').replace(/(.)\/+$/, '$1');
  const store = rt.state.stores[hash];

  if (!m || !isVersion(versionSegment) || !store) {
    const what = store ? 'The requested resource was not found.' : `Store "${hash}" was not found.`;
    return send(res, errorResponse(version, 404, what), peekQuota(rt, null));
  }

  const token = presentedToken(req);
  if (!token || !store.installed || token !== store.accessToken) {
    const why = token ? 'The X-Auth-Token is not valid for this store.' : 'The X-Auth-Token header is missing.';
    return send(res, errorResponse(version, 401, why), peekQuota(rt, hash));
  }

  const quota = consumeQuota(rt, hash);
  if (!quota.allowed) {
    return send(res, errorResponse(version, 429, 'Too many requests: the store\'s API quota is used up.'), quota.headers);
  }

  const method = req.method ?? 'GET';
  const { candidates, byMethod } = findRoute(version, path);
  const route = METHODS.includes(method) ? byMethod(method) : undefined;
  if (!route) {
    if (candidates.length === 0) return send(res, errorResponse(version, 404, 'The requested resource was not found.'), quota.headers);
    const allow = candidates.map((r) => r.method).join(', ');
    return send(res, { ...errorResponse(version, 405, `Method ${method} is not allowed here.`), headers: { Allow: allow } }, quota.headers);
  }

  const granted = (store.grantedScope ?? '').split(' ');
  if (route.scopes.length > 0 && !route.scopes.some((s) => granted.includes(s))) {
    return send(res, errorResponse(version, 403, "You don't have a required scope to access the endpoint"), quota.headers);
  }

  const request: ApiRequest = {
    rt,
    store,
    method: route.method,
    params: matchParams(route, path) ?? {},
    query: url.searchParams,
    headers: req.headers,
    json: jsonReader(req),
  };
  send(res, await run(route, request, version), quota.headers);
}
