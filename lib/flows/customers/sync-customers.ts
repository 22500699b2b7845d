import type { Filter } from '@/lib/accountview';
import { BATCH_LIMITS, BigCommerceApiError, type Customer, type CustomerCreate, type CustomerUpdate } from '@/lib/bigcommerce';
import type { IdMapEntry } from '@/lib/db/queries/id-map';
import { DEBTOR_FIELDS, debtorRow, mapDebtor, sameAddress, type CustomerAddressDraft, type CustomerDraft, type DebtorRow } from './debtor';
import type { CustomerSummary, CustomerSyncInput, CustomersContext } from './ports';

/**
 * AccountView debtors → BigCommerce customers, matched on e-mail. Debtors changed since the checkpoint
 * are mapped; what maps to the same as last time (id-map `customer`, content hash) costs nothing; the
 * rest is looked up with one `email:in` read per 50 and written through the batch endpoints, 10 per call.
 *
 * Idempotency comes from the data, not from steps: a retried run reads the same debtors, skips those
 * already written (their hash is stored) and finds a customer created just before a crash by its e-mail.
 */

export const CUSTOMER_ENTITY = 'customer';
const LOG_ENTITY = 'debtor';
/** E-mail addresses per `email:in` lookup: five write batches' worth, and a URL well under common limits. */
const LOOKUP_CHUNK = 50;
/**
 * The next run reads from a little before this one started: AccountView's clock is not ours, and a
 * debtor read twice costs only its hash comparison.
 */
const CHECKPOINT_OVERLAP_MS = 2 * 60 * 1000;

const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/** A refusal of the data (422, 409, 400) rather than of the call: worth isolating per customer. */
const refusedData = (error: unknown) => error instanceof BigCommerceApiError && [400, 409, 422].includes(error.status);

interface Written {
  draft: CustomerDraft;
  customerId: number;
  addressId: number | undefined;
}

function toCreate(d: CustomerDraft, ctx: CustomersContext): CustomerCreate {
  return {
    email: d.email,
    first_name: d.first_name,
    last_name: d.last_name,
    ...(d.company ? { company: d.company } : {}),
    ...(d.phone ? { phone: d.phone } : {}),
    ...(d.address ? { addresses: [d.address] } : {}),
    ...(ctx.settings.customerGroupId === undefined ? {} : { customer_group_id: ctx.settings.customerGroupId }),
  };
}

function toUpdate(d: CustomerDraft, customerId: number): CustomerUpdate {
  return { id: customerId, first_name: d.first_name, last_name: d.last_name, company: d.company, phone: d.phone };
}

function addressIdOf(entry: IdMapEntry | undefined): number | undefined {
  const data = entry?.data;
  if (typeof data === 'object' && data !== null && 'addressId' in data && typeof data.addressId === 'number') return data.addressId;
  return undefined;
}

export async function syncCustomers(ctx: CustomersContext, input: CustomerSyncInput = {}): Promise<CustomerSummary> {
  const startedAt = ctx.now();
  const summary: CustomerSummary = { read: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0, nextCheckpoint: new Date(startedAt.getTime() - CHECKPOINT_OVERLAP_MS).toISOString() };
  // One customer per e-mail in BigCommerce: a second debtor with the same address in this run is reported, not merged.
  const emailOwner = new Map<string, string>();
  const done = new Set<string>();

  const handle = async (rows: readonly DebtorRow[]) => {
    const drafts: CustomerDraft[] = [];
    const changedAt = new Map<string, Date>();
    for (const row of rows) {
      if (done.has(row.SUB_NR)) continue;
      done.add(row.SUB_NR);
      summary.read += 1;
      const mapped = mapDebtor(row, ctx.settings);
      if (!mapped.ok) {
        summary.skipped += 1;
        await ctx.log.record({ entity: LOG_ENTITY, sourceId: row.SUB_NR, outcome: 'skipped', message: mapped.message, hint: mapped.hint, source: row, searchText: row.ACCT_NAME });
        continue;
      }
      const owner = emailOwner.get(mapped.draft.email);
      if (owner !== undefined) {
        summary.skipped += 1;
        await ctx.log.record({
          entity: LOG_ENTITY,
          sourceId: row.SUB_NR,
          outcome: 'skipped',
          message: `Debtor ${row.SUB_NR} has the same e-mail address as debtor ${owner} (${mapped.draft.email}); BigCommerce has one customer per e-mail address.`,
          hint: 'Give each debtor its own e-mail address in AccountView, or leave it empty on the one that should not be a webshop customer.',
          searchText: mapped.draft.email,
        });
        continue;
      }
      emailOwner.set(mapped.draft.email, row.SUB_NR);
      if (row.CNG_DATE) changedAt.set(row.SUB_NR, row.CNG_DATE);
      drafts.push(mapped.draft);
    }
    const known = await ctx.idMap.getMany(
      CUSTOMER_ENTITY,
      drafts.map((d) => d.subNr),
    );
    const changed = drafts.filter((d) => {
      const entry = known.get(d.subNr);
      if (entry?.state === 'done') return entry.contentHash !== d.hash;
      // Refused before and not changed since: trying again would only cost a write that fails again.
      const changedOn = changedAt.get(d.subNr);
      return !(entry?.state === 'failed' && changedOn !== undefined && changedOn <= entry.updatedAt);
    });
    summary.unchanged += drafts.length - changed.length;
    for (const part of chunks(changed, LOOKUP_CHUNK)) await writeChunk(ctx, part, known, summary);
  };

  const filters: Filter[] = input.since ? [{ field: 'CNG_DATE', operator: 'DateOnOrAfterDate', value: input.since }] : [];
  for await (const page of ctx.accountview.readPages('AR1', { fields: DEBTOR_FIELDS, filters, pageSize: 1000 }, debtorRow)) await handle(page);

  return summary;
}

