/**
 * Problem keys and flow names as the merchant reads them. Free of imports, so client components
 * (the home page) can use them without pulling in the mail and database code.
 */
export const CONSENT_KEY = 'accountview:consent-revoked';
export const TOKEN_KEY = 'bigcommerce:token-refused';

export const FLOW_LABELS: Record<string, string> = {
  orders: 'Orders to AccountView',
  products: 'Products from AccountView',
  stock: 'Stock levels from AccountView',
  customers: 'Customers to AccountView',
};
export const flowLabel = (flow: string | null) => (flow ? (FLOW_LABELS[flow] ?? flow) : 'Connection');
