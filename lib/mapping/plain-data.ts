import { MappingError } from './errors';
import { MAX_DATA_DEPTH } from './limits';

/**
 * A copy of `value` that holds only JSON data (Dates become ISO strings). JSONata calls any function it finds in
 * its input or bindings, so a stray function or class instance (a client, a logger) must never reach an
 * expression: that would be the one way out of the sandbox.
 */
export function toPlainData(value: unknown, where: string, depth = 0): unknown {
  if (value === null || value === undefined) return value;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : undefined;
    case 'object':
      break;
    default:
      throw new MappingError(where, `holds a ${typeof value}, but only data can be given to a mapping`);
  }
  if (depth >= MAX_DATA_DEPTH) throw new MappingError(where, `is nested deeper than ${MAX_DATA_DEPTH} levels`);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (Array.isArray(value)) return value.map((item, i) => toPlainData(item, `${where}[${i}]`, depth + 1));
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    throw new MappingError(where, 'holds an object that is not plain data');
  }
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const plain = toPlainData(item, `${where}.${key}`, depth + 1);
    // defineProperty, not assignment: a JSON key `__proto__` must stay a key, not become the prototype.
    if (plain !== undefined) Object.defineProperty(copy, key, { value: plain, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}
