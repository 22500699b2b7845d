import { z } from 'zod';
import type { WriteRecord } from '@/lib/accountview';
import { BigCommerceApiError, BigCommerceResponseError, type Order } from '@/lib/bigcommerce';
import { MappingError, type MappingResult } from '@/lib/mapping';
import { known, matchArticles } from './articles';
import { createDocument, findDocument, writeRecordOf, type DocumentRef } from './av';
import { emailOf, resolveCustomer } from './customer';
import {
  draftCreditDocument,
  draftOrderDocument,
  fullCredit,
  mergeCredit,
  NOTHING_CREDITED,
  refundedCredit,
  roundingLine,
  type CreditState,
  type DocLine,
  type DocumentDraft,
} from './document';
import { orderMappings, type OrderMapping, type OrderMappings } from './mappings';
import { parseOrder, type Cents, type OrderView } from './order-source';
import type { ExportSummary, OrderResult, OrdersContext } from './ports';
import { runMemory, type RunMemory } from './run-memory';
import { lookupMap, ORDER_STATUS } from './settings';
import { roundHalfAway } from './vat';
import { money } from './wording';

/**
 * The orders flow: BigCommerce orders → AccountView sales orders (SO1) or sales invoices (DJ2), refunds and
 * cancellations → credit documents. Plain functions over ports: every outside call goes through
 * `ctx.step.run` with a stable id, so a retried run never redoes a completed write. Per-order problems
 * (unknown SKU, unmapped VAT rate, AccountView refusing a record) are values: logged with a message and
 * a hint, remembered as `failed` in the id-map and offered again by the next poll. Infrastructure
 * failures (AccountView or BigCommerce unreachable, refused credentials) throw.
 */

/** Statuses that undo (part of) a sale: their orders may need a credit document. */
const CREDIT_STATUSES: readonly number[] = [ORDER_STATUS.refunded, ORDER_STATUS.cancelled, ORDER_STATUS.partiallyRefunded];

const LIST_LIMIT = 250;

export type ExportInput = { orderIds: number[] } | { orders: Order[] };

function emptySummary(): ExportSummary {
  return { created: 0, updated: 0, skipped: 0, failed: 0, results: [] };
}

function add(summary: ExportSummary, result: OrderResult): void {
  summary[result.outcome] += 1;
  summary.results.push(result);
}

function merge(into: ExportSummary, from: ExportSummary): void {
  for (const r of from.results) add(into, r);
}

/** Sends orders to AccountView: each once, in the merchant's selected statuses, with credits for refunds and cancellations. */
export async function exportOrders(ctx: OrdersContext, input: ExportInput): Promise<ExportSummary> {
  return exportWith(ctx, input, { quietBefore: undefined });
}

interface ExportOptions {
  /** Poll boundary: an order last changed at this instant, already sent and unchanged, was logged by the previous poll. */
  quietBefore: Date | undefined;
}

async function exportWith(ctx: OrdersContext, input: ExportInput | { raw: unknown[] }, options: ExportOptions): Promise<ExportSummary> {
  const summary = emptySummary();
  const memory = runMemory(ctx);
  const given: unknown[] = 'raw' in input ? input.raw : 'orders' in input ? input.orders : await readOrders(ctx, input.orderIds, summary);
  // The same order twice in one batch (two webhooks) is handled once.
  const ids = given.map(orderIdOf);
  const raws = given.filter((_, i) => ids.indexOf(ids[i] ?? 0) === i);
  for (const raw of raws) for (const result of await handleOrder(ctx, memory, raw, options)) add(summary, result);
  return summary;
}

/**
 * Orders changed since `since` (BigCommerce's `min_date_modified`, oldest first, 250 per call), then the
 * orders that failed before (an article may exist now). Returns where the next poll starts.
 */
