import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Filter, FieldValue } from '@/lib/accountview';
import { attempt, writeRecordOf, type Attempt } from './av';
import type { OrderMappings } from './mappings';
import type { OrderAddress, OrderView, ShippingConsignment } from './order-source';
import type { OrdersContext } from './ports';
import type { DeliveryAddressInfo, RunMemory } from './run-memory';

/**
 * Who an order is booked on. `default-debtor`: one debtor for every order. `match-or-create`: the debtor
 * with the order's e-mail address (one filtered AR1 read), updated when what BigCommerce says changed since
 * the app last sent it, or created: a company debtor with the buyer as contact person when the billing
 * address names a company, a person debtor otherwise. Goods sent elsewhere get a delivery address of that
 * debtor, one per distinct shipping address.
 */

export interface CustomerOutcome {
  debtor: string;
  /** DEL_ADDR.REC_ID per shipping consignment id, for consignments that go elsewhere than the billing address. */
  deliveryAddresses: Record<string, string>;
  /** The one a sales order header can carry: the first consignment's. */
  deliveryAddress: string;
}

export type CustomerResult = { ok: true; value: CustomerOutcome } | { ok: false; message: string; hint: string };

const text = z.union([z.string(), z.number(), z.boolean(), z.null()]).transform((v) => (v === null ? '' : String(v).trim()));
const contactRow = z.looseObject({ SUB_NR: text });
const deliveryRow = z.looseObject({ REC_ID: text, DEL_NAME: text.optional(), ADDRESS1: text.optional(), POST_CODE: text.optional(), CITY: text.optional(), CNT_CODE: text.optional() });

export function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);
}

/**
 * The id-map key of an e-mail's debtor: a SHA-256 of the address, not the address, so no personal data
 * outlives the activity log's retention (migration 0009 rewrote the keys kept before).
 */
export function debtorKey(email: string): string {
  return `sha256:${createHash('sha256').update(email, 'utf8').digest('hex')}`;
}

function same(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'string' ? v.trim() : String(v));
  return norm(a) === norm(b);
}

function addressKey(a: Pick<OrderAddress, 'first_name' | 'last_name' | 'company' | 'street_1' | 'street_2' | 'zip' | 'city' | 'country_iso2'>): string {
  const n = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return [a.first_name, a.last_name, a.company, a.street_1, a.street_2, a.zip, a.city, a.country_iso2].map(n).join('|');
}

/** The e-mail an order is matched on. */
export function emailOf(order: OrderView): string {
  return order.email.trim().toLowerCase();
}

export async function resolveCustomer(
  ctx: OrdersContext,
  memory: RunMemory,
  mappings: OrderMappings,
  order: OrderView,
  raw: unknown,
  bindings: Record<string, unknown>,
): Promise<CustomerResult> {
  // Locked per e-mail and per debtor: two runs with orders of the same new customer must not both create them.
  const debtor =
    ctx.settings.customerMode === 'default-debtor'
      ? { ok: true as const, value: ctx.settings.defaultDebtor }
      : await ctx.idMap.lock(`debtor:${emailOf(order)}`, () => matchOrCreateDebtor(ctx, memory, mappings, order, raw, bindings));
  if (!debtor.ok) return debtor;
  const deliveryAddresses: Record<string, string> = {};
  let first = '';
  for (const consignment of order.shipping) {
    if (addressKey(consignment) === addressKey(order.billing)) continue;
    const found = await ctx.idMap.lock(`delivery-address:${debtor.value}`, () => deliveryAddress(ctx, memory, mappings, order, consignment, debtor.value, bindings));
    if (!found.ok) return found;
    deliveryAddresses[String(consignment.id)] = found.value;
    if (first === '' && consignment === order.shipping[0]) first = found.value;
  }
  return { ok: true, value: { debtor: debtor.value, deliveryAddresses, deliveryAddress: first } };
}

