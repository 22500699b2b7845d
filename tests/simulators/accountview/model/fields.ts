import type { FieldType } from '../types';

export interface FieldDef {
  name: string;
  type: FieldType;
  /** Width of a C column: values are padded to it on output and refused beyond it on input. */
  len?: number;
  dec?: number;
  /** INP_MAND in the data dictionary: an insert without it is refused. */
  mandatory?: boolean;
  description: string;
  /** Only returned when `Fields` names it (image data). */
  heavy?: boolean;
}

interface Extra {
  mandatory?: boolean;
  heavy?: boolean;
}

export const char = (name: string, len: number, description: string, extra: Extra = {}): FieldDef => ({ name, type: 'C', len, description, ...extra });
export const num = (name: string, dec: number, description: string, extra: Extra = {}): FieldDef => ({ name, type: 'N', dec, description, ...extra });
export const int = (name: string, description: string): FieldDef => ({ name, type: 'I', description });
export const logical = (name: string, description: string): FieldDef => ({ name, type: 'L', description });
export const datetime = (name: string, description: string, extra: Extra = {}): FieldDef => ({ name, type: 'T', description, ...extra });
export const date = (name: string, description: string): FieldDef => ({ name, type: 'D', description });
export const memo = (name: string, description: string, extra: Extra = {}): FieldDef => ({ name, type: 'M', description, ...extra });
export const general = (name: string, description: string, extra: Extra = {}): FieldDef => ({ name, type: 'G', description, ...extra });

export function isNumeric(type: FieldType): boolean {
  return type === 'N' || type === 'I' || type === 'Y' || type === 'B';
}

export function isDate(type: FieldType): boolean {
  return type === 'T' || type === 'D';
}

/** The empty value of a column, as a fresh VFP record has it. */
export function emptyValue(field: FieldDef): string | number | boolean {
  if (isNumeric(field.type)) return 0;
  if (field.type === 'L') return false;
  return '';
}
