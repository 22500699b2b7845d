export { exportOrders, pollOrders, type ExportInput } from './export-orders';
export type { ExportSummary, OrderResult, OrdersContext, RecordOutcome } from './ports';
export {
  DEFAULT_STATUS_IDS,
  defaultOrderFlowSettings,
  ORDER_STATUS,
  orderFlowSettings,
  type OrderFlowSettings,
  type OrderFlowSettingsInput,
  type ServiceLineKind,
} from './settings';
export { orderMappings, splitOverrides, type OrderMappings } from './mappings';
