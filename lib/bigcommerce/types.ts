/**
 * Request and response shapes the client's typed methods use, taken from the generated spec types
 * (`npm run bigcommerce:types`) so they follow BigCommerce's specs instead of our memory of them.
 */
import type { components as CatalogSpec, operations as CatalogOps } from './generated/products-catalog-v3';
import type { operations as CustomerOps } from './generated/customers-v3';
import type { operations as InventoryOps } from './generated/inventory-v3';
import type { operations as LocationOps } from './generated/locations-v3';
import type { operations as OrderOps } from './generated/orders-v2';
import type { operations as WebhookOps } from './generated/webhooks-v3';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;
/** The JSON body of an operation's 200 answer. */
type OkBody<Op> = Op extends { responses: { 200: infer R } } ? JsonOf<R> : never;
/** `data` of a v3 200 answer. */
type OkData<Op> = OkBody<Op> extends { data?: infer D } ? NonNullable<D> : never;
type ItemOf<T> = T extends readonly (infer I)[] ? I : never;
type QueryOf<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
type BodyOf<Op> = Op extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

/** `page` is where a list starts (to resume), `limit` the page size (≤ 250); the generator follows the pages. */
type ListQuery<Q> = Omit<Q, 'page' | 'limit'> & { page?: number; limit?: number };

// Orders V2
export type Order = OkBody<OrderOps['getOrder']>;
type OrderQuery = QueryOf<OrderOps['getOrders']>;
type OrderSortField = NonNullable<OrderQuery['sort']>;
/**
 * The client always asks for consignments with line items and fees, in the object structure. `sort`
 * takes a direction too (`date_modified:asc`), which the spec's enum leaves out.
 */
export type OrderListQuery = ListQuery<Omit<OrderQuery, 'include' | 'consignment_structure' | 'sort'>> & {
  sort?: OrderSortField | `${OrderSortField}:asc` | `${OrderSortField}:desc`;
};
export type OrderProduct = ItemOf<OkBody<OrderOps['getOrderProducts']>>;
export type OrderStatus = ItemOf<OkBody<OrderOps['getOrderStatuses']>>;

// Webhooks V3
export type Webhook = OkData<WebhookOps['getWebhook']>;
export type WebhookListQuery = ListQuery<QueryOf<WebhookOps['getWebhooks']>>;
export type WebhookCreate = BodyOf<WebhookOps['createWebhooks']>;
export type WebhookUpdate = BodyOf<WebhookOps['updateWebhook']>;

// Catalog V3
export type Product = OkData<CatalogOps['getProduct']>;
export type ProductListQuery = ListQuery<QueryOf<CatalogOps['getProducts']>>;
export type ProductQuery = QueryOf<CatalogOps['getProduct']>;
export type ProductCreate = BodyOf<CatalogOps['createProduct']>;
/** One entry of the batch `PUT /v3/catalog/products`; `id` is required. */
export type ProductBatchUpdate = ItemOf<BodyOf<CatalogOps['updateProducts']>>;
export type ProductImage = OkData<CatalogOps['createProductImage']>;
/** JSON upload by public URL; files go through `uploadProductImage` (multipart `image_file`). */
export type ProductImageCreate = JsonOf<CatalogOps['createProductImage']['requestBody']>;
export type CustomField = ItemOf<OkData<CatalogOps['getProductCustomFields']>>;
export type CustomFieldCreate = BodyOf<CatalogOps['createProductCustomField']>;
export type CustomFieldUpdate = BodyOf<CatalogOps['updateProductCustomField']>;

/*
 * Variants: the shared specs have no product-variants_catalog.v3.yml, so `/v3/catalog/variants` has no
 * generated operation. The variant schemas do exist in the products spec; the query and the batch entry
 * below are a hand-written subset of the variants reference (developer.bigcommerce.com/docs/rest-catalog/product-variants).
 */
export type Variant = CatalogSpec['schemas']['productVariant_Full'];
export interface VariantListQuery {
  id?: number;
  sku?: string;
  'sku:in'?: readonly string[];
  'product_id:in'?: readonly number[];
  include_fields?: readonly string[];
  exclude_fields?: readonly string[];
  page?: number;
  limit?: number;
}
/** One entry of the batch `PUT /v3/catalog/variants`: `id` to update (or `product_id` + `sku` + `option_values` to create). */
export type VariantBatchUpdate = Partial<CatalogSpec['schemas']['productVariant_Base']> & {
  id?: number;
  product_id?: number;
  sku?: string;
  option_values?: CatalogSpec['schemas']['productVariantOptionValue_Full'][];
};

/*
 * Variant options (`/v3/catalog/products/{id}/options`): no product-variant-options spec ships in the shared
 * specs either; the shapes are the products spec's option schemas (reference §2.3).
 */
export type ProductOption = CatalogSpec['schemas']['productOption_Base'];
export type ProductOptionValue = CatalogSpec['schemas']['productOptionOptionValue_Full'];
/** `POST …/options`: one option with at least one value. */
export type ProductOptionCreate = Required<Pick<ProductOption, 'display_name' | 'type'>> & {
  sort_order?: number;
  option_values: CatalogSpec['schemas']['productOptionOptionValue_Base'][];
};
export type ProductOptionValueCreate = CatalogSpec['schemas']['productOptionOptionValue_Base'];

// Inventory and locations V3
export type AbsoluteAdjustment = BodyOf<InventoryOps['put-absolute-adjustment']>;
export type AbsoluteAdjustmentItem = ItemOf<AbsoluteAdjustment['items']>;
export type InventoryTransaction = OkBody<InventoryOps['put-absolute-adjustment']>;
/** Named so it cannot be mistaken for the DOM's global `Location`. */
export type InventoryLocation = ItemOf<OkData<LocationOps['getLocations']>>;
export type LocationListQuery = ListQuery<QueryOf<LocationOps['getLocations']>>;

// Customers V3
export type Customer = ItemOf<OkData<CustomerOps['getCustomers']>>;
export type CustomerListQuery = ListQuery<QueryOf<CustomerOps['getCustomers']>>;
export type CustomerCreate = ItemOf<BodyOf<CustomerOps['createCustomers']>>;
/** One entry of the batch `PUT /v3/customers`; `id` is required. */
export type CustomerUpdate = ItemOf<BodyOf<CustomerOps['updateCustomers']>>;
