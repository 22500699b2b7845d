import { ASSUMED_EXTRA_FILTER_OPERATORS, DATE_FILTERS_NEED_VFP_LITERAL, FILTERS_CASE_SENSITIVE, LIST_OF_VALUES_SEPARATOR } from '../assumptions';
import type { BusinessObjectDef } from '../model/business-object';
import { isDate, isNumeric, type FieldDef } from '../model/fields';
import { AvBadRequest } from '../model/refusal';
import type { Row, Value } from '../types';
import { resolveColumn } from './selection';

type Operator = 'equal' | 'notequal' | 'contains' | 'dateonorafterdate' | 'datebeforedate';
const OPERATORS: readonly string[] = ['equal', 'notequal', 'contains', 'dateonorafterdate', ...ASSUMED_EXTRA_FILTER_OPERATORS.map((o) => o.toLowerCase())];

export interface Filter {
  field: FieldDef;
  onDetail: boolean;
  operator: Operator;
  values: Value[];
  /** A date filter without a time compares the date part only. */
  dateOnly: boolean;
}

const VFP_DATE = /^\{\^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?\}$/;

function parseValue(type: string, raw: string, reference: string): { value: Value; dateOnly: boolean } {
  switch (type) {
    case 'N': {
      const n = Number(raw.trim());
      if (raw.trim() === '' || !Number.isFinite(n)) throw new AvBadRequest(`Filterwaarde '${raw}' voor ${reference} is geen getal.`);
      return { value: n, dateOnly: false };
    }
    case 'L':
      return { value: /^(true|\.t\.|1)$/i.test(raw.trim()), dateOnly: false };
    case 'D':
    case 'T': {
      const m = VFP_DATE.exec(DATE_FILTERS_NEED_VFP_LITERAL ? raw.trim() : `{^${raw.trim().replace(/^\{\^|\}$/g, '')}}`);
      if (!m) throw new AvBadRequest(`Filterwaarde '${raw}' voor ${reference} is geen datum van de vorm {^JJJJ-MM-DD}.`);
      const time = m[2] === undefined ? '00:00:00' : `${m[2].padStart(2, '0')}:${m[3]}:${m[4] ?? '00'}`;
      return { value: `${m[1]}T${time}`, dateOnly: m[2] === undefined };
    }
    default:
      return { value: raw, dateOnly: false };
  }
}

function defaultType(field: FieldDef): string {
  if (isNumeric(field.type)) return 'N';
  if (isDate(field.type)) return 'T';
  if (field.type === 'L') return 'L';
  return 'C';
}

/** Numbered filters `FilterControlSource{n}` … `FilterIsListOfValues{n}` (reference §3.2). */
export function parseFilters(bo: BusinessObjectDef, query: Map<string, string>): Filter[] {
  const numbers = [...query.keys()]
    .map((k) => /^filtercontrolsource(\d+)$/.exec(k)?.[1])
    .filter((n): n is string => n !== undefined)
    .sort((a, b) => Number(a) - Number(b));
  return numbers.map((n) => {
    const reference = query.get(`filtercontrolsource${n}`) ?? '';
    const { table, field } = resolveColumn(bo, reference, `FilterControlSource${n}`);
    if (field === '*') throw new AvBadRequest(`FilterControlSource${n} moet één veld noemen.`);
    const operator = (query.get(`filteroperator${n}`) ?? '').toLowerCase();
    if (!OPERATORS.includes(operator)) throw new AvBadRequest(`Onbekende FilterOperator${n} '${query.get(`filteroperator${n}`) ?? ''}'.`);
    const type = (query.get(`filtervaluetype${n}`) ?? defaultType(field)).toUpperCase();
    if (!['C', 'N', 'D', 'T', 'L'].includes(type)) throw new AvBadRequest(`Onbekend FilterValueType${n} '${type}'.`);
    const raw = query.get(`filtervalue${n}`) ?? '';
    const isList = (query.get(`filterislistofvalues${n}`) ?? 'false').toLowerCase() === 'true';
    const parsed = (isList ? raw.split(LIST_OF_VALUES_SEPARATOR) : [raw]).map((v) => parseValue(type, v, reference));
    return {
      field,
      onDetail: table !== bo.table,
      operator: operator as Operator,
      values: parsed.map((p) => p.value),
      dateOnly: parsed.every((p) => p.dateOnly),
    };
  });
}

// VFP pads char columns; comparisons ignore the padding, and case unless FILTERS_CASE_SENSITIVE.
const text = (v: Value | undefined) => {
  const s = typeof v === 'string' ? v.replace(/\s+$/, '') : String(v ?? '');
  return FILTERS_CASE_SENSITIVE ? s : s.toLowerCase();
};

function equals(filter: Filter, actual: Value | undefined, wanted: Value): boolean {
  if (typeof wanted === 'number') return Number(actual) === wanted;
  if (typeof wanted === 'boolean') return actual === wanted;
  if (isDate(filter.field.type) && filter.dateOnly) return text(actual).slice(0, 10) === wanted.slice(0, 10);
  return text(actual) === text(wanted);
}

function test(filter: Filter, actual: Value | undefined): boolean {
  switch (filter.operator) {
    case 'equal':
      return filter.values.some((v) => equals(filter, actual, v));
    case 'notequal':
      return filter.values.every((v) => !equals(filter, actual, v));
    case 'contains':
      return filter.values.some((v) => text(actual).includes(text(v)));
    case 'dateonorafterdate':
      return text(actual) !== '' && filter.values.some((v) => text(actual) >= text(v));
    case 'datebeforedate':
      return text(actual) !== '' && filter.values.some((v) => text(actual) < text(v));
  }
}

/** AND by default; `matchAnyFilter=true` ORs them (NG). A detail filter matches a header when any line matches. */
export function matches(filters: readonly Filter[], matchAny: boolean, row: Row, lines: readonly Row[]): boolean {
  if (filters.length === 0) return true;
  const one = (f: Filter) => (f.onDetail ? lines.some((l) => test(f, l[f.field.name])) : test(f, row[f.field.name]));
  return matchAny ? filters.some(one) : filters.every(one);
}
