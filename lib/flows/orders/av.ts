import { z } from 'zod';
import { AccountViewApiError, avNumber, type AvRow, type FieldValue, type WriteRecord } from '@/lib/accountview';
import type { MappingResult } from '@/lib/mapping';
import type { OrderMapping } from './mappings';
import type { OrdersContext } from './ports';

/** A step's outcome as plain data: the value, or AccountView's refusal in the merchant's words. */
export type Attempt<T> = { ok: true; value: T } | { ok: false; message: string; hint: string };

/**
 * AccountView refused the record (its business rules, a field it does not know, a value too long): a
 * problem of this record, kept as a value. Unreachable, refused credentials or missing write permission
 * concern every record, so they throw and the engine retries or stops the run.
 */
export function refusalOf(error: unknown): { message: string; hint: string } | undefined {
  if (error instanceof AccountViewApiError && error.status !== 401 && error.status !== 403) {
    return { message: error.userMessage, hint: error.hint };
  }
  return undefined;
}

export async function attempt<T>(fn: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    const refused = refusalOf(error);
    if (refused) return { ok: false, ...refused };
    throw error;
  }
}

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function fieldValue(value: unknown, type: string | undefined): FieldValue | undefined {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    // Dates are sent as instants, so the client writes them in AccountView's wall-clock time.
    if (type === 'date' && ISO_DATETIME.test(value)) return new Date(value);
    if (type === 'date' && DATE_ONLY.test(value)) return new Date(`${value}T12:00:00Z`);
    return value;
  }
  return undefined;
}

export type RecordBuild = { ok: true; record: WriteRecord } | { ok: false; target: string };

/** A mapping result as AccountView's named columns; a field that mapped to a list or an object cannot be written. */
export function writeRecordOf(result: MappingResult, mapping: OrderMapping, extra: Record<string, FieldValue> = {}): RecordBuild {
  const fields: Record<string, FieldValue> = {};
  for (const [name, value] of Object.entries(result.record)) {
    const v = fieldValue(value, mapping.headerTypes[name]);
    if (v === undefined) return { ok: false, target: name };
    fields[name] = v;
  }
  Object.assign(fields, extra);
  const lines: Record<string, FieldValue>[] = [];
  for (const [i, line] of result.lines.entries()) {
    const row: Record<string, FieldValue> = {};
    for (const [name, value] of Object.entries(line)) {
      const v = fieldValue(value, mapping.lineTypes[name]);
      if (v === undefined) return { ok: false, target: `lines[${i}].${name}` };
      row[name] = v;
    }
    lines.push(row);
  }
  return { ok: true, record: { fields, ...(lines.length > 0 ? { lines } : {}) } };
}

/** An AccountView document the flow made or found. */
export interface DocumentRef {
  /** The number people use: ORD_NR of a sales order, INV_NR of an invoice. */
  number: string;
  /** What identifies it for the app: ORD_NR, or DJ_CODE:PAGE_NR. */
  id: string;
  /** The debtor it is booked on, when known. */
  debtor: string;
}

const text = z.union([z.string(), z.number()]).transform((v) => String(v).trim());
const salesOrderRow = z.looseObject({ ORD_NR: text, RPL_INV: text.optional() });
const journalRow = z.looseObject({ INV_NR: text.optional(), PAGE_NR: avNumber.optional(), DJ_CODE: text.optional(), SUB_NR: text.optional() });

export function businessObjectOf(ctx: OrdersContext): 'SO1' | 'DJ2' {
  return ctx.settings.documentType === 'sales-order' ? 'SO1' : 'DJ2';
}

function refOfRow(ctx: OrdersContext, row: AvRow | Record<string, unknown>): DocumentRef | undefined {
  if (businessObjectOf(ctx) === 'SO1') {
    const parsed = salesOrderRow.safeParse(row);
    if (!parsed.success || parsed.data.ORD_NR === '') return undefined;
    return { number: parsed.data.ORD_NR, id: parsed.data.ORD_NR, debtor: parsed.data.RPL_INV ?? '' };
  }
  const parsed = journalRow.safeParse(row);
  if (!parsed.success) return undefined;
  const journal = parsed.data.DJ_CODE || ctx.settings.journalCode;
  const page = parsed.data.PAGE_NR === undefined ? '' : String(parsed.data.PAGE_NR);
  const number = parsed.data.INV_NR || page;
  if (number === '') return undefined;
  return { number, id: `${journal}:${page || number}`, debtor: parsed.data.SUB_NR ?? '' };
}

/** The document that carries `reference` in the merchant's order-id field, if AccountView has one. */
async function lookup(ctx: OrdersContext, reference: string): Promise<DocumentRef | null> {
  const field = ctx.settings.orderIdField;
  const byReference = { field, operator: 'Equal' as const, value: reference, type: 'C' as const };
  if (businessObjectOf(ctx) === 'SO1') {
    const rows = await ctx.accountview.readAll('SO1', { filters: [byReference], fields: [...new Set(['ORD_NR', 'RPL_INV', field])], pageSize: 10 }, salesOrderRow);
    return rows.length > 0 ? (refOfRow(ctx, rows[0] ?? {}) ?? null) : null;
  }
  const rows = await ctx.accountview.readAll(
    'DJ2',
    {
      filters: [byReference, { field: 'DJ_CODE', operator: 'Equal', value: ctx.settings.journalCode, type: 'C' }],
      fields: [...new Set(['DJ_CODE', 'PAGE_NR', 'INV_NR', 'SUB_NR', field])],
      pageSize: 10,
    },
    journalRow,
  );
  return rows.length > 0 ? (refOfRow(ctx, rows[0] ?? {}) ?? null) : null;
}

/** Finds the document by its reference (for orders the app has no record of). */
export function findDocument(ctx: OrdersContext, stepId: string, reference: string): Promise<DocumentRef | null> {
  return ctx.step.run(stepId, () => lookup(ctx, reference));
}

export type Created = { ref: DocumentRef; created: true; answer: unknown } | { ref: DocumentRef; created: false };

/**
 * Creates the document unless AccountView already has one with this reference. The check runs inside the
 * same step as the write: if the answer to a write is lost (a timeout after AccountView stored it), the
 * retried step finds the document instead of creating it twice. AccountView's refusal comes back as a value.
 */
export function createDocument(ctx: OrdersContext, stepId: string, reference: string, record: WriteRecord): Promise<Attempt<Created>> {
  return ctx.step.run(stepId, () =>
    attempt(async (): Promise<Created> => {
      const existing = await lookup(ctx, reference);
      if (existing) return { ref: existing, created: false };
      const written = await ctx.accountview.insert(businessObjectOf(ctx), record);
      const ref = (written.row ? refOfRow(ctx, written.row) : undefined) ?? (await lookup(ctx, reference));
      if (!ref) throw new Error(`AccountView stored the ${businessObjectOf(ctx)} document ${reference} but answered without its number`);
      // Plain data only: a step's result is kept as JSON.
      return { ref, created: true, answer: JSON.parse(JSON.stringify(written.row ?? null)) as unknown };
    }),
  );
}