export async function pollOrders(ctx: OrdersContext, input: { since: Date }): Promise<{ nextCheckpoint: Date; summary: ExportSummary }> {
  const summary = emptySummary();
  const seen = new Set<number>();
  let checkpoint = input.since;
  // The cursor moves to the newest change seen, so orders that change while we page cannot slip between pages.
  let cursor = input.since;
  let page = 1;
  for (let call = 0; call < 1000; call++) {
    const at = cursor;
    const p = page;
    const orders = await ctx.step.run(`poll-${input.since.toISOString()}-${at.toISOString()}-${p}`, () => listPage(ctx, at, p));
    const fresh = orders.filter((o) => !seen.has(orderIdOf(o)));
    for (const o of fresh) seen.add(orderIdOf(o));
    merge(summary, await exportWith(ctx, { raw: fresh }, { quietBefore: input.since }));
    const newest = orders.reduce<number>((max, o) => Math.max(max, modifiedOf(o)), 0);
    if (newest > checkpoint.getTime()) checkpoint = new Date(newest);
    if (orders.length < LIST_LIMIT) break;
    if (newest > cursor.getTime()) {
      cursor = new Date(newest);
      page = 1;
    } else {
      page += 1;
    }
  }

  const retry = new Set<number>();
  for (const entity of ['order', 'refund'] as const) {
    for (const failed of await ctx.idMap.listFailed(entity, ctx.settings.retryFailedPerPoll)) {
      const id = Number(failed.sourceId.split(':')[0]);
      if (Number.isInteger(id) && !seen.has(id)) retry.add(id);
    }
  }
  if (retry.size > 0) {
    ctx.log.info(`Offering ${retry.size} order(s) that failed before again.`, { orderIds: [...retry] });
    merge(summary, await exportOrders(ctx, { orderIds: [...retry].slice(0, Math.max(1, ctx.settings.retryFailedPerPoll)) }));
  }
  return { nextCheckpoint: checkpoint, summary };
}

/** The includes the client's order reads use: lines, addresses and fees in the same call. */
const ORDER_INCLUDES = { include: 'consignments.line_items,fees', consignment_structure: 'object' } as const;

/**
 * One page of the poll, in one call. (The client's list generator asks for one more page after a short one,
 * in case a server capped `limit`; at BigCommerce's documented maximum of 250 a short page is the last.)
 */
async function listPage(ctx: OrdersContext, since: Date, page: number): Promise<unknown[]> {
  const response = await ctx.bigcommerce.request('GET', '/v2/orders', {
    query: { ...ORDER_INCLUDES, min_date_modified: since.toISOString(), sort: 'date_modified:asc', limit: LIST_LIMIT, page },
  });
  if (response.status === 204 || response.body === undefined) return [];
  const list = z.array(z.unknown()).safeParse(response.body);
  if (!list.success) throw new BigCommerceResponseError('the order list is not a list', 'GET', '/v2/orders', { cause: list.error });
  return list.data;
}

function modifiedOf(raw: unknown): number {
  const parsed = z.object({ date_modified: z.string() }).safeParse(raw);
  return parsed.success ? Date.parse(parsed.data.date_modified) || 0 : 0;
}

function notFound(error: unknown): boolean {
  return error instanceof BigCommerceApiError && error.status === 404;
}

/**
 * Orders by id: one call for a single order; ids within 250 of each other in one list call (a burst of
 * webhooks costs one call per 250 orders). Orders BigCommerce does not have are logged and dropped.
 */
