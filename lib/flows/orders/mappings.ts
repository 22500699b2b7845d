import { compileMapping, mergeMapping, MappingCompileError, type CompiledMapping, type FieldType, type MappingOverrides, type RecordMapping } from '@/lib/mapping';
import { ORDER_MAPPING_RECORDS, type OrderMappingRecord } from '@/lib/mapping/defaults/orders';

/** A record's mapping, compiled, plus the field types the flow needs to send dates as dates. */
export interface OrderMapping {
  compiled: CompiledMapping;
  headerTypes: Record<string, FieldType | undefined>;
  lineTypes: Record<string, FieldType | undefined>;
}

export type OrderMappings = Record<OrderMappingRecord, OrderMapping>;

const RECORDS = Object.keys(ORDER_MAPPING_RECORDS) as OrderMappingRecord[];

/** `salesOrder.COMMENT2` → header override of salesOrder; `salesOrder.lines.ART_PX` → line override. */
export function splitOverrides(overrides: Partial<Record<string, string>> | undefined): Record<OrderMappingRecord, { header: MappingOverrides; lines: MappingOverrides }> {
  const out = Object.fromEntries(RECORDS.map((r) => [r, { header: {}, lines: {} }])) as Record<OrderMappingRecord, { header: MappingOverrides; lines: MappingOverrides }>;
  for (const [key, expression] of Object.entries(overrides ?? {})) {
    if (expression === undefined) continue;
    const dot = key.indexOf('.');
    const record = RECORDS.find((r) => r === key.slice(0, dot));
    if (dot < 0 || !record) {
      throw new MappingCompileError(key, `names no record of the orders mapping; start it with one of ${RECORDS.join(', ')}`);
    }
    const rest = key.slice(dot + 1);
    if (rest.startsWith('lines.')) out[record].lines[rest.slice('lines.'.length)] = expression;
    else out[record].header[rest] = expression;
  }
  return out;
}

function typesOf(fields: RecordMapping['fields']): Record<string, FieldType | undefined> {
  return Object.fromEntries(fields.map((f) => [f.target, f.type]));
}

const cache = new WeakMap<object, OrderMappings>();
const NO_OVERRIDES = {};

/**
 * The defaults with the store's overrides, compiled once per overrides object. Throws a MappingCompileError
 * (naming the field) when an override does not compile: every order would fail the same way.
 */
export function orderMappings(overrides: Partial<Record<string, string>> | undefined): OrderMappings {
  const key = overrides ?? NO_OVERRIDES;
  const cached = cache.get(key);
  if (cached) return cached;
  const split = splitOverrides(overrides);
  const built = Object.fromEntries(
    RECORDS.map((record) => {
      const merged = mergeMapping(ORDER_MAPPING_RECORDS[record], split[record].header, split[record].lines);
      return [record, { compiled: compileMapping(merged), headerTypes: typesOf(merged.fields), lineTypes: typesOf(merged.lines?.fields ?? []) }];
    }),
  ) as OrderMappings;
  cache.set(key, built);
  return built;
}
