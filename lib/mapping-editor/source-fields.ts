/** A field an expression can name, with what the sample record holds there. */
export interface SourceField {
  /** JSONata path: `billing_address.city`; arrays are walked without an index, as JSONata does. */
  path: string;
  example: string;
}

const MAX_FIELDS = 400;
const MAX_EXAMPLE = 60;

function exampleOf(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > MAX_EXAMPLE ? `${text.slice(0, MAX_EXAMPLE - 1)}…` : text;
}

/**
 * The leaf fields present in a sample record, first example kept, in reading order. Empty values count
 * as present (the merchant may still want the field); nested objects and arrays are walked.
 */
export function sourceFieldsOf(sample: unknown, options: { skip?: readonly string[] } = {}): SourceField[] {
  const found = new Map<string, string>();
  const skip = new Set(options.skip ?? []);
  const walk = (value: unknown, path: string, depth: number): void => {
    if (found.size >= MAX_FIELDS || depth > 6 || skip.has(path)) return;
    if (Array.isArray(value)) {
      for (const item of value.slice(0, 5)) walk(item, path, depth + 1);
      return;
    }
    if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      for (const [key, child] of Object.entries(value)) walk(child, path === '' ? key : `${path}.${key}`, depth + 1);
      return;
    }
    if (path !== '' && !found.has(path)) found.set(path, value instanceof Date ? value.toISOString() : exampleOf(value));
  };
  walk(sample, '', 0);
  return [...found].map(([path, example]) => ({ path, example }));
}

/** Values the orders flow hands every expression besides the order (see lib/mapping/defaults/orders.ts). */
export const ORDER_VARIABLES: readonly string[] = [
  '$orderId', '$storeHash', '$channelId', '$currency', '$reference', '$email', '$paymentMethod', '$paymentTermDays',
  '$giftCertificateAmount', '$storeCreditAmount', '$pricesIncludeVat', '$journalCode', '$debtorAccount', '$debtor',
  '$deliveryAddress', '$credit', '$lines',
];

/** Fields of one document line (`$` in line fields), as the orders flow builds them. */
export const ORDER_LINE_FIELDS: readonly string[] = [
  'kind', 'description', 'sku', 'ean', 'articleCode', 'ledgerAccount', 'quantity', 'unitPrice', 'amount', 'amountInclVat',
  'amountExclVat', 'vatAmount', 'vatRate', 'vatCode', 'country', 'orderProductId',
];

/** Values the products flow hands every expression besides the article (see lib/mapping/defaults/products.ts). */
export const PRODUCT_VARIABLES: readonly string[] = ['$pricesIncludeVat', '$vatRate', '$taxClassId', '$defaultWeight', '$hideBlocked'];