async function matchOrCreateDebtor(
  ctx: OrdersContext,
  memory: RunMemory,
  mappings: OrderMappings,
  order: OrderView,
  raw: unknown,
  bindings: Record<string, unknown>,
): Promise<Attempt<string>> {
  const email = emailOf(order);
  if (email === '') {
    return {
      ok: false,
      message: `Order ${order.id} has no e-mail address, so no debtor can be found or created for it.`,
      hint: 'Add an e-mail address to the order in BigCommerce, or book such orders on a default debtor (order settings).',
    };
  }
  const known = memory.debtors.get(email);
  if (known) return { ok: true, value: known };

  const created = await mappings.debtor.compiled.evaluate(raw, bindings, { mode: 'create' });
  const createRecord = writeRecordOf(created, mappings.debtor);
  if (!createRecord.ok) return { ok: false, message: `The debtor mapping gave field ${createRecord.target} a list or an object.`, hint: 'Correct that field in the debtor mapping.' };
  const hash = hashOf(created.record);
  const entry = await ctx.idMap.get('debtor', debtorKey(email));
  const unchanged = entry?.state === 'done' && entry.contentHash === hash;
  const updates = unchanged ? undefined : await mappings.debtor.compiled.evaluate(raw, bindings, { mode: 'update' });
  const original = order.email.trim();
  const variants = [...new Set([original, email])].filter((e) => !e.includes(','));
  const byEmail: Filter[] = [
    { field: 'MAIL_BUS', operator: 'In', values: variants, type: 'C' },
    { field: 'MC_MAILB', operator: 'In', values: variants, type: 'C' },
  ];

  const outcome = await ctx.step.run(`order-${order.id}:debtor`, () =>
    attempt(async () => {
      const rows = await ctx.accountview.readAll('AR1', { filters: byEmail, matchAny: true, pageSize: 20, sortFields: ['SUB_NR'] }, contactRow);
      const row = rows.find((r) => same(r.MAIL_BUS, email) || same(r.MAIL_BUS, original)) ?? rows[0];
      if (!row) {
        const written = await ctx.accountview.insert('AR1', createRecord.record);
        const subNr = z.object({ SUB_NR: text }).safeParse(written.row);
        if (!subNr.success || subNr.data.SUB_NR === '') throw new Error('AccountView created the debtor but answered without its SUB_NR');
        return { subNr: subNr.data.SUB_NR, action: 'created' as const, sent: createRecord.record.fields as Record<string, FieldValue>, matches: 0 };
      }
      const changes: Record<string, FieldValue> = {};
      for (const [field, value] of Object.entries(updates?.record ?? {})) {
        if (value === undefined || typeof value === 'object') continue;
        if (!same(row[field], value)) changes[field] = value as FieldValue;
      }
      if (Object.keys(changes).length === 0) return { subNr: row.SUB_NR, action: 'unchanged' as const, sent: {}, matches: rows.length };
      await ctx.accountview.update('AR1', { fields: { SUB_NR: row.SUB_NR, ...changes } });
      return { subNr: row.SUB_NR, action: 'updated' as const, sent: { SUB_NR: row.SUB_NR, ...changes }, matches: rows.length };
    }),
  );
  if (!outcome.ok) {
    return { ok: false, message: `AccountView refused the debtor for ${email}: ${outcome.message}`, hint: outcome.hint };
  }
  const { subNr, action, sent, matches } = outcome.value;
  if (matches > 1) ctx.log.warn(`${matches} debtors in AccountView have e-mail ${email}; order ${order.id} is booked on ${subNr}.`, { orderId: order.id, email, debtor: subNr });
  memory.debtors.set(email, subNr);
  await ctx.idMap.putDone({ entity: 'debtor', sourceId: debtorKey(email), targetId: subNr, targetNumber: subNr, contentHash: hash });
  if (action !== 'unchanged') {
    await ctx.log.record({
      entity: 'debtor',
      sourceId: email,
      outcome: action,
      message: action === 'created' ? `Debtor ${subNr} created for ${email} (order ${order.id}).` : `Debtor ${subNr} updated from order ${order.id}.`,
      source: order.billing,
      sent,
      targetRef: subNr,
      searchText: `${order.id} ${email}`,
    });
  }
  return { ok: true, value: subNr };
}

