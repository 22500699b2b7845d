import { knownObject } from './business-objects';
import { fromWallClock, toFilterLiteral, toWallClock, ZONELESS_DATETIME } from './dates';
import { AccountViewError } from './errors';
import type { AvRow, AvValue, FieldType, FieldValue, Filter, FilterScalar, FilterValueType, ReadQuery, WriteRecord } from './types';

/** The largest PageSize any source sends; the real maximum is unknown, and a silently capped page would end paging early. */
export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 500;

/** AccountView separates a list of values with commas (see the simulator's assumptions); a value cannot contain one. */
const LIST_SEPARATOR = ',';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export function pageSizeOf(query: ReadQuery): number {
  const size = query.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1) throw new AccountViewError(`pageSize must be a positive integer, got ${size}`);
  return Math.min(size, MAX_PAGE_SIZE);
}

function valueType(value: FilterScalar, operator: Filter['operator']): FilterValueType {
  if (value instanceof Date) return 'T';
  if (typeof value === 'number') return 'N';
  if (typeof value === 'boolean') return 'L';
  return operator === 'DateOnOrAfterDate' && DATE_ONLY.test(value) ? 'D' : 'C';
}

function filterText(value: FilterScalar, type: FilterValueType, timeZone: string): string {
  if (type === 'D' || type === 'T') {
    if (value instanceof Date || typeof value === 'string') return toFilterLiteral(value, timeZone, type);
    throw new AccountViewError(`A ${type} filter needs a Date or a date string, got ${String(value)}`);
  }
  if (value instanceof Date) return toWallClock(value, timeZone);
  return typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value);
}

/** `FilterControlSource{n}` … `FilterIsListOfValues{n}`, numbered from 1 (reference §3.2). */
export function filterParams(filters: readonly Filter[], timeZone: string, params = new URLSearchParams()): URLSearchParams {
  filters.forEach((filter, i) => {
    const n = i + 1;
    const values = filter.operator === 'In' ? filter.values : [filter.value];
    const first = values[0];
    if (first === undefined) throw new AccountViewError(`Filter on ${filter.field} has no values`);
    const type = filter.type ?? valueType(first, filter.operator);
    const texts = values.map((v) => filterText(v, type, timeZone));
    if (filter.operator === 'In' && texts.some((t) => t.includes(LIST_SEPARATOR))) {
      throw new AccountViewError(`Filter on ${filter.field}: a list value cannot contain "${LIST_SEPARATOR}"`);
    }
    params.set(`FilterControlSource${n}`, filter.field);
    params.set(`FilterOperator${n}`, filter.operator === 'In' ? 'Equal' : filter.operator);
    params.set(`FilterValueType${n}`, type);
    params.set(`FilterValue${n}`, texts.join(LIST_SEPARATOR));
    params.set(`FilterIsListOfValues${n}`, filter.operator === 'In' ? 'true' : 'false');
  });
  return params;
}

function bookDateText(value: Date | string, timeZone: string): string {
  return value instanceof Date ? toWallClock(value, timeZone).slice(0, 10) : value;
}

export function readParams(businessObject: string, query: ReadQuery, page: { size: number; number: number }, timeZone: string): URLSearchParams {
  const params = new URLSearchParams({ BusinessObject: businessObject, PageSize: String(page.size), PageNumber: String(page.number) });
  if (query.fields && query.fields.length > 0) params.set('Fields', query.fields.join(','));
  if (query.sortFields && query.sortFields.length > 0) {
    params.set('SortFields', query.sortFields.join(','));
    params.set('SortOrder', query.sortOrder === 'descending' ? 'Descending' : 'Ascending');
  }
  if (query.matchAny) params.set('matchAnyFilter', 'true');
  if (query.bookDate !== undefined) params.set('BookDate', bookDateText(query.bookDate, timeZone));
  return filterParams(query.filters ?? [], timeZone, params);
}

/**
 * Trims fixed-width padding and turns zone-less datetimes into instants in `timeZone`; recurses into nested
 * detail rows. Empty dates stay `""` for the row schema to read as null.
 */
export function normaliseValue(value: unknown, timeZone: string): AvValue {
  if (typeof value === 'string') {
    const text = value.trim();
    return ZONELESS_DATETIME.test(text) ? (fromWallClock(text, timeZone) ?? text) : text;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => normaliseValue(v, timeZone));
  if (typeof value === 'object' && value !== undefined) return normaliseRow(value, timeZone);
  return null;
}

