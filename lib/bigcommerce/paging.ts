import { z } from 'zod';
import { specShaped } from './envelope';
import { BigCommerceResponseError } from './errors';
import type { ApiPath, ApiResponse, Call } from './request';

/** BigCommerce's documented maximum page size (reference §2.0); fewer pages means less of the quota. */
export const MAX_PAGE_SIZE = 250;

/** Fetches one page (1-based) of a list. */
export type PageFetcher = (page: number) => Promise<ApiResponse>;

const v3ListBody = z.object({
  data: z.array(z.unknown()),
  meta: z.object({
    pagination: z.object({ current_page: z.number().int(), total_pages: z.number().int() }),
  }),
});

const v2ListBody = z.array(z.unknown());

export function pageSize(limit: unknown): number {
  if (limit === undefined) return MAX_PAGE_SIZE;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new RangeError(`limit must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${String(limit)}`);
  }
  return limit;
}

/**
 * A v3 list, page by page: `{data, meta: {pagination: {current_page, total_pages}}}`. The next page is
 * requested only once the consumer has taken every item of this one, so memory holds one page at most.
 */
export async function* paginateV3(fetchPage: PageFetcher, path: string, startPage = 1): AsyncGenerator<unknown> {
  for (let page = startPage; ; page += 1) {
    const response = await fetchPage(page);
    const parsed = v3ListBody.safeParse(response.body);
    if (!parsed.success) {
      throw new BigCommerceResponseError('the list answer has no data and meta.pagination', 'GET', path, { cause: parsed.error });
    }
    yield* parsed.data.data;
    if (parsed.data.data.length === 0 || page >= parsed.data.meta.pagination.total_pages) return;
  }
}

/**
 * A v2 list: a bare array with no paging metadata. The end is an empty page, which v2 sends as
 * 204 with no body. A short page is not trusted as the last one: a server that caps `limit` below
 * what we asked for would otherwise make us stop early and miss records.
 */
export async function* paginateV2(fetchPage: PageFetcher, path: string, startPage = 1): AsyncGenerator<unknown> {
  for (let page = startPage; ; page += 1) {
    const response = await fetchPage(page);
    if (response.status === 204 || response.body === undefined) return;
    const parsed = v2ListBody.safeParse(response.body);
    if (!parsed.success) throw new BigCommerceResponseError('the list answer is not an array', 'GET', path, { cause: parsed.error });
    if (parsed.data.length === 0) return;
    yield* parsed.data;
  }
}

/** `page` and `limit` drive the paging; every other field of the query is sent as a filter. */
interface ListQueryLike {
  page?: number;
  limit?: number;
}

/** Every item of a v3 list, `query.page` being where to start. */
export async function* listV3<T>(call: Call, path: ApiPath, query: ListQueryLike = {}): AsyncGenerator<T> {
  const { page, limit, ...filters } = query;
  const size = pageSize(limit);
  const fetchPage: PageFetcher = (p) => call('GET', path, { query: { ...filters, page: p, limit: size } });
  for await (const item of paginateV3(fetchPage, path, page ?? 1)) yield specShaped<T>(item);
}

/** Every item of a v2 list, `query.page` being where to start. */
export async function* listV2<T>(call: Call, path: ApiPath, query: ListQueryLike = {}): AsyncGenerator<T> {
  const { page, limit, ...filters } = query;
  const size = pageSize(limit);
  const fetchPage: PageFetcher = (p) => call('GET', path, { query: { ...filters, page: p, limit: size } });
  for await (const item of paginateV2(fetchPage, path, page ?? 1)) yield specShaped<T>(item);
}
