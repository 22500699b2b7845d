import type { BusinessObjectDef, TableDef } from '../model/business-object';
import { fieldOf } from '../model/business-object';
import type { FieldDef } from '../model/fields';
import { AvBadRequest } from '../model/refusal';

export interface Selection {
  main: FieldDef[];
  /** Null: no detail rows in the response. */
  detail: FieldDef[] | null;
  /** `*` or no Fields: EXT_KEY and <TABLE>_Id come along (see SYNTHETIC_ROW_FIELDS). */
  synthetic: boolean;
}

const light = (table: TableDef) => table.fields.filter((f) => !f.heavy);

export function everything(bo: BusinessObjectDef): Selection {
  return { main: light(bo.table), detail: bo.detail ? light(bo.detail.table) : null, synthetic: true };
}

/** A column reference, plain (`MAIL_BUS`) or table-qualified (`contact.mail_bus`), resolved to its table. */
export function resolveColumn(bo: BusinessObjectDef, reference: string, what: string): { table: TableDef; field: FieldDef | '*' } {
  const parts = reference.trim().split('.');
  const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]];
  let table = bo.table;
  if (prefix !== undefined) {
    const upper = prefix.toUpperCase();
    if (bo.detail && upper === bo.detail.table.name) table = bo.detail.table;
    else if (upper !== bo.table.name) throw new AvBadRequest(`Onbekende tabel '${prefix}' in ${what}.`);
  }
  if (name === '*') return { table, field: '*' };
  const field = name === undefined || parts.length > 2 ? undefined : fieldOf(table, name);
  if (!field) throw new AvBadRequest(`Onbekend veld '${reference.trim()}' in ${what}.`);
  return { table, field };
}

/** `Fields`: `*`, `art_code,ag_code`, `contact.sub_nr, contact.acct_name` (reference §3.2). */
export function parseFields(bo: BusinessObjectDef, raw: string | undefined): Selection {
  const tokens = (raw ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  if (tokens.length === 0 || tokens.includes('*')) return everything(bo);
  const main: FieldDef[] = [];
  let detail: FieldDef[] | null = null;
  for (const token of tokens) {
    const { table, field } = resolveColumn(bo, token, 'Fields');
    const target = table === bo.table ? main : (detail ??= []);
    const add = field === '*' ? light(table) : [field];
    for (const f of add) if (!target.includes(f)) target.push(f);
  }
  return { main, detail, synthetic: false };
}