async function readOrders(ctx: OrdersContext, ids: readonly number[], summary: ExportSummary): Promise<Order[]> {
  const wanted = [...new Set(ids.filter((id) => Number.isInteger(id) && id > 0))].sort((a, b) => a - b);
  const windows: number[][] = [];
  for (const id of wanted) {
    const current = windows.at(-1);
    if (current && id - (current[0] ?? id) < LIST_LIMIT) current.push(id);
    else windows.push([id]);
  }
  const found = new Map<number, Order>();
  for (const window of windows) {
    const first = window[0] ?? 0;
    const last = window.at(-1) ?? first;
    if (window.length === 1) {
      const order = await ctx.step.run(`order-${first}:read`, async () => {
        try {
          return await ctx.bigcommerce.getOrder(first);
        } catch (error) {
          if (notFound(error)) return null;
          throw error;
        }
      });
      if (order) found.set(first, order);
      continue;
    }
    const orders = await ctx.step.run(`orders-${first}-${last}:read`, async () => {
      const want = new Set(window);
      const out: Order[] = [];
      for await (const order of ctx.bigcommerce.listOrders({ min_id: first, max_id: last, limit: LIST_LIMIT })) {
        const id = order.id ?? 0;
        if (!want.has(id)) continue;
        out.push(order);
        want.delete(id);
        if (want.size === 0) break;
      }
      return out;
    });
    for (const order of orders) found.set(order.id ?? 0, order);
    // The list leaves out archived orders; ask for those one by one.
    for (const id of window.filter((i) => !found.has(i))) {
      const order = await ctx.step.run(`order-${id}:read`, async () => {
        try {
          return await ctx.bigcommerce.getOrder(id);
        } catch (error) {
          if (notFound(error)) return null;
          throw error;
        }
      });
      if (order) found.set(id, order);
    }
  }
  for (const id of wanted.filter((i) => !found.has(i))) {
    await ctx.idMap.remove('order', String(id));
    const result: OrderResult = { orderId: id, entity: 'order', sourceId: String(id), outcome: 'skipped', message: `Order ${id} does not exist in BigCommerce (any more).` };
    await ctx.log.record({ entity: 'order', sourceId: String(id), outcome: 'skipped', message: result.message, searchText: String(id) });
    add(summary, result);
  }
  return wanted.map((id) => found.get(id)).filter((o): o is Order => o !== undefined);
}

function orderIdOf(raw: unknown): number {
  const id = z.object({ id: z.number() }).safeParse(raw);
  return id.success ? id.data.id : 0;
}

async function handleOrder(ctx: OrdersContext, memory: RunMemory, given: unknown, options: ExportOptions): Promise<OrderResult[]> {
  let raw: unknown = given;
  let parsed = parseOrder(raw);
  const id = orderIdOf(raw);
  if (parsed.ok && !parsed.order.hasConsignments) {
    // Given without its consignments (not read by this flow): read it whole, in one call.
    raw = await ctx.step.run(`order-${id}:read-whole`, () => ctx.bigcommerce.getOrder(id));
    parsed = parseOrder(raw);
  }
  if (parsed.ok && parsed.order.truncated) {
    const lines = await ctx.step.run(`order-${id}:products`, async () => {
      const all: unknown[] = [];
      for await (const line of ctx.bigcommerce.listOrderProducts(id)) all.push(line);
      return all;
    });
    parsed = parseOrder(raw, lines);
  }
  if (!parsed.ok) {
    const message = `Order ${id || '?'} could not be read: ${parsed.problem}.`;
    await ctx.log.record({ entity: 'order', sourceId: String(id), outcome: 'failed', message, hint: 'BigCommerce sent this order in a shape the app does not understand. Contact support with the order number.', source: raw, searchText: String(id) });
    if (id) await ctx.idMap.putFailed('order', String(id), message);
    return [{ orderId: id, entity: 'order', sourceId: String(id), outcome: 'failed', message }];
  }
  const order = parsed.order;
  const job = new OrderJob(ctx, memory, raw, order);
  return ctx.idMap.lock(`order:${order.id}`, () => job.run(options));
}

/** Why a record failed, in the merchant's words. */
interface Failure {
  message: string;
  hint: string;
  /** Set when the store's mapping, not the order or AccountView, is what failed. */
  cause?: 'mapping';
  /** Extra words to find it by in the log (missing SKUs). */
  search?: string[];
  sent?: unknown;
  answer?: unknown;
}

const creditSnapshot = z.object({
  total: z.number(),
  lines: z.record(z.string(), z.object({ qty: z.number(), inc: z.number() })),
  charges: z.record(z.string(), z.number()),
});

