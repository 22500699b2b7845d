import { ERROR_NUMBERS } from '../assumptions';
import type { Row, SimCompany, Value } from '../types';
import { AvRefusal } from './refusal';

export function tableRows(company: SimCompany, table: string): Row[] {
  company.tables[table] ??= [];
  return company.tables[table];
}

export function text(value: Value | undefined): string {
  return typeof value === 'string' ? value.trim() : value === undefined ? '' : String(value);
}

export function findRow(company: SimCompany, table: string, field: string, value: Value | undefined): Row | undefined {
  const wanted = text(value);
  return tableRows(company, table).find((r) => text(r[field]) === wanted);
}

/** "Highest number + 1" over stored and pending rows; non-numeric values are skipped. */
export function nextNumber(rows: readonly Row[], field: string, first: number): number {
  let max = first - 1;
  for (const row of rows) {
    const n = Number(text(row[field]));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return max + 1;
}

/** Refuses an empty or unknown reference; empty is allowed unless `required`. */
export function requireReference(
  company: SimCompany,
  row: Row,
  field: string,
  table: string,
  targetField: string,
  label: string,
  required = false,
): Row | undefined {
  const value = text(row[field]);
  if (value === '') {
    if (required) throw new AvRefusal(ERROR_NUMBERS.mandatory, `Het veld ${label} (${field}) is verplicht.`);
    return undefined;
  }
  const found = findRow(company, table, targetField, value);
  if (!found) throw new AvRefusal(ERROR_NUMBERS.unknownReference, `${label} '${value}' bestaat niet (${field}).`);
  return found;
}
