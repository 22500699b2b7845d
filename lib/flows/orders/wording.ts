import type { LineKind } from './document';

/** How the activity log names each kind of line. */
export const SERVICE_LABEL: Record<LineKind, string> = {
  product: 'a product',
  discount: 'discounts',
  shipping: 'shipping',
  handling: 'handling costs',
  wrapping: 'gift wrapping',
  fee: 'order fees',
  'gift-certificate': 'gift certificates sold',
  'gift-certificate-payment': 'payments by gift certificate',
  'store-credit': 'payments by store credit',
  refund: 'refunded amounts',
  rounding: 'rounding differences',
};

/** Amounts in messages: `EUR 12.95`, `GBP -3.00`. */
export function money(cents: number, currency: string): string {
  return `${currency} ${(cents / 100).toFixed(2)}`;
}