const orderData = z.looseObject({ debtor: z.string().optional(), deliveryAddress: z.string().optional() });

/** One order's way through the flow. */
class OrderJob {
  private readonly sourceId: string;
  private mappingsCache: OrderMappings | undefined;

  constructor(
    private readonly ctx: OrdersContext,
    private readonly memory: RunMemory,
    private readonly raw: unknown,
    private readonly order: OrderView,
  ) {
    this.sourceId = String(order.id);
  }

  private get settings() {
    return this.ctx.settings;
  }

  private get reference(): string {
    return this.settings.referenceFormat.replaceAll('{orderId}', String(this.order.id));
  }

  private get searchText(): string {
    return `${this.order.id} ${emailOf(this.order)}`.trim();
  }

  private mappings(): OrderMappings {
    this.mappingsCache ??= orderMappings(this.ctx.mapping);
    return this.mappingsCache;
  }

  private documentMapping(): OrderMapping {
    return this.settings.documentType === 'sales-order' ? this.mappings().salesOrder : this.mappings().salesInvoice;
  }

  private documentLabel(number: string): string {
    return this.settings.documentType === 'sales-order' ? `sales order ${number}` : `invoice ${number}`;
  }

  async run(options: ExportOptions): Promise<OrderResult[]> {
    try {
      return await this.decide(options);
    } catch (error) {
      // A mapping that cannot compile or evaluate on this order is this order's problem (or every order's, until fixed).
      if (error instanceof MappingError) {
        return this.failAll('order', this.sourceId, {
          message: `The mapping could not be applied to order ${this.order.id}: ${error.message}.`,
          hint: 'Correct the field it names in the order mapping settings; the order is sent again automatically.',
          cause: 'mapping',
        });
      }
      throw error;
    }
  }

  /**
   * The id-map as this run first found it. Read inside a step, so a retried run makes the same decisions
   * (and logs the same outcomes) as the attempt it repeats, instead of finding its own earlier writes.
   */
  private async state(): Promise<{ state: 'done' | 'failed'; targetNumber: string; data: unknown } | null> {
    return this.ctx.step.run(`order-${this.order.id}:state`, async () => {
      const entry = await this.ctx.idMap.get('order', this.sourceId);
      return entry ? { state: entry.state, targetNumber: entry.targetNumber ?? '', data: entry.data ?? null } : null;
    });
  }

  private async decide(options: ExportOptions): Promise<OrderResult[]> {
    const { order } = this;
    const entry = await this.state();
    if (entry?.state === 'done') return [await this.credits(entry.targetNumber, entry.data, options)];

    if (order.isDeleted) {
      if (entry?.state === 'failed') await this.ctx.idMap.remove('order', this.sourceId);
      return [await this.skip('order', this.sourceId, { message: `Order ${order.id} is archived in BigCommerce, so it is not sent.`, hint: 'Restore the order in BigCommerce to send it.' })];
    }
    const selected = this.settings.statusIds.includes(order.statusId);
    if (!selected) {
      if (CREDIT_STATUSES.includes(order.statusId)) {
        // Refunded or cancelled: if it was sent before and the app's record of it was lost, AccountView still knows.
        const existing = await findDocument(this.ctx, `order-${order.id}:find-document`, this.reference);
        if (existing) {
          const data = await this.rememberExport(existing, {});
          return [await this.credits(existing.number, data, options)];
        }
      }
      if (entry?.state === 'failed') await this.ctx.idMap.remove('order', this.sourceId);
      return [
        await this.skip('order', this.sourceId, {
          message: `Order ${order.id} has status "${order.status || order.statusId}", which is not one of the statuses sent to AccountView.`,
          hint: 'Orders are sent once they reach a selected status. Choose the statuses in the order settings.',
        }),
      ];
    }
    return this.exportOrder();
  }

