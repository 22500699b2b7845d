export { DEBTOR_FIELDS, mapDebtor, splitName, type CustomerDraft } from './debtor';
export { CUSTOMERS_CHECKPOINT, CUSTOMERS_FLOW, customerHandlers, describeCustomers } from './handlers';
export type { CustomerSummary, CustomerSyncInput, CustomersContext } from './ports';
export { customerFlowSettings, defaultCustomerFlowSettings, type CustomerFlowSettings, type CustomerFlowSettingsInput } from './settings';
export { CUSTOMER_ENTITY, syncCustomers } from './sync-customers';
