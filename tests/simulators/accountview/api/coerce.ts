import { isDate, isNumeric } from '../model/fields';
import { normaliseWallClock } from '../local-time';
import type { FieldType, Value } from '../types';

const TRUE = /^(true|\.t\.|t|y|yes|ja|1)$/i;
const FALSE = /^(false|\.f\.|f|n|no|nee|0|)$/i;

/**
 * A written value in the column's type. Tolerant in the ways the four known clients need (reference §6):
 * numbers as strings, logicals as "TRUE"/"False"/1, null for unset text. Throws a message when hopeless.
 */
export function coerce(type: FieldType, value: unknown): Value {
  if (isNumeric(type)) return toNumber(value);
  if (type === 'L') return toLogical(value);
  if (isDate(type)) return toWallClock(type, value);
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.replace(/\s+$/, '');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error('verwacht tekst');
}

function toNumber(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed === '') return 0;
    const n = Number(trimmed);
    if (Number.isFinite(n)) return n;
  }
  throw new Error('verwacht een getal');
}

function toLogical(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') {
    if (TRUE.test(value.trim())) return true;
    if (FALSE.test(value.trim())) return false;
  }
  throw new Error('verwacht een logische waarde');
}

function toWallClock(type: FieldType, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value !== 'string') throw new Error('verwacht een datum');
  const wall = normaliseWallClock(value);
  if (wall === null) throw new Error('verwacht een datum (JJJJ-MM-DD of JJJJ-MM-DDTuu:mm:ss)');
  return type === 'D' ? `${wall.slice(0, 10)}T00:00:00` : wall;
}