  /** Records the export in the id-map; returns what a later credit needs to know about it. */
  private async rememberExport(ref: DocumentRef, known: { debtor?: string; deliveryAddress?: string }): Promise<Record<string, string>> {
    const data = { debtor: known.debtor || ref.debtor, deliveryAddress: known.deliveryAddress ?? '', reference: this.reference, documentType: this.settings.documentType };
    await this.ctx.idMap.putDone({
      entity: 'order',
      sourceId: this.sourceId,
      targetId: ref.id,
      targetNumber: ref.number,
      contentHash: this.order.modifiedAt.toISOString(),
      data,
    });
    return data;
  }

  private async storeBasis(): Promise<boolean> {
    if (!this.memory.store) {
      const info = await this.ctx.step.run('store-information', async () => {
        const flag = (await this.ctx.bigcommerce.getStoreInformation()).is_price_entered_with_tax;
        return { pricesIncludeTax: typeof flag === 'boolean' ? flag : null };
      });
      this.memory.store = { pricesIncludeTax: info.pricesIncludeTax ?? undefined };
    }
    return this.memory.store.pricesIncludeTax ?? this.order.taxInclusive ?? false;
  }

  private bindings(inclusive: boolean): Record<string, unknown> {
    const { order, settings } = this;
    return {
      storeHash: this.ctx.storeHash,
      channelId: order.channelId,
      orderId: order.id,
      currency: order.currency,
      reference: this.reference,
      email: emailOf(order),
      paymentMethod: lookupMap(settings.paymentMethodMap, order.paymentMethod) ?? order.paymentMethod,
      paymentTermDays: lookupMap(settings.paymentTermMap, order.paymentMethod) ?? 0,
      giftCertificateAmount: order.giftCertificateAmount / 100,
      storeCreditAmount: order.storeCreditAmount / 100,
      pricesIncludeVat: inclusive,
      journalCode: settings.journalCode,
      debtorAccount: settings.debtorAccount,
      vatTable: settings.vatTable,
    };
  }

  private async exportOrder(): Promise<OrderResult[]> {
    const { order, settings } = this;
    const inclusive = await this.storeBasis();
    const drafted = draftOrderDocument(order, settings, inclusive);
    if (!drafted.ok) {
      return this.failAll('order', this.sourceId, { message: drafted.problems.join(' '), hint: drafted.hints.join(' ') });
    }
    const draft = drafted.draft;
    const articles = await matchArticles(this.ctx, this.memory, order.id, draft.lines);
    if (articles.problems.length > 0) {
      return this.failAll('order', this.sourceId, { message: articles.problems.join(' '), hint: articles.hints.join(' '), search: articles.missingSkus });
    }
    const bindings = this.bindings(inclusive);
    const customer = await resolveCustomer(this.ctx, this.memory, this.mappings(), order, this.raw, bindings);
    if (!customer.ok) return this.failAll('order', this.sourceId, customer);
    const { debtor, deliveryAddress } = customer.value;

    const built = await this.buildDocument(draft, inclusive, { ...bindings, debtor, deliveryAddress }, this.reference);
    if (!built.ok) return this.failAll('order', this.sourceId, built);

    const created = await createDocument(this.ctx, `order-${order.id}:create-document`, this.reference, built.record);
    if (!created.ok) {
      return this.failAll('order', this.sourceId, { message: `AccountView refused order ${order.id}: ${created.message}`, hint: created.hint, sent: built.record });
    }
    const { ref } = created.value;
    const data = await this.rememberExport(ref, { debtor, deliveryAddress });
    const total = money(draft.targetCents, order.currency);
    const result = await this.done('order', this.sourceId, created.value.created ? 'created' : 'skipped', {
      message: created.value.created
        ? `Order ${order.id} sent to AccountView as ${this.documentLabel(ref.number)} (${total}${built.rounding ? `, incl. rounding ${money(built.rounding, order.currency)}` : ''}).`
        : `Order ${order.id} was already in AccountView as ${this.documentLabel(ref.number)}; nothing was created.`,
      sent: built.record,
      answer: created.value.created ? created.value.answer : undefined,
      targetRef: ref.number,
    });
    // An order selected in a refunded state gets its credit right away.
    if (this.order.refunded > 0 || (this.order.statusId === ORDER_STATUS.cancelled && this.settings.credits.cancellations)) {
      const credit = await this.credits(ref.number, data, { quietBefore: undefined });
      if (credit.entity === 'refund') return [result, credit];
    }
    return [result];
  }

