import type { FieldType } from './types';

export type Coerced = { ok: true; value: unknown } | { ok: false; reason: string };

// Written so that no two parts can match the same digits: on long text an overlap backtracks quadratically.
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
/** No number or date we accept is longer; longer text is refused without running a pattern over it. */
const MAX_PARSED = 64;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
/** BigCommerce's v2 API writes dates as RFC 2822: `Tue, 20 Nov 2012 00:00:00 +0000`. */
const RFC_2822 = /^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?\s*(?:[+-]\d{4}|GMT|UTC?|Z)$/;

const ok = (value: unknown): Coerced => ({ ok: true, value });
const fail = (reason: string): Coerced => ({ ok: false, reason });

/**
 * Checks a value against its field type and converts where the meaning is unambiguous: numeric text to numbers,
 * numbers to text, RFC 2822 dates to ISO 8601. undefined and null pass through (whether they are allowed is the
 * `required` check's business), and '' counts as no value for every type but string.
 */
export function coerce(value: unknown, type: FieldType | undefined): Coerced {
  if (value === undefined || value === null || type === undefined || type === 'any') return ok(value);
  if (value === '' && type !== 'string') return ok(undefined);
  switch (type) {
    case 'string':
      if (typeof value === 'string') return ok(value);
      if (typeof value === 'number' || typeof value === 'boolean') return ok(String(value));
      return fail(`expected text, got ${describe(value)}`);
    case 'number':
      return toNumber(value);
    case 'integer': {
      const n = toNumber(value);
      if (n.ok && !Number.isInteger(n.value)) return fail(`expected a whole number, got ${String(n.value)}`);
      return n;
    }
    case 'boolean':
      return toBoolean(value);
    case 'date':
      return toDate(value);
  }
}

function toNumber(value: unknown): Coerced {
  if (typeof value === 'number') return ok(value);
  if (typeof value === 'string' && value.length <= MAX_PARSED && NUMBER.test(value.trim())) return ok(Number(value.trim()));
  return fail(`expected a number, got ${describe(value)}`);
}

const TRUE = new Set(['true', '1', 'yes', 'y', 'ja', 'j']);
const FALSE = new Set(['false', '0', 'no', 'n', 'nee']);

function toBoolean(value: unknown): Coerced {
  if (typeof value === 'boolean') return ok(value);
  if (value === 1 || value === 0) return ok(value === 1);
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (TRUE.has(text)) return ok(true);
    if (FALSE.has(text)) return ok(false);
  }
  return fail(`expected true or false, got ${describe(value)}`);
}

function toDate(value: unknown): Coerced {
  if (typeof value !== 'string' || value.length > MAX_PARSED) return fail(`expected a date, got ${describe(value)}`);
  const text = value.trim();
  const day = DATE_ONLY.exec(text);
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d) return ok(text);
  } else if (ISO_DATETIME.test(text) && !Number.isNaN(Date.parse(text))) {
    return ok(text);
  } else if (RFC_2822.test(text) && !Number.isNaN(Date.parse(text))) {
    return ok(new Date(Date.parse(text)).toISOString());
  }
  return fail(`expected a date such as 2024-05-14 or 2024-05-14T09:34:00Z, got ${describe(value)}`);
}

export function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}
