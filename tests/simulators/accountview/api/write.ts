import { CHANGE_DATE_FIELD, ERROR_NUMBERS, REFUSE_TOO_LONG_VALUES } from '../assumptions';
import type { BusinessObjectDef, TableDef, WriteContext } from '../model/business-object';
import { emptyValue, isNumeric } from '../model/fields';
import { nextNumber, tableRows, text } from '../model/lookups';
import { AvBadRequest, AvRefusal } from '../model/refusal';
import type { Row, SimCompany } from '../types';
import { renderResponse } from './render';
import { everything } from './selection';
import type { ParsedWrite, WrittenRow } from './write-body';

interface Planned {
  header: Row;
  lines: Row[];
}

function label(table: TableDef, index: number, detail: boolean): string {
  return detail ? `${table.description} regel ${index + 1}: ` : '';
}

function checkMandatory(table: TableDef, row: Row, mode: 'insert' | 'update', prefix: string): void {
  for (const f of table.fields) {
    if (!f.mandatory) continue;
    const listed = f.name in row;
    if (mode === 'update' && !listed) continue;
    const empty = !listed || (!isNumeric(f.type) && f.type !== 'L' && text(row[f.name]) === '');
    if (empty) throw new AvRefusal(ERROR_NUMBERS.mandatory, `${prefix}Het veld '${f.description}' (${f.name}) is verplicht.`);
  }
}

function checkLengths(table: TableDef, row: Row, prefix: string): void {
  if (!REFUSE_TOO_LONG_VALUES) return;
  for (const f of table.fields) {
    const value = row[f.name];
    if (f.type === 'C' && f.len && typeof value === 'string' && value.length > f.len) {
      throw new AvRefusal(ERROR_NUMBERS.tooLong, `${prefix}De waarde van ${f.name} is te lang (${value.length} tekens, maximaal ${f.len}).`);
    }
  }
}

function withDefaults(table: TableDef, row: Row): Row {
  const out: Row = {};
  for (const f of table.fields) out[f.name] = row[f.name] ?? emptyValue(f);
  return out;
}

/** Detail rows per header: by RowId/HeaderId, or all of them when the single header has no RowId (DJ2, §6). */
function group(parsed: ParsedWrite): { header: WrittenRow; lines: WrittenRow[] }[] {
  const { headers, lines } = parsed;
  if (headers.length === 1 && headers[0]?.rowId === null) return [{ header: headers[0], lines }];
  const groups = headers.map((header) => ({ header, lines: [] as WrittenRow[] }));
  for (const line of lines) {
    const owner = groups.find((g) => g.header.rowId !== null && g.header.rowId === line.link);
    if (!owner) throw new AvBadRequest(`Detailregel met HeaderId '${line.link ?? ''}' hoort bij geen enkele kopregel.`);
    owner.lines.push(line);
  }
  return groups;
}

function commit(bo: BusinessObjectDef, ctx: WriteContext, planned: Planned[]): void {
  const headerRows = tableRows(ctx.company, bo.table.name);
  const detailRows = bo.detail ? tableRows(ctx.company, bo.detail.table.name) : [];
  let nextHeader = nextNumber(headerRows, 'REC_ID', 1);
  let nextLine = nextNumber(detailRows, 'REC_ID', 1);
  for (const { header, lines } of planned) {
    header.REC_ID = nextHeader++;
    header[CHANGE_DATE_FIELD] = ctx.now;
    headerRows.push(header);
    for (const line of lines) {
      line.REC_ID = nextLine++;
      line[CHANGE_DATE_FIELD] = ctx.now;
      detailRows.push(line);
    }
    bo.afterInsert?.(ctx, header, lines);
  }
}

/** POST: every row is checked before any is stored, so a refusal leaves the administration untouched. */
export function insert(parsed: ParsedWrite, company: SimCompany, now: string) {
  const { bo } = parsed;
  if (!bo.insertAllowed) throw new AvRefusal(ERROR_NUMBERS.notAllowed, `Toevoegen aan ${bo.description} (${bo.code}) via de API is niet toegestaan.`);
  const planned: Planned[] = [];
  const ctx: WriteContext = { company, now, pending: [] };
  for (const { header: written, lines: writtenLines } of group(parsed)) {
    checkMandatory(bo.table, written.values, 'insert', '');
    checkLengths(bo.table, written.values, '');
    const detail = bo.detail;
    const lines = writtenLines.map((l, i) => {
      if (!detail) return l.values;
      checkMandatory(detail.table, l.values, 'insert', label(detail.table, i, true));
      checkLengths(detail.table, l.values, label(detail.table, i, true));
      return withDefaults(detail.table, l.values);
    });
    const header = withDefaults(bo.table, written.values);
    bo.prepareInsert?.({ ...ctx, pending: planned.map((p) => p.header) }, header, lines);
    for (const line of lines) for (const f of detail?.link ?? []) line[f] = header[f] ?? '';
    checkLengths(bo.table, header, '');
    planned.push({ header, lines });
  }
  commit(bo, ctx, planned);
  return renderResponse(bo, planned.map((p) => p.header), planned.flatMap((p) => p.lines), everything(bo), true);
}

/** PUT: only the listed columns change (PARTIAL_UPDATES); the row names its record by the update key. */
export function update(parsed: ParsedWrite, company: SimCompany, now: string) {
  const { bo } = parsed;
  const key = bo.updateKey;
  if (!bo.updateAllowed || !key) throw new AvRefusal(ERROR_NUMBERS.notAllowed, `Wijzigen van ${bo.description} (${bo.code}) via de API is niet toegestaan.`);
  if (parsed.lines.length > 0) throw new AvRefusal(ERROR_NUMBERS.notAllowed, `Detailregels van ${bo.code} kunnen niet via een wijziging worden aangepast.`);
  const keyField = bo.table.fields.find((f) => f.name === key);
  const ctx: WriteContext = { company, now, pending: [] };
  const planned = parsed.headers.map(({ values }) => {
    const wanted = text(values[key]);
    if (wanted === '' || (keyField && isNumeric(keyField.type) && Number(values[key]) === 0)) {
      throw new AvRefusal(ERROR_NUMBERS.mandatory, `Het sleutelveld ${key} ontbreekt; zonder sleutel kan ${bo.description} niet worden gewijzigd.`);
    }
    const existing = tableRows(company, bo.table.name).find((r) => text(r[key]) === wanted);
    if (!existing) throw new AvRefusal(ERROR_NUMBERS.recordNotFound, `${bo.description}: record met ${key} '${wanted}' bestaat niet.`);
    const changes: Row = { ...values };
    delete changes[key];
    delete changes.REC_ID;
    checkMandatory(bo.table, changes, 'update', '');
    checkLengths(bo.table, changes, '');
    bo.prepareUpdate?.(ctx, existing, changes);
    return { existing, changes };
  });
  for (const { existing, changes } of planned) Object.assign(existing, changes, { [CHANGE_DATE_FIELD]: now });
  const detailRows = bo.detail ? tableRows(company, bo.detail.table.name) : [];
  return renderResponse(bo, planned.map((p) => p.existing), detailRows, everything(bo), true);
}
