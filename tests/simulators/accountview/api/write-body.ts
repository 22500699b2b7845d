import { z } from 'zod';
import type { BusinessObjectDef, TableDef } from '../model/business-object';
import { fieldOf } from '../model/business-object';
import type { FieldDef } from '../model/fields';
import { AvBadRequest } from '../model/refusal';
import type { Row } from '../types';
import { coerce } from './coerce';

/** JSON property names in any case (PHP sends `name`, `values`): compare them lower-cased. */
function lowerKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lowerKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toLowerCase(), lowerKeys(v)]));
}

const fieldDefinition = z.object({ name: z.string().min(1), fieldtype: z.string().nullish() });
const tableDefinition = z.object({ name: z.string().min(1), fields: z.array(fieldDefinition).min(1) });
const tableRows = z.object({ rows: z.array(z.object({ values: z.array(z.unknown()) })) });
const FIELD_TYPE_CODES = ['C', 'N', 'T', 'L', 'I', 'Y', 'B', 'M', 'D', 'G'];

const writeBody = z.object({
  // Empty, a zone-less local time with a literal .000Z, or a date without zero padding all occur (reference §6).
  bookdate: z.string().regex(/^$|^\d{4}-\d{1,2}-\d{1,2}/, 'BookDate is geen datum').nullish(),
  businessobject: z.string().min(1),
  table: z.object({ definition: tableDefinition, detaildefinitions: z.array(tableDefinition).nullish() }),
  tabledata: z.object({ data: tableRows, detaildata: z.array(tableRows).nullish() }),
});

export interface WrittenRow {
  /** RowId (headers) or HeaderId (details), as text; null when the row has none. */
  link: string | null;
  rowId: string | null;
  values: Row;
}

export interface ParsedWrite {
  bo: BusinessObjectDef;
  headers: WrittenRow[];
  lines: WrittenRow[];
}

type Column = { kind: 'rowid' } | { kind: 'headerid' } | { kind: 'field'; field: FieldDef };

function columns(table: TableDef, definition: z.infer<typeof tableDefinition>, detail: boolean): Column[] {
  const seen = new Set<string>();
  return definition.fields.map((f) => {
    const name = f.name.toUpperCase();
    if (seen.has(name)) throw new AvBadRequest(`Veld ${name} staat twee keer in de definitie van ${table.name}.`);
    seen.add(name);
    if (f.fieldtype && !FIELD_TYPE_CODES.includes(f.fieldtype.toUpperCase())) {
      throw new AvBadRequest(`Onbekend FieldType '${f.fieldtype}' voor ${name}.`);
    }
    if (name === 'ROWID') return { kind: 'rowid' };
    if (name === 'HEADERID' && detail) return { kind: 'headerid' };
    const field = fieldOf(table, name);
    if (!field) throw new AvBadRequest(`Veld ${name} bestaat niet in tabel ${table.name}.`);
    return { kind: 'field', field };
  });
}

function rows(table: TableDef, cols: Column[], data: z.infer<typeof tableRows>): WrittenRow[] {
  return data.rows.map((r, i) => {
    if (r.values.length !== cols.length) {
      throw new AvBadRequest(`Rij ${i + 1} van ${table.name} heeft ${r.values.length} waarden voor ${cols.length} velden.`);
    }
    const out: WrittenRow = { link: null, rowId: null, values: {} };
    cols.forEach((col, k) => {
      const raw = r.values[k];
      if (col.kind === 'rowid') out.rowId = raw === null || raw === undefined ? null : String(raw).trim();
      else if (col.kind === 'headerid') out.link = raw === null || raw === undefined ? null : String(raw).trim();
      else {
        try {
          out.values[col.field.name] = coerce(col.field.type, raw);
        } catch (err) {
          const why = err instanceof Error ? err.message : String(err);
          throw new AvBadRequest(`Ongeldige waarde voor ${table.name}.${col.field.name} in rij ${i + 1}: ${why}.`);
        }
      }
    });
    if (cols.every((c) => c.kind !== 'headerid')) out.link = out.rowId;
    return out;
  });
}

/** The positional `Definition`/`TableData` body (reference §3.3), as tolerant as the real server evidently is (§6). */
export function parseWriteBody(raw: string, objects: ReadonlyMap<string, BusinessObjectDef>): ParsedWrite {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AvBadRequest('De body is geen geldige JSON.');
  }
  const parsed = writeBody.safeParse(lowerKeys(json));
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
    throw new AvBadRequest(`De body heeft niet de verwachte vorm (${where}).`);
  }
  const body = parsed.data;
  const bo = objects.get(body.businessobject.trim().toUpperCase());
  if (!bo) throw new AvBadRequest(`Onbekend bedrijfsobject '${body.businessobject}'.`);
  if (body.table.definition.name.toUpperCase() !== bo.table.name) {
    throw new AvBadRequest(`Tabel ${body.table.definition.name} hoort niet bij ${bo.code}; verwacht ${bo.table.name}.`);
  }
  const headerCols = columns(bo.table, body.table.definition, false);
  const headers = rows(bo.table, headerCols, body.tabledata.data);

  const detailDefs = body.table.detaildefinitions ?? [];
  const detailData = body.tabledata.detaildata ?? [];
  if (detailDefs.length === 0) return { bo, headers, lines: [] };
  const [detailDef, ...more] = detailDefs;
  if (!bo.detail || !detailDef || more.length > 0 || detailDef.name.toUpperCase() !== bo.detail.table.name) {
    throw new AvBadRequest(`${bo.code} heeft ${bo.detail ? `alleen detailtabel ${bo.detail.table.name}` : 'geen detailtabel'}.`);
  }
  const lineCols = columns(bo.detail.table, detailDef, true);
  const lineData = detailData[0] ?? { rows: [] };
  return { bo, headers, lines: rows(bo.detail.table, lineCols, lineData) };
}
