import { describe, expect, it } from 'vitest';
import { CUSTOMER_GROUPS, PRODUCT_GROUPS, STOCK_GROUPS } from '@/app/settings/[flow]/_components/catalog-fields';
import { getPath, setPath, type Group } from '@/app/settings/[flow]/_components/field-types';
import { ORDER_GROUPS } from '@/app/settings/[flow]/_components/orders-fields';
import { FLOW_SCHEMAS, type SetupFlow } from '@/lib/onboarding';

const GROUPS: Record<SetupFlow, Group[]> = { orders: ORDER_GROUPS, products: PRODUCT_GROUPS, stock: STOCK_GROUPS, customers: CUSTOMER_GROUPS };
// Options whose default is "not set", so they are absent from the parsed defaults.
const OPTIONAL = new Set(['vatTable.countries', 'customerGroupId']);

/** Paths of the defaults down to values a field edits whole: scalars, lists and maps (objects under a map field). */
function leaves(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

/** The settings pages must offer every option the flows' schemas support, and nothing they do not. */
describe.each(Object.keys(GROUPS) as SetupFlow[])('settings page fields of %s', (flow) => {
  const fields = GROUPS[flow].flatMap((g) => g.fields);
  const defaults = FLOW_SCHEMAS[flow].parse({}) as Record<string, unknown>;
  const covers = (path: string) => fields.some((f) => path === f.path || path.startsWith(`${f.path}.`));

  it('has a field for every option', () => {
    const shapeKeys = Object.keys((FLOW_SCHEMAS[flow] as unknown as { shape: Record<string, unknown> }).shape);
    expect(shapeKeys.filter((k) => !fields.some((f) => f.path === k || f.path.startsWith(`${k}.`)))).toEqual([]);
    expect(leaves(defaults).filter((p) => !covers(p))).toEqual([]);
  });

  it('names only options that exist', () => {
    expect(fields.filter((f) => getPath(defaults, f.path) === undefined && !OPTIONAL.has(f.path)).map((f) => f.path)).toEqual([]);
    expect(new Set(fields.map((f) => f.path)).size).toBe(fields.length);
  });
});

describe('setting a value by its path', () => {
  it('changes only that value and keeps the rest', () => {
    const before = { serviceLines: { shipping: { article: 'A', account: '8100' } }, journalCode: 'VRK' };
    const after = setPath(before, 'serviceLines.shipping.article', 'B');
    expect(after).toEqual({ serviceLines: { shipping: { article: 'B', account: '8100' } }, journalCode: 'VRK' });
    expect(before.serviceLines.shipping.article).toBe('A');
    expect(setPath(after, 'journalCode', undefined)).not.toHaveProperty('journalCode');
  });
});