function infoOf(row: z.output<typeof deliveryRow>): DeliveryAddressInfo {
  return { recId: row.REC_ID, name: row.DEL_NAME ?? '', address: row.ADDRESS1 ?? '', postcode: row.POST_CODE ?? '', city: row.CITY ?? '', country: row.CNT_CODE ?? '' };
}

function matches(info: DeliveryAddressInfo, record: Record<string, unknown>): boolean {
  const n = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v)).replace(/\s+/g, '').toLowerCase();
  return (
    n(info.name) === n(record.DEL_NAME) &&
    n(info.address) === n(record.ADDRESS1) &&
    n(info.postcode) === n(record.POST_CODE) &&
    n(info.city) === n(record.CITY) &&
    (n(record.CNT_CODE) === '' || n(info.country) === n(record.CNT_CODE))
  );
}

async function deliveryAddress(
  ctx: OrdersContext,
  memory: RunMemory,
  mappings: OrderMappings,
  order: OrderView,
  consignment: ShippingConsignment,
  debtor: string,
  bindings: Record<string, unknown>,
): Promise<Attempt<string>> {
  const mapped = await mappings.deliveryAddress.compiled.evaluate(consignment, { ...bindings, debtor }, { mode: 'create' });
  const record = writeRecordOf(mapped, mappings.deliveryAddress);
  if (!record.ok) return { ok: false, message: `The delivery-address mapping gave field ${record.target} a list or an object.`, hint: 'Correct that field in the delivery-address mapping.' };
  const { SUB_NR: _subNr, ...addressFields } = mapped.record;
  const sourceId = `${debtor}:${hashOf(addressFields)}`;
  const entry = await ctx.idMap.get('delivery-address', sourceId);
  if (entry?.state === 'done' && entry.targetId) return { ok: true, value: entry.targetId };

  const cached = memory.deliveryAddresses.get(debtor);
  const outcome = await ctx.step.run(`order-${order.id}:delivery-address-${consignment.id}`, () =>
    attempt(async () => {
      const rows = cached ?? (await ctx.accountview.readAll('ADDR', { filters: [{ field: 'SUB_NR', operator: 'Equal', value: debtor, type: 'C' }], pageSize: 200 }, deliveryRow)).map(infoOf);
      const existing = rows.find((r) => matches(r, mapped.record));
      if (existing) return { recId: existing.recId, created: false, rows };
      const written = await ctx.accountview.insert('ADDR', record.record);
      const recId = z.object({ REC_ID: text }).safeParse(written.row);
      if (!recId.success || recId.data.REC_ID === '') throw new Error('AccountView created the delivery address but answered without its REC_ID');
      const row = deliveryRow.safeParse(written.row);
      return { recId: recId.data.REC_ID, created: true, rows: [...rows, ...(row.success ? [infoOf(row.data)] : [])] };
    }),
  );
  if (!outcome.ok) return { ok: false, message: `AccountView refused the delivery address of order ${order.id}: ${outcome.message}`, hint: outcome.hint };
  memory.deliveryAddresses.set(debtor, outcome.value.rows);
  await ctx.idMap.putDone({ entity: 'delivery-address', sourceId, targetId: outcome.value.recId, targetNumber: outcome.value.recId });
  if (outcome.value.created) {
    await ctx.log.record({
      entity: 'delivery-address',
      sourceId,
      outcome: 'created',
      message: `Delivery address ${outcome.value.recId} added to debtor ${debtor} (order ${order.id}).`,
      source: consignment,
      sent: record.record.fields,
      targetRef: outcome.value.recId,
      searchText: `${order.id} ${emailOf(order)}`,
    });
  }
  return { ok: true, value: outcome.value.recId };
}
