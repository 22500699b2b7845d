import { EMPTY_DATE, PAD_CHARACTER_COLUMNS, SINGLE_ROW_AS_OBJECT_TABLES, SYNTHETIC_ROW_FIELDS } from '../assumptions';
import type { BusinessObjectDef } from '../model/business-object';
import { isDate, isNumeric, type FieldDef } from '../model/fields';
import { text } from '../model/lookups';
import type { Row } from '../types';
import type { Selection } from './selection';

type Json = string | number | boolean | null | { name: string } | Json[] | { [key: string]: Json };

function renderValue(field: FieldDef, value: Row[string] | undefined): Json {
  if (isNumeric(field.type)) return Number(value ?? 0);
  if (field.type === 'L') return value === true;
  if (isDate(field.type)) return typeof value === 'string' && value !== '' ? value : EMPTY_DATE;
  if (field.type === 'G') return typeof value === 'string' && value !== '' ? { name: value } : null;
  const s = value === undefined ? '' : String(value);
  return field.type === 'C' && PAD_CHARACTER_COLUMNS && field.len ? s.padEnd(field.len) : s;
}

function renderRow(fields: readonly FieldDef[], row: Row): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const f of fields) out[f.name] = renderValue(f, row[f.name]);
  return out;
}

/** Detail rows of a header, found through the link columns. */
export function linesOf(bo: BusinessObjectDef, header: Row, detailRows: readonly Row[]): Row[] {
  const link = bo.detail?.link ?? [];
  if (link.length === 0) return [];
  return detailRows.filter((line) => link.every((f) => text(line[f]) === text(header[f])));
}

/** The response body: table key first (one client depends on it), rows nested with their details. */
export function renderResponse(bo: BusinessObjectDef, headers: readonly Row[], detailRows: readonly Row[], selection: Selection, forWrite = false): Record<string, Json> {
  const mainName = bo.table.name;
  const detail = bo.detail;
  let lineIndex = 0;
  const rows = headers.map((header, i) => {
    const out = renderRow(selection.main, header);
    if (selection.synthetic) {
      out[SYNTHETIC_ROW_FIELDS.extKey] = Number(header.REC_ID ?? 0);
      out[`${mainName}${SYNTHETIC_ROW_FIELDS.positionSuffix}`] = i;
    }
    if (detail && selection.detail) {
      out[detail.table.name] = linesOf(bo, header, detailRows).map((line) => {
        const l = renderRow(selection.detail ?? [], line);
        if (selection.synthetic) {
          l[`${mainName}${SYNTHETIC_ROW_FIELDS.positionSuffix}`] = i;
          l[`${detail.table.name}${SYNTHETIC_ROW_FIELDS.positionSuffix}`] = lineIndex++;
        }
        return l;
      });
    }
    return out;
  });
  const body: Record<string, Json> = {};
  const single = rows.length === 1 && !forWrite && SINGLE_ROW_AS_OBJECT_TABLES.includes(mainName);
  body[mainName] = single && rows[0] ? rows[0] : rows;
  for (const extra of bo.alsoReturns ?? []) body[extra] = [];
  return body;
}
