import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../assumptions';
import type { BusinessObjectDef } from '../model/business-object';
import { isNumeric } from '../model/fields';
import { text } from '../model/lookups';
import { AvBadRequest } from '../model/refusal';
import type { Row } from '../types';
import { matches, parseFilters } from './filters';
import { linesOf, renderResponse } from './render';
import { parseFields, resolveColumn } from './selection';

function positiveInt(query: Map<string, string>, name: string, fallback: number): number {
  const raw = query.get(name.toLowerCase());
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new AvBadRequest(`${name} moet een positief geheel getal zijn, niet '${raw}'.`);
  return n;
}

type Compare = (a: Row, b: Row) => number;

function comparator(field: string, numeric: boolean, descending: boolean): Compare {
  const sign = descending ? -1 : 1;
  return (a, b) => {
    const x = numeric ? Number(a[field] ?? 0) : text(a[field]);
    const y = numeric ? Number(b[field] ?? 0) : text(b[field]);
    return x < y ? -sign : x > y ? sign : 0;
  };
}

/** SortFields/SortOrder (GO); without them the lastKey column, as DEFAULT_ORDER in the assumptions says. */
function sortOrder(bo: BusinessObjectDef, query: Map<string, string>): Compare[] {
  const order = (query.get('sortorder') ?? 'ascending').toLowerCase();
  if (!['ascending', 'descending', 'asc', 'desc'].includes(order)) throw new AvBadRequest(`Onbekende SortOrder '${order}'.`);
  const descending = order.startsWith('desc');
  const named = (query.get('sortfields') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const keys = named.map((ref) => {
    const { table, field } = resolveColumn(bo, ref, 'SortFields');
    if (field === '*' || table !== bo.table) throw new AvBadRequest(`SortFields kan niet sorteren op '${ref}'.`);
    return comparator(field.name, isNumeric(field.type), descending);
  });
  const lastKey = bo.table.fields.find((f) => f.name === bo.table.lastKey);
  if (lastKey && named.length === 0) keys.push(comparator(lastKey.name, isNumeric(lastKey.type), descending));
  keys.push(comparator('REC_ID', true, false));
  return keys;
}

/**
 * One page of a business object. No totals and no next link (reference §3.2): the client stops at a short page.
 * `lastKey` pages by the table's key column instead of by page number (RB).
 */
export function readPage(bo: BusinessObjectDef, rows: readonly Row[], detailRows: readonly Row[], query: Map<string, string>) {
  const selection = parseFields(bo, query.get('fields'));
  const filters = parseFilters(bo, query);
  const matchAny = (query.get('matchanyfilter') ?? 'false').toLowerCase() === 'true';
  const pageSize = Math.min(positiveInt(query, 'PageSize', DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);

  const hasDetailFilter = filters.some((f) => f.onDetail);
  let found = rows.filter((row) => matches(filters, matchAny, row, hasDetailFilter ? linesOf(bo, row, detailRows) : []));

  let page: Row[];
  const lastKey = query.get('lastkey');
  if (lastKey !== undefined) {
    const keyField = bo.table.fields.find((f) => f.name === bo.table.lastKey);
    const numeric = keyField ? isNumeric(keyField.type) : true;
    const keyName = keyField?.name ?? 'REC_ID';
    const after = (r: Row) => (lastKey.trim() === '' ? true : numeric ? Number(r[keyName] ?? 0) > Number(lastKey) : text(r[keyName]) > lastKey.trim());
    found = found.filter(after).sort(comparator(keyName, numeric, false));
    page = found.slice(0, pageSize);
  } else {
    const keys = sortOrder(bo, query);
    found = [...found].sort((a, b) => keys.reduce((acc, k) => acc || k(a, b), 0));
    const pageNumber = positiveInt(query, 'PageNumber', 1);
    page = found.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  }
  return renderResponse(bo, page, detailRows, selection);
}
