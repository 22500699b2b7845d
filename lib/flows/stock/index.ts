export { describeStock, STOCK_FLOW, stockHandlers } from './handlers';
export type { StockContext, StockSummary, StockSyncOptions } from './ports';
export { quantityOf, stockFields } from './quantity';
export { DEFAULT_LOCATION_ID, defaultStockFlowSettings, STOCK_CALCULATIONS, stockFlowSettings, type StockCalculation, type StockFlowSettings, type StockFlowSettingsInput } from './settings';
export { STOCK_ENTITY, syncStock } from './sync-stock';
