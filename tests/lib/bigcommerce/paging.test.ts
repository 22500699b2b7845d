import { describe, expect, it } from 'vitest';
import { BigCommerceBatchLimitError, BigCommerceResponseError, BATCH_LIMITS } from '@/lib/bigcommerce';
import { collect, fakeFetch, json, noContent, testClient, type SeenRequest } from './fakes';

/** A v3 list of `total` items served `limit` per page, as BigCommerce shapes it. */
function v3List(total: number) {
  return (request: SeenRequest) => {
    const page = Number(request.url.searchParams.get('page'));
    const limit = Number(request.url.searchParams.get('limit'));
    const totalPages = Math.ceil(total / limit);
    const ids = Array.from({ length: total }, (_, i) => i + 1).slice((page - 1) * limit, page * limit);
    return json(200, {
      data: ids.map((id) => ({ id })),
      meta: { pagination: { total, count: ids.length, per_page: limit, current_page: page, total_pages: totalPages, links: {} } },
    });
  };
}

/** A v2 list: bare arrays, and 204 once past the end. */
function v2List(total: number) {
  return (request: SeenRequest) => {
    const page = Number(request.url.searchParams.get('page'));
    const limit = Number(request.url.searchParams.get('limit'));
    const ids = Array.from({ length: total }, (_, i) => i + 100).slice((page - 1) * limit, page * limit);
    return ids.length === 0 ? noContent() : json(200, ids.map((id) => ({ id })));
  };
}

const pagesAsked = (seen: SeenRequest[]) => seen.map((r) => Number(r.url.searchParams.get('page')));

describe('v3 paging', () => {
  it('follows meta.pagination to the last page, 250 at a time by default', async () => {
    const fetch = fakeFetch(v3List(600));
    const products = await collect(testClient(fetch).listProducts({ 'sku:in': ['A', 'B'] }));
    expect(products.map((p) => p.id)).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
    expect(pagesAsked(fetch.seen)).toEqual([1, 2, 3]);
    expect(fetch.seen.every((r) => r.url.searchParams.get('limit') === '250' && r.url.searchParams.get('sku:in') === 'A,B')).toBe(true);
  });

  it.each([
    ['an empty list', 0, 1],
    ['exactly one full page', 5, 1],
    ['one more than a page', 6, 2],
  ])('asks for as many pages as needed: %s', async (_label, total, requests) => {
    const fetch = fakeFetch(v3List(total));
    const hooks = await collect(testClient(fetch).listHooks({ limit: 5 }));
    expect(hooks).toHaveLength(total);
    expect(fetch.seen).toHaveLength(requests);
  });

  it('asks for the next page only when the consumer gets there', async () => {
    const fetch = fakeFetch(v3List(20));
    for await (const customer of testClient(fetch).listCustomers({ limit: 5 })) {
      expect(customer.id).toBe(1);
      break;
    }
    expect(fetch.seen).toHaveLength(1);
  });

  it('resumes from a given page', async () => {
    const fetch = fakeFetch(v3List(12));
    const locations = await collect(testClient(fetch).listLocations({ page: 3, limit: 5 }));
    expect(locations.map((l) => l.id)).toEqual([11, 12]);
  });

  it('refuses a list answer without pagination', async () => {
    const fetch = fakeFetch(() => json(200, { data: [{ id: 1 }], meta: {} }));
    await expect(collect(testClient(fetch).listProducts())).rejects.toBeInstanceOf(BigCommerceResponseError);
  });

  it.each([0, 251, 2.5])('refuses limit %s', async (limit) => {
    await expect(collect(testClient(fakeFetch(v3List(1))).listProducts({ limit }))).rejects.toThrow(RangeError);
  });
});

describe('v2 paging', () => {
  it('ends at the 204 that follows the last page', async () => {
    const fetch = fakeFetch(v2List(7));
    const orders = await collect(testClient(fetch).listOrders({ limit: 5 }));
    expect(orders.map((o) => o.id)).toEqual([100, 101, 102, 103, 104, 105, 106]);
    // The short second page is not taken as the end: a server capping `limit` lower would make that lose orders.
    expect(pagesAsked(fetch.seen)).toEqual([1, 2, 3]);
  });

  it.each([
    ['no orders at all (204)', 0, 1],
    ['exactly one full page', 5, 2],
    ['one more than a page', 6, 3],
  ])('handles %s', async (_label, total, requests) => {
    const fetch = fakeFetch(v2List(total));
    expect(await collect(testClient(fetch).listOrders({ limit: 5 }))).toHaveLength(total);
    expect(fetch.seen).toHaveLength(requests);
  });

  it('also ends at an empty array', async () => {
    const fetch = fakeFetch((r) => json(200, r.url.searchParams.get('page') === '1' ? [{ id: 100 }] : []));
    expect(await collect(testClient(fetch).listOrders())).toHaveLength(1);
    expect(fetch.seen).toHaveLength(2);
  });

  it('always asks for consignments with line items and fees, keeping the filters', async () => {
    const fetch = fakeFetch(() => noContent());
    await collect(testClient(fetch).listOrders({ min_date_modified: '2026-03-01T00:00:00Z', sort: 'date_modified:asc', status_id: 11 }));
    const query = Object.fromEntries(fetch.seen[0]!.url.searchParams);
    expect(query).toEqual({
      min_date_modified: '2026-03-01T00:00:00Z',
      sort: 'date_modified:asc',
      status_id: '11',
      include: 'consignments.line_items,fees',
      consignment_structure: 'object',
      page: '1',
      limit: '250',
    });
  });

  it('refuses a list answer that is not an array', async () => {
    await expect(collect(testClient(fakeFetch(() => json(200, { id: 1 }))).listOrders())).rejects.toBeInstanceOf(BigCommerceResponseError);
  });
});

describe('batch limits', () => {
  const client = () => {
    const fetch = fakeFetch(() => json(200, { data: [], meta: {} }));
    return { fetch, client: testClient(fetch) };
  };
  const many = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i + 1));

  it.each([
    ['updateProducts', BATCH_LIMITS.products],
    ['updateVariants', BATCH_LIMITS.variants],
    ['createCustomers', BATCH_LIMITS.customers],
    ['updateCustomers', BATCH_LIMITS.customers],
  ] as const)('%s refuses more than %i items without calling BigCommerce', async (method, limit) => {
    const { fetch, client: c } = client();
    const items = many(limit + 1, (id) => ({ id, email: `klant${id}@example.nl`, first_name: 'K', last_name: 'L' }));
    const error = await c[method](items).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BigCommerceBatchLimitError);
    expect(error).toMatchObject({ operation: method, size: limit + 1, limit });
    expect(fetch.seen).toHaveLength(0);
    await c[method](items.slice(0, limit));
    expect(fetch.seen).toHaveLength(1);
  });

  it('refuses more than 2000 inventory items', async () => {
    const { fetch, client: c } = client();
    const items = many(2001, (i) => ({ location_id: 1, sku: `SKU-${i}`, quantity: i }));
    await expect(c.adjustInventoryAbsolute({ items })).rejects.toBeInstanceOf(BigCommerceBatchLimitError);
    expect(fetch.seen).toHaveLength(0);
  });

  it('sends nothing for an empty batch', async () => {
    const { fetch, client: c } = client();
    expect(await c.updateProducts([])).toEqual([]);
    expect(await c.adjustInventoryAbsolute({ items: [] })).toEqual({});
    expect(fetch.seen).toHaveLength(0);
  });
});
