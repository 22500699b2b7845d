import type { ApiResponse, CustomField, Product, ProductOption, ProductOptionValue, Variant } from '@/lib/bigcommerce';
import type { IdMap, IdMapEntry } from '@/lib/db/queries/id-map';
import { PRODUCT_ENTITY, type ProductsContext } from '@/lib/flows/products';

/** One BigCommerce write the products flow would have made. */
export interface CapturedWrite {
  method: 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
}

type BigCommercePort = ProductsContext['bigcommerce'];
type AccountViewPort = ProductsContext['accountview'];

/**
 * BigCommerce for a preview: every read goes to the store, every write is kept in `writes` and answered
 * as BigCommerce would, with negative ids standing for what would be created. The object literal lists
 * each method of the flow's port on purpose: when the flow's port grows a method, this stops compiling
 * instead of letting a new write through to the store.
 */
export function capturingBigCommerce(real: BigCommercePort, writes: CapturedWrite[]): BigCommercePort {
  let lastId = 0;
  const fakeId = () => (lastId -= 1);
  const answer = (body: unknown): ApiResponse => ({ status: 200, body, headers: new Headers() });
  return {
    listProducts: (query) => real.listProducts(query),
    getStoreInformation: () => real.getStoreInformation(),
    // A product the preview "created" has no custom fields yet.
    listCustomFields: (productId, query) => (productId < 0 ? none<CustomField>() : real.listCustomFields(productId, query)),
    async request(method, path, options) {
      if (method === 'GET') return real.request(method, path, options);
      writes.push({ method: method === 'DELETE' ? 'DELETE' : method === 'POST' ? 'POST' : 'PUT', path: String(path), body: options?.body });
      if (method === 'POST' && Array.isArray(options?.body)) {
        // New categories: the flow reads their ids from the answer.
        return answer({ data: options.body.map((item: { name?: string }) => ({ category_id: fakeId(), name: item.name ?? '' })) });
      }
      return answer({ data: [] });
    },
    async createProduct(product) {
      writes.push({ method: 'POST', path: '/v3/catalog/products', body: product });
      return { ...product, id: fakeId() } as Product;
    },
    async updateProducts(products) {
      writes.push({ method: 'PUT', path: '/v3/catalog/products', body: products });
      return products as Product[];
    },
    listVariants: (query) => real.listVariants(query),
    // A product the preview "created" has no options yet.
    listProductOptions: (productId) => (productId < 0 ? none<ProductOption>() : real.listProductOptions(productId)),
    async updateVariants(variants) {
      writes.push({ method: 'PUT', path: '/v3/catalog/variants', body: variants });
      return variants as Variant[];
    },
    async createProductOption(productId, option) {
      writes.push({ method: 'POST', path: `/v3/catalog/products/${productId}/options`, body: option });
      return { ...option, id: fakeId(), product_id: productId } as ProductOption;
    },
    async createProductOptionValue(productId, optionId, value) {
      writes.push({ method: 'POST', path: `/v3/catalog/products/${productId}/options/${optionId}/values`, body: value });
      return { ...value, id: fakeId() } as ProductOptionValue;
    },
    async createCustomField(productId, field) {
      writes.push({ method: 'POST', path: `/v3/catalog/products/${productId}/custom-fields`, body: field });
      return { ...field, id: fakeId() } as CustomField;
    },
    async updateCustomField(productId, fieldId, field) {
      writes.push({ method: 'PUT', path: `/v3/catalog/products/${productId}/custom-fields/${fieldId}`, body: field });
      return { ...field, id: fieldId } as CustomField;
    },
    async uploadProductImage(productId, image) {
      writes.push({ method: 'POST', path: `/v3/catalog/products/${productId}/images`, body: { file: image.filename, bytes: image.file.length } });
      return { id: fakeId(), product_id: productId };
    },
    async deleteProductImage(productId, imageId) {
      writes.push({ method: 'DELETE', path: `/v3/catalog/products/${productId}/images/${imageId}` });
    },
  };
}

async function* none<T>(): AsyncGenerator<T> {
  // Nothing to yield.
}

/** The articles a preview reads, and their article groups (the only categories it needs). */
export interface ArticleSelection {
  codes: string[];
  groups: string[];
}

const ARTICLE_OBJECT = 'AK1';
const GROUP_OBJECT = 'AG1';
const IMAGE_DATA_FIELD = 'IMG_M_DATA';

/**
 * AccountView for a preview: the flow's article read narrowed to the chosen articles and its article-group
 * read to their groups (so a preview costs a category lookup per group it touches, not per group there is);
 * every other read as usual. Image bytes are not read: they can be megabytes per article and are not part of
 * the mapping, so a preview shows no image uploads.
 */
export function selectingAccountView(real: AccountViewPort, selection: ArticleSelection, read: string[]): AccountViewPort {
  return {
    async *readPages(businessObject, query, schema) {
      if (businessObject !== ARTICLE_OBJECT) {
        yield* real.readPages(businessObject, query, schema);
        return;
      }
      if (selection.codes.length === 0) return;
      const narrowed = { ...query, filters: [...(query.filters ?? []), { field: 'ART_CODE', operator: 'In' as const, values: selection.codes }] };
      for await (const page of real.readPages(businessObject, narrowed, schema)) {
        for (const row of page) read.push(String((row as { ART_CODE?: unknown }).ART_CODE ?? '').trim());
        yield page;
      }
    },
    readAll(businessObject, query, schema) {
      if (businessObject === ARTICLE_OBJECT && query.fields?.includes(IMAGE_DATA_FIELD)) return Promise.resolve([]);
      if (businessObject === GROUP_OBJECT) {
        if (selection.groups.length === 0) return Promise.resolve([]);
        const narrowed = { ...query, filters: [...(query.filters ?? []), { field: 'AG_CODE', operator: 'In' as const, values: selection.groups }] };
        return real.readAll(businessObject, narrowed, schema);
      }
      return real.readAll(businessObject, query, schema);
    },
  };
}

/**
 * The store's id-map, read-only: a product already linked stays an update of that product, but its
 * last content hash is hidden so the preview shows the body even when nothing changed. Nothing is kept.
 */
export function readOnlyIdMap(real: IdMap): IdMap {
  const withoutHash = (entry: IdMapEntry): IdMapEntry => ({ ...entry, contentHash: null });
  return {
    get: async (entity, sourceId) => {
      const entry = await real.get(entity, sourceId);
      return entry && entity === PRODUCT_ENTITY ? withoutHash(entry) : entry;
    },
    getMany: async (entity, sourceIds) => {
      const found = await real.getMany(entity, sourceIds);
      if (entity !== PRODUCT_ENTITY) return found;
      return new Map([...found].map(([id, entry]) => [id, withoutHash(entry)]));
    },
    listByPrefix: (entity, prefix) => real.listByPrefix(entity, prefix),
    listFailed: (entity, limit) => real.listFailed(entity, limit),
    putDone: async () => undefined,
    putFailed: async () => undefined,
    remove: async () => undefined,
    lock: (_key, fn) => fn(),
  };
}
