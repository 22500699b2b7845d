import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PIPELINE_STORE as STORE, startOrderPipeline, type OrderPipeline } from '../../helpers/order-pipeline';
import { FVR_ARTICLES } from '../flows/orders/harness';
import { startProductsWorld, type ProductsWorld } from '../flows/products/harness';
import { rowsOf } from '../engine/helpers';

/**
 * SQL and HTML typed into free-text fields reach the other system byte for byte where the field is
 * plain text, are escaped where the target is HTML, and are stored as data: no query, page or
 * description ever runs them.
 */
const SQL = `Robert'); DROP TABLE stores;--`;
const HTML = `<img src=x onerror=alert(1)>`;
const MIXED = `"O'Brien" & <b>Zn</b>`;
// Names short enough for AccountView's 40-character contact column together.
const NAME_HTML = `<b onclick=x>Jan</b>`;
const NAME_SQL = `'; DROP TABLE x;--`;

async function tablesStillThere(db: OrderPipeline['database']['db']): Promise<void> {
  const rows = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from stores`));
  expect(rows[0]?.n).toBeGreaterThan(0);
}

describe('hostile free text, BigCommerce → AccountView (orders)', () => {
  let pipeline: OrderPipeline;
  beforeAll(async () => {
    pipeline = await startOrderPipeline();
  }, 120_000);
  afterAll(async () => pipeline?.close());

  it('names, company, city and address arrive unchanged in AccountView and are stored as text', async () => {
    const product = (pipeline.bc.state.stores[STORE]?.data.products ?? []).find((p) => p.variants.length <= 1 && FVR_ARTICLES.some((a) => a.code === p.sku))!;
    const billing = {
      first_name: NAME_HTML,
      last_name: NAME_SQL,
      company: MIXED,
      street_1: 'Dorpsstraat 1',
      street_2: '',
      city: `Zeist'; --`,
      state: '',
      zip: '3701 AA',
      country: 'Netherlands',
      country_iso2: 'NL',
      phone: '',
      email: 'robert.tables@example.nl',
    };
    const id = pipeline.bc.orders.create(STORE, { status_id: 11, billing_address: billing, products: [{ product_id: product.id, quantity: 1 }] }).id;
    await pipeline.bc.webhooks.settle();
    await pipeline.runner.drain();

    const company = pipeline.av.state.companies.find((c) => c.code === 'FVR')!;
    const header = company.tables.SO_HDR?.find((h) => String(h.COMMENT1).trim() === `BC-${id}`);
    expect(header, 'the order reached AccountView').toBeDefined();
    const debtor = Object.values(company.tables)
      .flat()
      .find((row) => row.MAIL_BUS === billing.email && 'ACCT_NAME' in row);
    expect(debtor, 'a debtor was created').toBeDefined();
    // Byte-equal where the mapping copies the field (the company is the account name; the person is the contact).
    expect(debtor!.ACCT_NAME).toBe(MIXED);
    expect(debtor!.MAIN_CONT).toBe(`${NAME_HTML} ${NAME_SQL}`);
    expect(debtor!.CITY).toBe(`Zeist'; --`);

    await tablesStillThere(pipeline.database.db);
    // The activity log kept what was read and sent as data, unchanged.
    const records = rowsOf<{ source: string; sent: string }>(
      await pipeline.database.db.execute(sql`select source::text as source, sent::text as sent from sync_records where store_hash = ${STORE} and source_id = ${String(id)}`),
    );
    expect(records.length).toBeGreaterThan(0);
    expect(records.map((r) => r.source).join()).toContain(JSON.stringify(NAME_SQL).slice(1, -1));
  }, 120_000);

  it('a SKU carrying SQL and markup is looked up as text: the order fails saying which article is missing, word for word', async () => {
    const sku = `<b>X</b>'; DROP TABLE stores;--`;
    const id = pipeline.bc.orders.create(STORE, { status_id: 11, products: [{ name: 'Onbekend', sku, price: 10, tax_rate: 21, quantity: 1 }] }).id;
    await pipeline.bc.webhooks.settle();
    await pipeline.runner.drain();

    const company = pipeline.av.state.companies.find((c) => c.code === 'FVR')!;
    expect(company.tables.SO_HDR?.find((h) => String(h.COMMENT1).trim() === `BC-${id}`)).toBeUndefined();
    const [failed] = rowsOf<{ outcome: string; message: string }>(
      await pipeline.database.db.execute(sql`select outcome, message from sync_records where store_hash = ${STORE} and entity = 'order' and source_id = ${String(id)}`),
    );
    expect(failed?.outcome).toBe('failed');
    expect(failed?.message).toContain(sku);
    await tablesStillThere(pipeline.database.db);
    expect(company.tables.ARTICLE?.length).toBeGreaterThan(0);
  }, 120_000);
});

describe('hostile free text, AccountView → BigCommerce (products)', () => {
  let t: ProductsWorld;
  beforeAll(async () => {
    t = await startProductsWorld();
  }, 60_000);
  afterAll(async () => t?.close());

  it('article descriptions become the product name unchanged, and the HTML description escaped', async () => {
    await t.article({ ART_CODE: 'WEBT-XSS1', ART_DESC1: HTML, ART_DESC2: MIXED, PX_SELL: 10, WEIGHT: 0.1 });
    await t.article({ ART_CODE: 'WEBT-SQL1', ART_DESC1: SQL, PX_SELL: 10, WEIGHT: 0.1 });
    const { summary } = await t.run();
    expect(summary.message).toMatch(/2 created/);

    const [xss] = await t.productsBySku('WEBT-XSS1');
    const [sqlProduct] = await t.productsBySku('WEBT-SQL1');
    expect(xss?.name).toBe(HTML);
    expect(xss?.meta_description).toBe(MIXED);
    expect(sqlProduct?.name).toBe(SQL);
    // The description is HTML on the storefront: the article's text is shown, never run.
    expect(xss?.description).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p><p>&quot;O&#39;Brien&quot; &amp; &lt;b&gt;Zn&lt;/b&gt;</p>');
    expect(sqlProduct?.description).toBe('<p>Robert&#39;); DROP TABLE stores;--</p>');
    await tablesStillThere(t.world.database.db);
  }, 60_000);
});
