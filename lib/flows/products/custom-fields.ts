import type { ProductsContext } from './ports';

export interface CustomFieldValue {
  name: string;
  value: string;
}

/** The mapping's `custom_fields` as name/value pairs; anything else is left out. */
export function customFieldsOf(value: unknown): CustomFieldValue[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (!item || typeof item !== 'object') return [];
    const { name, value: fieldValue } = item as Record<string, unknown>;
    if (typeof name !== 'string' || name.trim() === '' || fieldValue === undefined || fieldValue === null || String(fieldValue) === '') return [];
    return [{ name: name.trim().slice(0, 250), value: String(fieldValue).slice(0, 250) }];
  });
}

/**
 * Brings the product's custom fields named by the mapping in step, by name. The batch product PUT would
 * add `custom_fields` without an id as new fields every time, so they go through their own endpoints;
 * fields the merchant added under other names are left alone. Returns the number of writes.
 */
export async function syncCustomFields(ctx: ProductsContext, productId: number, wanted: CustomFieldValue[]): Promise<number> {
  if (wanted.length === 0) return 0;
  const existing = new Map<string, { id: number; value: string }>();
  for await (const field of ctx.bigcommerce.listCustomFields(productId)) {
    if (typeof field.id === 'number' && field.name) existing.set(field.name, { id: field.id, value: field.value ?? '' });
  }
  let writes = 0;
  for (const field of wanted) {
    const current = existing.get(field.name);
    if (!current) {
      await ctx.bigcommerce.createCustomField(productId, field);
      writes += 1;
    } else if (current.value !== field.value) {
      await ctx.bigcommerce.updateCustomField(productId, current.id, field);
      writes += 1;
    }
  }
  return writes;
}
