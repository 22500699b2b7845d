import type { FieldMode, FieldType, MappingOverrides, RecordMapping } from '@/lib/mapping';
import { ORDER_MAPPING_RECORDS, type OrderMappingRecord } from '@/lib/mapping/defaults/orders';
import { productMapping } from '@/lib/mapping/defaults/products';

/** The flows with a field mapping. Stock and customers are shaped by their settings only. */
export const MAPPER_FLOWS = ['orders', 'products'] as const;
export type MapperFlow = (typeof MAPPER_FLOWS)[number];

export const isMapperFlow = (value: string): value is MapperFlow => (MAPPER_FLOWS as readonly string[]).includes(value);

/** One target field as the editor shows it. */
export interface EditorField {
  /** The override key: `name` (products), `salesOrder.COMMENT2` or `salesOrder.lines.ART_CODE` (orders). */
  key: string;
  /** Which record it belongs to, in plain words ("Sales order lines"). */
  group: string;
  target: string;
  defaultExpression: string;
  type?: FieldType;
  required: boolean;
  /** Products only: the default's "on create only" / "keep updated"; orders have no such choice. */
  mode?: FieldMode;
  description?: string;
}

const ORDER_GROUPS: Record<OrderMappingRecord, string> = {
  debtor: 'Debtor (the customer in AccountView)',
  deliveryAddress: 'Delivery address',
  salesOrder: 'Sales order',
  salesInvoice: 'Sales invoice',
};

function fieldsOf(mapping: RecordMapping, keyPrefix: string, group: string, withMode: boolean): EditorField[] {
  const header = mapping.fields.map((f): EditorField => ({
    key: keyPrefix + f.target,
    group,
    target: f.target,
    defaultExpression: f.expression,
    required: f.required === true,
    ...(f.type ? { type: f.type } : {}),
    ...(withMode ? { mode: f.mode ?? 'always' } : {}),
    ...(f.description ? { description: f.description } : {}),
  }));
  const lines = (mapping.lines?.fields ?? []).map((f): EditorField => ({
    key: `${keyPrefix}lines.${f.target}`,
    group: `${group} lines`,
    target: f.target,
    defaultExpression: f.expression,
    required: f.required === true,
    ...(f.type ? { type: f.type } : {}),
    ...(f.description ? { description: f.description } : {}),
  }));
  return [...header, ...lines];
}

/** Every target field of a flow with its default expression, in the order the records are written. */
export function editorFields(flow: MapperFlow): EditorField[] {
  if (flow === 'products') return fieldsOf(productMapping, '', 'Product', true);
  return (Object.keys(ORDER_MAPPING_RECORDS) as OrderMappingRecord[]).flatMap((record) =>
    fieldsOf(ORDER_MAPPING_RECORDS[record], `${record}.`, ORDER_GROUPS[record], false),
  );
}

/** The overrides without the field's own: the field goes back to its default expression. */
export function restoreDefault(overrides: MappingOverrides, key: string): MappingOverrides {
  const { [key]: _restored, ...rest } = overrides;
  return rest;
}

/**
 * What is worth storing: expressions that differ from their default (after trimming), known fields only,
 * plus fields the merchant removed on purpose (an empty expression for an optional field).
 */
export function cleanOverrides(flow: MapperFlow, overrides: MappingOverrides): MappingOverrides {
  const defaults = new Map(editorFields(flow).map((f) => [f.key, f.defaultExpression]));
  const clean: MappingOverrides = {};
  for (const [key, expression] of Object.entries(overrides)) {
    if (expression === undefined || !defaults.has(key)) continue;
    if (expression.trim() === (defaults.get(key) ?? '').trim()) continue;
    clean[key] = expression.trim();
  }
  return clean;
}

/**
 * The editor field a problem belongs to. Mapping errors name the target as the record sees it
 * (`COMMENT2`, `lines[2].ART_CODE`, `lines.ART_PX`); orders keys carry the record in front.
 */
export function fieldKeyFor(flow: MapperFlow, target: string | undefined, changed: MappingOverrides = {}): string | undefined {
  if (!target) return undefined;
  const normalised = target.replace(/^lines\[\d+\]\./, 'lines.');
  const keys = editorFields(flow).map((f) => f.key);
  if (keys.includes(normalised)) return normalised;
  const candidates = keys.filter((k) => k.endsWith(`.${normalised}`));
  // The same column exists on several records (SUB_NR…): the one the merchant changed is the suspect.
  return candidates.find((k) => changed[k] !== undefined) ?? candidates[0];
}