async function writeChunk(ctx: CustomersContext, drafts: CustomerDraft[], known: Map<string, IdMapEntry>, summary: CustomerSummary): Promise<void> {
  const existing = new Map<string, Customer>();
  for await (const c of ctx.bigcommerce.listCustomers({ 'email:in': drafts.map((d) => d.email), include: ['addresses'], limit: 250 })) {
    if (typeof c.email === 'string') existing.set(c.email.toLowerCase(), c);
  }
  const creates = drafts.filter((d) => !existing.has(d.email));
  const updates = drafts.filter((d) => existing.has(d.email));

  for (const part of chunks(creates, BATCH_LIMITS.customers)) {
    const written = await isolate(ctx, part, summary, async (batch) => {
      const created = await ctx.bigcommerce.createCustomers(batch.map((d) => toCreate(d, ctx)));
      const byEmail = new Map(created.map((c) => [String(c.email).toLowerCase(), c]));
      return batch.flatMap((draft): Written[] => {
        const customer = byEmail.get(draft.email);
        return customer?.id === undefined ? [] : [{ draft, customerId: customer.id, addressId: customer.addresses?.[0]?.id }];
      });
    });
    await recordWritten(ctx, written, 'created', summary);
  }

  for (const part of chunks(updates, BATCH_LIMITS.customers)) {
    const written = await isolate(ctx, part, summary, async (batch) => {
      const pairs = batch.flatMap((draft) => {
        const customer = existing.get(draft.email);
        return customer?.id === undefined ? [] : [{ draft, customer, customerId: customer.id }];
      });
      await ctx.bigcommerce.updateCustomers(pairs.map((p) => toUpdate(p.draft, p.customerId)));
      return writeAddresses(ctx, pairs, known);
    });
    await recordWritten(ctx, written, 'updated', summary);
  }
}

/**
 * PUT /v3/customers cannot change addresses (reference §2.5): the address the flow wrote before is
 * updated through the addresses endpoint, or a new one is added when the customer has no such address.
 */
async function writeAddresses(ctx: CustomersContext, pairs: { draft: CustomerDraft; customer: Customer; customerId: number }[], known: Map<string, IdMapEntry>): Promise<Written[]> {
  const written: Written[] = [];
  const toPut: Array<CustomerAddressDraft & { id: number }> = [];
  const toPost: Array<{ draft: CustomerDraft; body: CustomerAddressDraft & { customer_id: number } }> = [];
  for (const { draft, customer, customerId } of pairs) {
    const addresses = customer.addresses ?? [];
    const address = draft.address;
    const same = address && addresses.find((a) => sameAddress(address, a));
    const ours = addressIdOf(known.get(draft.subNr));
    if (!address || same) {
      written.push({ draft, customerId, addressId: same ? same.id : ours });
    } else if (ours !== undefined && addresses.some((a) => a.id === ours)) {
      toPut.push({ ...address, id: ours });
      written.push({ draft, customerId, addressId: ours });
    } else {
      toPost.push({ draft, body: { ...address, customer_id: customerId } });
    }
  }
  if (toPut.length > 0) await ctx.bigcommerce.request('PUT', '/v3/customers/addresses', { body: toPut });
  if (toPost.length > 0) {
    const answer = (await ctx.bigcommerce.request('POST', '/v3/customers/addresses', { body: toPost.map((p) => p.body) })) as { data?: Array<{ id?: number; customer_id?: number }> } | undefined;
    const byCustomer = new Map((answer?.data ?? []).map((a) => [a.customer_id, a.id]));
    for (const { draft, body } of toPost) written.push({ draft, customerId: body.customer_id, addressId: byCustomer.get(body.customer_id) });
  }
  return written;
}

/** Runs a batch write; when BigCommerce refuses the batch's data, each customer is tried alone so one bad record fails alone. */
async function isolate(ctx: CustomersContext, batch: CustomerDraft[], summary: CustomerSummary, write: (batch: CustomerDraft[]) => Promise<Written[]>): Promise<Written[]> {
  try {
    return await write(batch);
  } catch (error) {
    if (!refusedData(error)) throw error;
    if (batch.length === 1 && batch[0]) {
      const draft = batch[0];
      const message = error instanceof Error ? error.message : String(error);
      summary.failed += 1;
      await ctx.idMap.putFailed(CUSTOMER_ENTITY, draft.subNr, message);
      await ctx.log.record({
        entity: LOG_ENTITY,
        sourceId: draft.subNr,
        outcome: 'failed',
        message: `BigCommerce refused the customer for debtor ${draft.subNr}: ${message}`,
        // Not retried on every run (that would cost a write each time): a change to the debtor brings it back.
        hint: 'Correct the debtor\'s name, e-mail address or address in AccountView; it is sent again once the debtor changes.',
        sent: draft,
        searchText: draft.email,
      });
      return [];
    }
    const written: Written[] = [];
    for (const draft of batch) written.push(...(await isolate(ctx, [draft], summary, write)));
    return written;
  }
}

async function recordWritten(ctx: CustomersContext, written: Written[], outcome: 'created' | 'updated', summary: CustomerSummary): Promise<void> {
  for (const { draft, customerId, addressId } of written) {
    await ctx.idMap.putDone({ entity: CUSTOMER_ENTITY, sourceId: draft.subNr, targetId: String(customerId), contentHash: draft.hash, data: addressId === undefined ? null : { addressId } });
    await ctx.log.record({ entity: LOG_ENTITY, sourceId: draft.subNr, outcome, targetRef: String(customerId), sent: draft, searchText: draft.email });
    summary[outcome] += 1;
  }
}
