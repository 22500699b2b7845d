import type { IncomingHttpHeaders } from 'node:http';
import type { SimRuntime } from '../runtime';
import type { SimStore } from '../types';

export type ApiVersion = 'v2' | 'v3';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ApiRequest {
  rt: SimRuntime;
  store: SimStore;
  method: HttpMethod;
  /** Named segments of the route path, e.g. `{ id: '100' }` for `/orders/:id`. */
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The JSON body; read lazily so GET routes never wait on a body. Throws an ApiError 400 when malformed. */
  json(): Promise<unknown>;
  /** The raw body, for multipart uploads; `maxBytes` above the default JSON limit for image files. */
  raw(maxBytes?: number): Promise<Buffer>;
}

export interface ApiResponse {
  status: number;
  /** Omitted for 204. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ApiRoute {
  method: HttpMethod;
  version: ApiVersion;
  /** Path after `/stores/{hash}/{version}`, with `:name` segments, e.g. `/orders/:id/products`. */
  path: string;
  /** The token needs at least one of these; empty means any valid token (like webhooks' default scope). */
  scopes: readonly string[];
  /**
   * Batch limit checked before anything else in the body: too many items in the body array (or in the
   * array under `key`) answers `status` (413 unless the spec says otherwise).
   */
  batchLimit?: { max: number; key?: string; status?: number };
  handle(req: ApiRequest): ApiResponse | Promise<ApiResponse>;
}

export interface CompiledRoute extends ApiRoute {
  pattern: RegExp;
  paramNames: string[];
}

export function compileRoute(route: ApiRoute): CompiledRoute {
  const paramNames: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      paramNames.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { ...route, pattern: new RegExp(`^${source}$`), paramNames };
}

export function matchParams(route: CompiledRoute, path: string): Record<string, string> | null {
  const m = route.pattern.exec(path);
  if (!m) return null;
  return Object.fromEntries(route.paramNames.map((name, i) => [name, decodeURIComponent(m[i + 1] ?? '')]));
}
