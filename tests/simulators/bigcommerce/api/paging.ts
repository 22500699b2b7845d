import { z } from 'zod';
import { parseQuery } from './query';
import type { ApiResponse } from './route';

export const MAX_LIMIT = 250;

const pagingQuery = z.object({
  page: z.coerce.number().int().optional(),
  limit: z.coerce.number().int().optional(),
});

export interface PageParams {
  page: number;
  limit: number;
}

/**
 * `page` from 1 and `limit` up to 250 (reference §2.0). Out-of-range values are clamped rather than
 * refused. [I]: BigCommerce's exact answer to `limit=251` is an open question (reference §5.4).
 */
export function pageParams(query: URLSearchParams, defaultLimit = 50, maxLimit = MAX_LIMIT): PageParams {
  const q = parseQuery(pagingQuery, query);
  return {
    page: Math.max(1, q.page ?? 1),
    limit: Math.min(maxLimit, Math.max(1, q.limit ?? defaultLimit)),
  };
}

function link(query: URLSearchParams, page: number, limit: number): string {
  const params = new URLSearchParams(query);
  params.set('page', String(page));
  params.set('limit', String(limit));
  return `?${params.toString()}`;
}

/** A V3 collection: `{data, meta: {pagination}}`, links only where a page exists. Only the page is rendered. */
export function v3List<T>(
  items: readonly T[],
  query: URLSearchParams,
  defaultLimit = 50,
  maxLimit = MAX_LIMIT,
  render: (item: T) => unknown = (item) => item,
): ApiResponse {
  const { page, limit } = pageParams(query, defaultLimit, maxLimit);
  const data = items.slice((page - 1) * limit, page * limit).map(render);
  const totalPages = Math.ceil(items.length / limit);
  const links: Record<string, string> = { current: link(query, page, limit) };
  if (page > 1) links.previous = link(query, page - 1, limit);
  if (page < totalPages) links.next = link(query, page + 1, limit);
  return {
    status: 200,
    body: {
      data,
      meta: { pagination: { total: items.length, count: data.length, per_page: limit, current_page: page, total_pages: totalPages, links } },
    },
  };
}

/** A V2 collection: a bare array, or 204 with no body when the page is empty (reference §2.0). */
export function v2List<T>(items: readonly T[], query: URLSearchParams, render: (item: T) => unknown = (item) => item): ApiResponse {
  const { page, limit } = pageParams(query);
  const data = items.slice((page - 1) * limit, page * limit).map(render);
  return data.length === 0 ? { status: 204 } : { status: 200, body: data };
}

export function v3One(data: unknown, status = 200): ApiResponse {
  return { status, body: { data, meta: {} } };
}
