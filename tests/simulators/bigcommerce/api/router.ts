import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBodyBuffer, sendEmpty, sendJson } from '../http';
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

/** The body is read once, whether the router's checks or the handler ask first. */
function bodyReaders(req: IncomingMessage): Pick<ApiRequest, 'json' | 'raw'> {
  let raw: Promise<Buffer> | undefined;
  let json: Promise<unknown> | undefined;
  const readRaw = (maxBytes?: number) => {
    raw ??= readBodyBuffer(req, maxBytes).catch((err: unknown) => {
      throw err instanceof BodyTooLargeError ? new ApiError(413, err.message) : err;
    });
    return raw;
  };
  return {
    raw: readRaw,
    json: () => {
      json ??= readRaw().then((buf) => {
        const text = buf.toString('utf8');
        try {
          return text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
        } catch {
          throw new ApiError(400, 'The request body is not valid JSON.');
        }
      });
      return json;
    },
  };
}

function isMultipart(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/');
}

/** Checks BigCommerce makes on a write before the handler sees it: batch size first, then the spec's body schema. */
async function checkBody(rt: SimRuntime, route: CompiledRoute, request: ApiRequest, req: IncomingMessage): Promise<void> {
  if ((route.method !== 'POST' && route.method !== 'PUT') || isMultipart(req)) return;
  const limit = route.batchLimit;
  if (limit) {
    const body = await request.json();
    const items = limit.key && typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[limit.key] : body;
    if (Array.isArray(items) && items.length > limit.max) {
      const status = limit.status ?? 413;
      throw new ApiError(status, `The request payload is too large. The maximum number of items allowed in the array is ${limit.max}.`);
    }
  }
  const check = rt.bodyValidators.find(route.version, route.method, route.path);
  if (!check) return;
  const errors = check(await request.json());
  if (errors) throw new ApiError(422, 'JSON data is missing or invalid', errors);
}

async function run(rt: SimRuntime, route: CompiledRoute, request: ApiRequest, req: IncomingMessage): Promise<ApiResponse> {
  try {
    await checkBody(rt, route, request, req);
    return await route.handle(request);
  } catch (err) {
    if (err instanceof ApiError) return errorResponse(route.version, err.status, err.message, err.errors);
    throw err;
  }
}

/**
 * `/stores/{hash}/v2|v3/...`. Order of checks follows what a client can observe on BigCommerce:
 * unknown store, then authentication, then the store's quota, then the route and its scope, then the body.
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
    ...bodyReaders(req),
  };
  send(res, await run(rt, route, request, req), quota.headers);
}
