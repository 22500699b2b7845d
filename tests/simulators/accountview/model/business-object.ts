import type { Row, SimCompany } from '../types';
import type { FieldDef } from './fields';

export interface TableDef {
  name: string;
  description: string;
  fields: readonly FieldDef[];
  /** The column `lastKey` paging and the default order use (RB: SUB_NR, ACCT_NR, else REC_ID). */
  lastKey: string;
}

export interface WriteContext {
  company: SimCompany;
  /** AccountView's wall clock now, for CNG_DATE and default dates. */
  now: string;
  /** Header rows of the same request accepted before this one, for numbering and duplicate checks. */
  pending: Row[];
}

export interface BusinessObjectDef {
  code: string;
  description: string;
  table: TableDef;
  detail?: { table: TableDef; link: readonly string[] };
  /** Empty tables listed after the main one in read responses. */
  alsoReturns?: readonly string[];
  /** Column a PUT finds its record by; no key means updates are refused. */
  updateKey?: string;
  insertAllowed: boolean;
  updateAllowed: boolean;
  deleteAllowed: boolean;
  /** Fills numbers and defaults and throws AvRefusal for what AccountView refuses. Must not change state. */
  prepareInsert?(ctx: WriteContext, header: Row, lines: Row[]): void;
  /** Side effects once every row of the request was accepted; must not fail. */
  afterInsert?(ctx: WriteContext, header: Row, lines: Row[]): void;
  prepareUpdate?(ctx: WriteContext, existing: Row, changes: Row): void;
  /** System objects (data dictionary, administrations) compute their rows instead of storing them. */
  rows?(company: SimCompany): Row[];
}

export function fieldOf(table: TableDef, name: string): FieldDef | undefined {
  const upper = name.toUpperCase();
  return table.fields.find((f) => f.name === upper);
}