export function normaliseRow(row: object, timeZone: string): AvRow {
  const out: AvRow = {};
  for (const [key, value] of Object.entries(row)) out[key] = normaliseValue(value, timeZone);
  return out;
}

/**
 * The rows of `table` in a response: AccountView sometimes sends a single row as an object (PHP guards against
 * it for ARTICLE), and an absent key means no rows.
 */
export function rowsOf(body: Record<string, unknown>, table: string | undefined, context: string): object[] {
  const key = table ?? Object.keys(body)[0];
  const found = key === undefined ? undefined : Object.entries(body).find(([k]) => k.toUpperCase() === key.toUpperCase())?.[1];
  if (found === undefined || found === null) return [];
  const rows = Array.isArray(found) ? found : [found];
  if (rows.some((r) => r === null || typeof r !== 'object' || Array.isArray(r))) {
    throw new AccountViewError(`${context}: rows of ${key ?? '?'} are not objects`, {
      userMessage: 'AccountView sent data this app did not expect.',
      hint: 'Contact support; the answer from AccountView had an unexpected shape.',
    });
  }
  return rows as object[];
}

export function tableFor(businessObject: string, explicit: string | undefined): string | undefined {
  return explicit ?? knownObject(businessObject)?.table;
}

// ─── Writing ─────────────────────────────────────────────────────────────────────────────────────

type Columns = Readonly<Record<string, FieldValue>>;

function typeOf(name: string, rows: readonly Columns[], explicit: WriteRecord['types']): FieldType {
  const given = explicit?.[name];
  if (given) return given;
  const sample = rows.map((r) => r[name]).find((v) => v !== null && v !== undefined);
  if (sample instanceof Date) return 'T';
  if (typeof sample === 'number') return 'N';
  if (typeof sample === 'boolean') return 'L';
  return 'C';
}

function written(value: FieldValue | undefined, type: FieldType, timeZone: string): string | number | boolean | null {
  if (value === undefined || value === null) return type === 'C' || type === 'M' ? '' : null;
  if (value instanceof Date) return type === 'D' ? `${toWallClock(value, timeZone).slice(0, 10)}T00:00:00` : toWallClock(value, timeZone);
  return value;
}

function columnNames(rows: readonly Columns[]): string[] {
  const names: string[] = [];
  for (const row of rows) for (const name of Object.keys(row)) if (!names.includes(name)) names.push(name);
  return names;
}

/**
 * The positional body AccountView takes (reference §3.3): definitions with `RowId` (and `HeaderId` on
 * details) plus `Values` in definition order. Datetimes are sent as zone-less wall time in `timeZone`.
 */
export function writeBody(businessObject: string, record: WriteRecord, timeZone: string) {
  const known = knownObject(businessObject);
  const table = record.table ?? known?.table;
  if (!table) throw new AccountViewError(`Unknown business object ${businessObject}: pass record.table`);
  const lines = record.lines ?? [];
  const detailTable = record.detailTable ?? known?.detailTable;
  if (lines.length > 0 && !detailTable) throw new AccountViewError(`${businessObject} has no detail table: pass record.detailTable`);

  const headerNames = Object.keys(record.fields);
  const lineNames = columnNames(lines);
  const headerTypes = headerNames.map((n) => typeOf(n, [record.fields], record.types));
  const lineTypes = lineNames.map((n) => typeOf(n, lines, record.types));
  return {
    BookDate: record.bookDate === undefined ? '' : bookDateText(record.bookDate, timeZone),
    BusinessObject: businessObject,
    Table: {
      Definition: {
        Name: table,
        Fields: [{ Name: 'RowId', FieldType: 'C' }, ...headerNames.map((Name, i) => ({ Name, FieldType: headerTypes[i] ?? 'C' }))],
      },
      DetailDefinitions:
        lines.length > 0 && detailTable
          ? [
              {
                Name: detailTable,
                Fields: [{ Name: 'RowId', FieldType: 'C' }, { Name: 'HeaderId', FieldType: 'C' }, ...lineNames.map((Name, i) => ({ Name, FieldType: lineTypes[i] ?? 'C' }))],
              },
            ]
          : null,
    },
    TableData: {
      Data: { Rows: [{ Values: ['1', ...headerNames.map((n, i) => written(record.fields[n], headerTypes[i] ?? 'C', timeZone))] }] },
      DetailData:
        lines.length > 0
          ? [{ Rows: lines.map((line, k) => ({ Values: [String(k + 1), '1', ...lineNames.map((n, i) => written(line[n], lineTypes[i] ?? 'C', timeZone))] })) }]
          : null,
    },
  };
}
