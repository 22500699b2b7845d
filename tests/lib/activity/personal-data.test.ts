import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeStore } from '@/lib/activity/retention';
import { PIPELINE_STORE as STORE, startOrderPipeline, type OrderPipeline } from '../../helpers/order-pipeline';
import { rowsOf } from '../engine/helpers';
import { FVR_ARTICLES } from '../flows/orders/harness';

const DAY = 24 * 60 * 60 * 1000;
const EMAIL = 'zwaantje.privacy@voorbeeld.nl';
const SURNAME = 'Privacyweg-Zwaantje';

/**
 * "Personal data is kept no longer than the log's retention": an order's customer goes through the real
 * pipeline (webhook, runner, export, debtor created in AccountView), then the retention period passes and
 * the purge runs. Afterwards no column of any table holds the customer's e-mail address or name — the
 * AccountView debtor is still found for their next order through a key that is not the address.
 */
describe('personal data after the retention period', () => {
  let pipeline: OrderPipeline;

  beforeAll(async () => {
    pipeline = await startOrderPipeline();
  }, 120_000);
  afterAll(async () => pipeline?.close());

  /** Every table and text-like column where `needle` occurs (case-insensitive), as "table.column". */
  async function whereIs(needle: string): Promise<string[]> {
    const db = pipeline.database.db;
    const columns = rowsOf<{ t: string; c: string }>(
      await db.execute(sql`select table_name as t, column_name as c from information_schema.columns
        where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json')`),
    );
    const found: string[] = [];
    for (const { t, c } of columns) {
      const hits = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${sql.identifier(t)} where ${sql.identifier(c)}::text ilike ${`%${needle}%`}`));
      if ((hits[0]?.n ?? 0) > 0) found.push(`${t}.${c}`);
    }
    return found.sort();
  }

  async function order(): Promise<number> {
    const { bc } = pipeline;
    const product = (bc.state.stores[STORE]?.data.products ?? []).find((p) => p.variants.length <= 1 && FVR_ARTICLES.some((a) => a.code === p.sku));
    const created = bc.orders.create(STORE, {
      status_id: 11,
      billing_address: { first_name: 'Zwaantje', last_name: SURNAME, email: EMAIL, street_1: 'Dorpsstraat 1', zip: '1234 AB', city: 'Ergens', country: 'Netherlands', country_iso2: 'NL' },
      products: [{ product_id: product!.id, quantity: 1 }],
    });
    await bc.webhooks.settle();
    await pipeline.runner.drain();
    return created.id;
  }

  it('leaves no e-mail address or name in the database once the purge has run', async () => {
    const first = await order();
    const company = pipeline.av.state.companies.find((c) => c.code === 'FVR')!;
    const debtors = (company.tables.CONTACT ?? []).filter((r) => String(r.MAIL_BUS ?? '').trim() === EMAIL);
    expect(debtors).toHaveLength(1);
    expect((company.tables.SO_HDR ?? []).filter((h) => String(h.COMMENT1).trim() === `BC-${first}`)).toHaveLength(1);
    // Within the period the activity log shows whose order it was.
    expect(await whereIs(EMAIL)).not.toEqual([]);
    expect(await whereIs(SURNAME)).not.toEqual([]);

    const purged = await purgeStore(pipeline.database.db, STORE, new Date(Date.now() + 31 * DAY));
    expect(purged.runs).toBeGreaterThan(0);
    expect(await whereIs(EMAIL)).toEqual([]);
    expect(await whereIs(SURNAME)).toEqual([]);

    // Their next order books on the same debtor: nothing was lost that matching needs.
    const second = await order();
    const header = (company.tables.SO_HDR ?? []).find((h) => String(h.COMMENT1).trim() === `BC-${second}`);
    expect(String(header?.RPL_INV).trim()).toBe(String(debtors[0]?.SUB_NR).trim());
    expect((company.tables.CONTACT ?? []).filter((r) => String(r.MAIL_BUS ?? '').trim() === EMAIL)).toHaveLength(1);
  }, 120_000);
});
