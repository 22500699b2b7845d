import { CHANGE_DATE_FIELD, ERROR_NUMBERS } from '../../assumptions';
import type { Row } from '../../types';
import { datetime, int, type FieldDef } from '../fields';
import { text } from '../lookups';
import { AvRefusal } from '../refusal';

/** Columns every simulated table has: the record id RB pages on, and the change date (see assumptions). */
export const recordColumns: readonly FieldDef[] = [
  datetime(CHANGE_DATE_FIELD, 'Laatst gewijzigd'),
  int('REC_ID', 'Recordnummer'),
];

/** A key that must not exist yet, neither stored nor earlier in the same request. */
export function refuseDuplicate(rows: readonly Row[], pending: readonly Row[], field: string, value: string, label: string): void {
  const clash = [...rows, ...pending].some((r) => text(r[field]) === value);
  if (clash) throw new AvRefusal(ERROR_NUMBERS.duplicateKey, `${label} '${value}' bestaat al (${field}).`);
}

export function refuseBlocked(row: Row, flag: string, message: string): void {
  if (row[flag] === true) throw new AvRefusal(ERROR_NUMBERS.blocked, message);
}