  /**
   * Maps the document, checks that it totals BigCommerce's figure to the cent as AccountView will add it
   * up, and absorbs a difference of a few cents in a rounding line (or fails, per the settings).
   */
  private async buildDocument(
    draft: DocumentDraft,
    inclusive: boolean,
    bindings: Record<string, unknown>,
    reference: string,
  ): Promise<{ ok: true; record: WriteRecord; rounding: Cents } | ({ ok: false } & Failure)> {
    const mapping = this.documentMapping();
    const lines: DocLine[] = [...draft.lines];
    let mapped = await mapping.compiled.evaluate(this.raw, { ...bindings, lines });
    const diff = draft.targetCents - this.documentTotal(mapped, lines, inclusive);
    const currency = this.order.currency;
    let rounding = 0;
    if (diff !== 0) {
      const tolerance = Math.round(this.settings.roundingTolerance * 100);
      const totals = `The document would total ${money(draft.targetCents - diff, currency)}, but BigCommerce's total is ${money(draft.targetCents, currency)}`;
      if (Math.abs(diff) > tolerance) {
        return { ok: false, message: `${totals}: a difference of ${money(diff, currency)}, more than rounding can explain.`, hint: 'Check the order in BigCommerce and the line fields of the document mapping (quantity, price, amount).' };
      }
      if (this.settings.roundingPolicy === 'fail') {
        return { ok: false, message: `${totals} (rounding difference ${money(diff, currency)}).`, hint: 'Allow a rounding line in the order settings (rounding policy), or correct the order in BigCommerce.' };
      }
      const line = roundingLine(this.settings, inclusive, diff);
      if (!line) return { ok: false, message: `${totals}, and the VAT table has no code for 0 % to put the rounding line on.`, hint: 'Add 0 % to the VAT table in the order settings.' };
      if (this.settings.documentType === 'sales-order') {
        const article = known(this.memory, 'code', line.articleCode);
        if (!article) {
          return { ok: false, message: `${totals}; the rounding article ${line.articleCode} is not in AccountView.`, hint: `Create article ${line.articleCode} (VAT code ${line.vatCode}) in AccountView, or choose the rounding article in the order settings.` };
        }
        line.articleCode = article.code;
      }
      lines.push(line);
      rounding = diff;
      mapped = await mapping.compiled.evaluate(this.raw, { ...bindings, lines });
      const left = draft.targetCents - this.documentTotal(mapped, lines, inclusive);
      if (left !== 0) return { ok: false, message: `${totals}, and a rounding line did not close the difference.`, hint: 'Check the line fields of the document mapping (quantity, price, amount).' };
    }
    const record = writeRecordOf(mapped, mapping, { [this.settings.orderIdField]: reference });
    if (!record.ok) return { ok: false, message: `The document mapping gave field ${record.target} a list or an object.`, hint: 'Correct that field in the document mapping.' };
    return { ok: true, record: record.record, rounding };
  }

