import type { SetupFlow } from '@/lib/onboarding/progress';

/** What each flow does, in the merchant's words. */
export const FLOW_TEXT: Record<SetupFlow, { title: string; description: string }> = {
  orders: { title: 'Orders to AccountView', description: 'Paid orders become sales orders or sales invoices, with the customer as debtor.' },
  products: { title: 'Products from AccountView', description: 'Articles become products: name, price, EAN, weight, images and categories.' },
  stock: { title: 'Stock from AccountView', description: 'Stock levels of articles are copied to BigCommerce every few minutes.' },
  customers: { title: 'Customers from AccountView', description: 'Debtors with an e-mail address become BigCommerce customers.' },
};
