import { MAX_DATA_DEPTH } from './limits';

export type Plain = { ok: true; value: unknown } | { ok: false; reason: string };

/**
 * JSONata's result as plain data: its sequences become ordinary arrays and Dates ISO strings. A function (a lambda
 * the expression returned, or a regex) is not a value a record can hold.
 */
export function fromJsonata(value: unknown, depth = 0): Plain {
  if (value === undefined || value === null || typeof value === 'string' || typeof value === 'boolean') {
    return { ok: true, value };
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'the expression gave a number that is not finite' };
  }
  if (typeof value === 'function' || isJsonataFunction(value)) {
    return { ok: false, reason: 'the expression gave a function, not a value; did you forget to call it?' };
  }
  if (typeof value !== 'object') return { ok: false, reason: `the expression gave a ${typeof value}` };
  if (depth >= MAX_DATA_DEPTH) return { ok: false, reason: `the value is nested deeper than ${MAX_DATA_DEPTH} levels` };
  if (value instanceof Date) return { ok: true, value: value.toISOString() };
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value) {
      const plain = fromJsonata(item, depth + 1);
      if (!plain.ok) return plain;
      if (plain.value !== undefined) items.push(plain.value);
    }
    return { ok: true, value: items };
  }
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const plain = fromJsonata(item, depth + 1);
    if (!plain.ok) return plain;
    if (plain.value !== undefined) {
      Object.defineProperty(copy, key, { value: plain.value, enumerable: true, writable: true, configurable: true });
    }
  }
  return { ok: true, value: copy };
}

function isJsonataFunction(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const marks = value as { _jsonata_lambda?: unknown; _jsonata_function?: unknown };
  return marks._jsonata_lambda === true || marks._jsonata_function === true;
}
