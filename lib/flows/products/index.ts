/** Articles in AccountView → products in BigCommerce (see handlers.ts for when it runs). */
export { productHandlers, runProductSync, describeProductSync, PRODUCTS_CHECKPOINT } from './handlers';
export { syncProducts } from './sync-products';
export { PRODUCT_ENTITY } from './record-problems';
export { productFlowSettings, defaultProductFlowSettings, type ProductFlowSettings, type ProductFlowSettingsInput } from './settings';
export { readProductSettings, PRODUCTS_FLOW, type StoredProductSettings } from './settings-store';
export type { ProductsContext, ProductSyncSummary } from './ports';