  /** What AccountView will total: Σ quantity × price (+ VAT per line when prices exclude VAT) for sales orders; Σ amounts (+ VAT unless gross) for invoices. */
  private documentTotal(mapped: MappingResult, lines: readonly DocLine[], inclusive: boolean): Cents {
    const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : 0);
    if (this.settings.documentType === 'sales-order') {
      return mapped.lines.reduce((sum, l, i) => {
        const net = roundHalfAway(num(l.ORD_QTY) * num(l.ART_PX) * 100);
        const vat = inclusive ? 0 : roundHalfAway((net * (lines[i]?.vatRate ?? 0)) / 100);
        return sum + net + vat;
      }, 0);
    }
    const gross = mapped.record.GROSS_FLG === true;
    return mapped.lines.reduce((sum, l) => sum + roundHalfAway(num(l.AMOUNT) * 100) + (gross ? 0 : roundHalfAway(num(l.VAT_AMT) * 100)), 0);
  }

  // ─── Credits ─────────────────────────────────────────────────────────────────────────────────────

  /**
   * Refunds and cancellations of an exported order: what BigCommerce has refunded (or, for a cancelled
   * order, everything) beyond what earlier credits covered becomes one credit document with negative
   * quantities, referring to the original. Each step is recorded in the id-map (entity `refund`,
   * `<order id>:C<n>`) with what it credits, so every refund is credited once.
   */
  private async credits(originalNumber: string, data: unknown, options: ExportOptions): Promise<OrderResult> {
    const { order, settings } = this;
    const refunded = settings.credits.refunds && order.refunded > 0 ? refundedCredit(order) : NOTHING_CREDITED;
    const target = settings.credits.cancellations && order.statusId === ORDER_STATUS.cancelled ? mergeCredit(refunded, fullCredit(order)) : refunded;
    // In a step for the same reason as the order's state: a retry must see what the first attempt saw.
    const credited = await this.ctx.step.run(`order-${order.id}:credits`, async () => {
      const previous = await this.ctx.idMap.listByPrefix('refund', `${order.id}:`);
      return previous.filter((p) => p.state === 'done').map((p) => p.data ?? null);
    });
    const done = credited.reduce<CreditState>((best, data) => {
      const snap = creditSnapshot.safeParse(data);
      return snap.success && snap.data.total > best.total ? snap.data : best;
    }, NOTHING_CREDITED);

    if (target.total <= done.total) {
      const label = this.documentLabel(originalNumber);
      const unchanged = options.quietBefore !== undefined && order.modifiedAt.getTime() <= options.quietBefore.getTime();
      const message = `Order ${order.id} was sent before, as ${label}; nothing new to send.`;
      if (unchanged) return { orderId: order.id, entity: 'order', sourceId: this.sourceId, outcome: 'skipped', message, targetRef: originalNumber };
      return this.skip('order', this.sourceId, { message, hint: '' }, originalNumber);
    }

    const n = credited.length + 1;
    const sourceId = `${order.id}:C${n}`;
    try {
      return await this.creditDocument(originalNumber, data, n, done, target);
    } catch (error) {
      if (error instanceof MappingError) {
        return this.fail('refund', sourceId, {
          message: `The mapping could not be applied to the credit for order ${order.id}: ${error.message}.`,
          hint: 'Correct the field it names in the order mapping settings; the credit is sent again automatically.',
          cause: 'mapping',
        });
      }
      throw error;
    }
  }

  private async creditDocument(originalNumber: string, data: unknown, n: number, done: CreditState, target: CreditState): Promise<OrderResult> {
    const { order, settings } = this;
    const sourceId = `${order.id}:C${n}`;
    const reference = `${this.reference}-C${n}`;
    const what = order.statusId === ORDER_STATUS.cancelled && settings.credits.cancellations ? 'cancellation' : 'refund';
    const inclusive = await this.storeBasis();
    const drafted = draftCreditDocument(order, settings, inclusive, done, target);
    if (!drafted.ok) {
      return this.fail('refund', sourceId, { message: drafted.problems.join(' '), hint: drafted.hints.join(' ') });
    }
    const draft = drafted.draft;
    const articles = await matchArticles(this.ctx, this.memory, order.id, draft.lines);
    if (articles.problems.length > 0) {
      return this.fail('refund', sourceId, { message: articles.problems.join(' '), hint: articles.hints.join(' '), search: articles.missingSkus });
    }
    const stored = orderData.safeParse(data);
    let debtor = stored.success ? (stored.data.debtor ?? '') : '';
    if (debtor === '') {
      const original = await findDocument(this.ctx, `order-${order.id}:find-original`, this.reference);
      debtor = original?.debtor ?? (settings.customerMode === 'default-debtor' ? settings.defaultDebtor : '');
    }
    if (debtor === '') {
      return this.fail('refund', sourceId, {
        message: `The debtor of ${this.documentLabel(originalNumber)} is not known, so the ${what} of order ${order.id} cannot be credited.`,
        hint: `Check that ${this.documentLabel(originalNumber)} still exists in AccountView.`,
      });
    }
    const bindings = {
      ...this.bindings(inclusive),
      debtor,
      deliveryAddress: stored.success ? (stored.data.deliveryAddress ?? '') : '',
      credit: { originalNumber, number: n, kind: what },
    };
    const built = await this.buildDocument(draft, inclusive, bindings, reference);
    if (!built.ok) return this.fail('refund', sourceId, built);
    const created = await createDocument(this.ctx, `refund-${order.id}-C${n}:create-document`, reference, built.record);
    if (!created.ok) {
      return this.fail('refund', sourceId, { message: `AccountView refused the credit for order ${order.id}: ${created.message}`, hint: created.hint, sent: built.record });
    }
    const { ref } = created.value;
    await this.ctx.idMap.putDone({ entity: 'refund', sourceId, targetId: ref.id, targetNumber: ref.number, data: target });
    return this.done('refund', sourceId, created.value.created ? 'created' : 'skipped', {
      message: created.value.created
        ? `The ${what} of order ${order.id} credited as ${this.documentLabel(ref.number)} (${money(draft.targetCents, order.currency)}), against ${this.documentLabel(originalNumber)}.`
        : `The credit for the ${what} of order ${order.id} was already in AccountView as ${this.documentLabel(ref.number)}.`,
      sent: built.record,
      answer: created.value.created ? created.value.answer : undefined,
      targetRef: ref.number,
    });
  }

  // ─── Outcomes ────────────────────────────────────────────────────────────────────────────────────

  private async failAll(entity: 'order' | 'refund', sourceId: string, failure: Failure): Promise<OrderResult[]> {
    return [await this.fail(entity, sourceId, failure)];
  }

  private async fail(entity: 'order' | 'refund', sourceId: string, failure: Failure): Promise<OrderResult> {
    await this.ctx.idMap.putFailed(entity, sourceId, failure.message);
    await this.ctx.log.record({
      entity,
      sourceId,
      outcome: 'failed',
      message: failure.message,
      hint: failure.hint,
      source: this.raw,
      sent: failure.sent,
      answer: failure.answer,
      searchText: [this.searchText, ...(failure.search ?? [])].join(' '),
    });
    return { orderId: this.order.id, entity, sourceId, outcome: 'failed', message: failure.message, ...(failure.cause ? { cause: failure.cause } : {}) };
  }

  private async skip(entity: 'order' | 'refund', sourceId: string, why: { message: string; hint: string }, targetRef?: string): Promise<OrderResult> {
    await this.ctx.log.record({
      entity,
      sourceId,
      outcome: 'skipped',
      message: why.message,
      ...(why.hint ? { hint: why.hint } : {}),
      source: this.raw,
      ...(targetRef ? { targetRef } : {}),
      searchText: this.searchText,
    });
    return { orderId: this.order.id, entity, sourceId, outcome: 'skipped', message: why.message, ...(targetRef ? { targetRef } : {}) };
  }

  private async done(
    entity: 'order' | 'refund',
    sourceId: string,
    outcome: 'created' | 'skipped',
    what: { message: string; sent: unknown; answer: unknown; targetRef: string },
  ): Promise<OrderResult> {
    await this.ctx.log.record({
      entity,
      sourceId,
      outcome,
      message: what.message,
      source: this.raw,
      sent: what.sent,
      answer: what.answer,
      targetRef: what.targetRef,
      searchText: this.searchText,
    });
    return { orderId: this.order.id, entity, sourceId, outcome, message: what.message, targetRef: what.targetRef };
  }
}
