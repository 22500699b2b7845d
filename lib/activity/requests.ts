import { z } from 'zod';
import { FLOW_NAMES, RECORD_OUTCOMES } from '@/lib/db/schema/engine';
import { RUN_OUTCOME_FILTERS } from '@/lib/db/queries/runs';

/**
 * What the activity pages accept from the browser (search params and form fields), validated here so
 * a bad value becomes a message at the field, never a query.
 */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-29.');
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const activityQuerySchema = z.object({
  flow: z.preprocess(blankToUndefined, z.enum(FLOW_NAMES).optional()),
  outcome: z.preprocess(blankToUndefined, z.enum(RUN_OUTCOME_FILTERS).optional()),
  from: z.preprocess(blankToUndefined, day.optional()),
  to: z.preprocess(blankToUndefined, day.optional()),
  q: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
  /** Keyset cursor: `<queued-at ISO>_<run id>` of the last run shown. */
  after: z.preprocess(blankToUndefined, z.string().regex(/^[0-9TZ:.+-]+_[0-9a-f-]{36}$/).optional()),
});
export type ActivityQuery = z.output<typeof activityQuerySchema>;

export const recordsQuerySchema = z.object({
  outcome: z.preprocess(blankToUndefined, z.enum(RECORD_OUTCOMES).optional()),
  before: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()),
});

/** Order numbers as a merchant types them: "1001, 1002 1003" or one per line, "#1004" too. */
export const orderIdsSchema = z
  .string()
  .trim()
  .min(1, 'Enter at least one order number.')
  .transform((text, ctx) => {
    const parts = text.split(/[\s,;]+/).filter(Boolean).map((p) => p.replace(/^#/, ''));
    const bad = parts.filter((p) => !/^\d{1,10}$/.test(p) || Number(p) <= 0);
    if (bad.length > 0) {
      ctx.addIssue({ code: 'custom', message: `Not an order number: ${bad.slice(0, 3).join(', ')}. Use the numbers shown in BigCommerce, e.g. 1001.` });
      return z.NEVER;
    }
    const ids = [...new Set(parts.map(Number))];
    if (ids.length > 250) {
      ctx.addIssue({ code: 'custom', message: 'At most 250 orders at once; use "Import history" for more.' });
      return z.NEVER;
    }
    return ids;
  });

export const historySchema = z.object({ since: day });
export const coverageSchema = z.object({ from: day, to: day });

/** Local midnight in Amsterdam of a YYYY-MM-DD day, as an instant. */
export function startOfDay(value: string): Date {
  // The offset differs in summer and winter: take the one Amsterdam has at noon of that day.
  const noon = new Date(`${value}T12:00:00Z`);
  const local = new Date(noon.toLocaleString('en-US', { timeZone: 'Europe/Amsterdam' }));
  const utc = new Date(noon.toLocaleString('en-US', { timeZone: 'UTC' }));
  const offsetMs = local.getTime() - utc.getTime();
  return new Date(new Date(`${value}T00:00:00Z`).getTime() - offsetMs);
}

export function parseCursor(after: string | undefined): { queuedAt: Date; id: string } | undefined {
  if (!after) return undefined;
  const index = after.lastIndexOf('_');
  const queuedAt = new Date(after.slice(0, index));
  return Number.isNaN(queuedAt.getTime()) ? undefined : { queuedAt, id: after.slice(index + 1) };
}

export function cursorOf(run: { queuedAt: Date; id: string }): string {
  return `${run.queuedAt.toISOString()}_${run.id}`;
}
