import { z } from 'zod';
import { parseQueryDate } from '../dates';
import { validate } from './errors';

/** `a,b, c` → `['a', 'b', 'c']`. */
export const csv = z.string().transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));
export const intCsv = csv.pipe(z.array(z.string().regex(/^-?\d+$/, 'must be a list of integers').transform(Number)));
export const int = z.coerce.number().int();
export const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
/** RFC 2822, ISO 8601, a bare date or Unix seconds, as BigCommerce accepts them in date filters. */
export const queryDate = z.string().transform((value, ctx) => {
  const ms = parseQueryDate(value);
  if (ms === null) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not an RFC 2822 or ISO 8601 date.` });
    return z.NEVER;
  }
  return ms;
});

/** Query parameters through a zod schema; unknown parameters are ignored, as BigCommerce does. */
export function parseQuery<S extends z.ZodType>(schema: S, params: URLSearchParams): z.output<S> {
  return validate(schema, Object.fromEntries(params.entries()), 'query');
}

export function inList<T>(list: readonly T[] | undefined, value: T): boolean {
  return list === undefined || list.includes(value);
}
