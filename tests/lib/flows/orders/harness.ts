import type { AccountViewClient } from '@/lib/accountview';
import { createBigCommerceClient, type BigCommerceClient, type Order } from '@/lib/bigcommerce';
import { createIdMap } from '@/lib/db/queries/id-map';
import { saveInstall } from '@/lib/db/queries/stores';
import { orderFlowSettings, type OrderFlowSettingsInput, type OrdersContext } from '@/lib/flows/orders';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '@/tests/helpers/databases';
import { connectedClient, startSimulator } from '@/tests/lib/accountview/harness';
import type { AccountViewSimulator, Row } from '@/tests/simulators/accountview';
import { installApp, startTestSimulator, type BigCommerceSimulator } from '@/tests/simulators/bigcommerce';
import { memoryLog, memoryStep, type MemoryLog, type MemoryStep } from './fakes';

/** The two seeded AccountView companies the stores book into. */
export const FVR = '6f1d0c52-3b8e-4e27-9a51-2c7d9e4f8a10';
export const HANK = 'b3a9e7d4-51c2-4f86-8e0b-7d2a6c5f9e31';
export const NL_STORE = 'abc123def';
export const BE_STORE = 'xyz789ghi';

/** AccountView articles matching the BigCommerce simulator's SKUs, plus the articles for shipping, discounts… (VAT codes: 2 = 21 %, 1 = low, 0 = none). */
export const FVR_ARTICLES: { code: string; vat: string; ean?: string }[] = [
  { code: 'BEL-MESSING', vat: '2' },
  { code: 'HELM-URBAN-S', vat: '2' },
  { code: 'HELM-URBAN-M', vat: '2' },
  { code: 'ABUS-BORDO-6000', vat: '2' },
  { code: 'BOEK-FIETSROUTES-NL', vat: '1' },
  { code: 'ENERGIE-24', vat: '1' },
  { code: 'CURSUS-ONDERHOUD', vat: '2' },
  { code: 'BTV-FONK-N3', vat: '2' },
  { code: 'GZ-ULT-C380-49', vat: '2' },
  { code: 'GZ-ULT-C380-57', vat: '2' },
  // Known in AccountView under its own code: found through the EAN BigCommerce has as UPC.
  { code: 'GAZELLE-C380-53', vat: '2', ean: '8718182345678' },
  { code: 'VERZENDKOSTEN', vat: '2' },
  { code: 'BEHANDELKOSTEN', vat: '2' },
  { code: 'INPAKKOSTEN', vat: '2' },
  { code: 'TOESLAG', vat: '2' },
  { code: 'KORTING', vat: '2' },
  { code: 'KORTING-LAAG', vat: '1' },
  { code: 'CADEAUBON', vat: '0' },
  { code: 'RETOUR', vat: '2' },
  { code: 'AFRONDING', vat: '0' },
];
// HELM-URBAN-L is deliberately missing: the "unknown SKU" case.

export const HANK_ARTICLES: { code: string; vat: string }[] = [
  { code: 'GC-CLASSIC-24', vat: '2' },
  { code: 'GC-TRIPEL-75', vat: '2' },
  { code: 'GC-CUVEE-BLAUW-75', vat: '2' },
  { code: 'GC-GESCHENK', vat: '2' },
  { code: 'KAAS-GC-500', vat: '1' },
  { code: 'BEZOEK-PROEVERIJ', vat: '2' },
  { code: 'VERZENDKOSTEN', vat: '2' },
  { code: 'KORTING', vat: '2' },
  { code: 'KORTING-LAAG', vat: '1' },
  { code: 'AFRONDING', vat: '0' },
];

/** Settings a Dutch bicycle shop would choose (sales orders; low-rate discounts on their own article). */
export const NL_SETTINGS: OrderFlowSettingsInput = {
  serviceLines: { discount: { articlesByVatCode: { '1': 'KORTING-LAAG' } } },
};

/** A Belgian brewery: prices without VAT, sales invoices, Belgian rates on its administration's codes. */
export const BE_SETTINGS: OrderFlowSettingsInput = {
  documentType: 'sales-invoice',
  vatTable: { home: 'BE', rates: { '21': '2', '6': '1', '0': '0' }, euReverseCharge: '3', export: '4' },
};

export interface World {
  bc: BigCommerceSimulator;
  av: AccountViewSimulator;
  database: TestDatabase;
  bigcommerce(store: string): BigCommerceClient;
  accountview(company: string): AccountViewClient;
  context(store: string, options?: ContextOptions): TestContext;
  /** The rows of an AccountView table as the simulator stores them. */
  rows(company: string, table: string): Row[];
  /** Documents carrying `reference` in COMMENT1, with their lines. */
  documents(company: string, reference: string): { header: Row; lines: Row[] }[];
  close(): Promise<void>;
}

export interface ContextOptions {
  settings?: OrderFlowSettingsInput;
  company?: string;
  mapping?: Partial<Record<string, string>>;
  step?: MemoryStep;
  log?: MemoryLog;
}

export type TestContext = OrdersContext & { step: MemoryStep; log: MemoryLog };

let runs = 0;

export async function startWorld(): Promise<World> {
  const [bc, av, database] = await Promise.all([
    startTestSimulator({ rateLimitQuota: 100_000 }),
    startSimulator({ offsetMs: 0 }),
    // Real Postgres when DATABASE_URL is set (CI: cross-process locks, jsonb, LIKE), PGlite otherwise.
    openTestDatabase(testDatabaseKinds().includes('postgres') ? 'postgres' : 'pglite'),
  ]);
  const bcClients = new Map<string, BigCommerceClient>();
  for (const store of [NL_STORE, BE_STORE]) {
    const token = await installApp(bc, store);
    bcClients.set(store, createBigCommerceClient({ apiUrl: bc.apiUrl, storeHash: store, accessToken: token, retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 20 } }));
    await saveInstall(database.db, store, {
      accessTokenEncrypted: 'x',
      scope: 'store_v2_orders_read_only',
      accountUuid: undefined,
      owner: { id: 1, email: 'owner@example.com' },
      installer: { id: 1, email: 'owner@example.com' },
    });
  }
  const avClients = new Map<string, AccountViewClient>();
  for (const company of [FVR, HANK]) avClients.set(company, (await connectedClient(av, { companyId: company })).client);

  const client = <T>(map: Map<string, T>, key: string): T => {
    const found = map.get(key);
    if (!found) throw new Error(`No client for ${key}`);
    return found;
  };

  const ensureArticles = async (company: string, articles: { code: string; vat: string; ean?: string }[]) => {
    const existing = new Set((av.state.companies.find((c) => c.id === company)?.tables.ARTICLE ?? []).map((r) => String(r.ART_CODE).trim()));
    for (const a of articles) {
      if (existing.has(a.code)) continue;
      await client(avClients, company).insert('AK1', { fields: { ART_CODE: a.code, ART_DESC1: `Webshop ${a.code}`, VAT_CODE: a.vat, ...(a.ean ? { EAN_CODE: a.ean } : {}) } });
    }
  };
  await ensureArticles(FVR, FVR_ARTICLES);
  await ensureArticles(HANK, HANK_ARTICLES);

  const rows = (company: string, table: string): Row[] => av.state.companies.find((c) => c.id === company)?.tables[table] ?? [];

  return {
    bc,
    av,
    database,
    bigcommerce: (store) => client(bcClients, store),
    accountview: (company) => client(avClients, company),
    context(store, options = {}) {
      runs += 1;
      const company = options.company ?? (store === BE_STORE ? HANK : FVR);
      return {
        storeHash: store,
        runId: `run-${runs}`,
        trigger: 'manual',
        step: options.step ?? memoryStep(),
        log: options.log ?? memoryLog(),
        bigcommerce: client(bcClients, store),
        accountview: client(avClients, company),
        settings: orderFlowSettings.parse(options.settings ?? (store === BE_STORE ? BE_SETTINGS : NL_SETTINGS)),
        idMap: createIdMap(database.db, store, database.lock),
        ...(options.mapping ? { mapping: options.mapping } : {}),
        now: () => new Date(),
      };
    },
    rows,
    documents(company, reference) {
      const headers = rows(company, 'SO_HDR').filter((r) => String(r.COMMENT1).trim() === reference);
      if (headers.length > 0) {
        return headers.map((header) => ({ header, lines: rows(company, 'SO_LINE').filter((l) => String(l.ORD_NR).trim() === String(header.ORD_NR).trim()) }));
      }
      return rows(company, 'DJ_PAGE')
        .filter((r) => String(r.COMMENT1).trim() === reference)
        .map((header) => ({
          header,
          lines: rows(company, 'DJ_LINE').filter((l) => String(l.DJ_CODE).trim() === String(header.DJ_CODE).trim() && Number(l.PAGE_NR) === Number(header.PAGE_NR)),
        }));
    },
    async close() {
      await Promise.all([bc.stop(), av.stop(), database.dispose()]);
    },
  };
}

/** Cents of a number, half away from zero. */
export const cents = (n: number) => Math.sign(n) * Math.round(Math.abs(n) * 100 + 1e-6);

/** What a sales order totals in AccountView: Σ quantity × price (+ VAT per line from the article when prices exclude VAT). */
export function salesOrderTotal(world: World, company: string, lines: Row[], pricesIncludeVat: boolean): number {
  const rates: Record<string, number> = {};
  for (const v of world.rows(company, 'VAT')) rates[String(v.VAT_CODE).trim()] = Number(v.VAT_PCT);
  const articles = new Map(world.rows(company, 'ARTICLE').map((a) => [String(a.ART_CODE).trim(), String(a.VAT_CODE).trim()]));
  return lines.reduce((sum, l) => {
    const net = cents(Number(l.ORD_QTY) * Number(l.ART_PX));
    const vat = pricesIncludeVat ? 0 : cents(((net / 100) * (rates[articles.get(String(l.ART_CODE).trim()) ?? ''] ?? 0)) / 100);
    return sum + net + vat;
  }, 0);
}

/** What a journal page totals: Σ AMOUNT (+ VAT_AMT unless the amounts include VAT). */
export function invoiceTotal(header: Row, lines: Row[]): number {
  const gross = header.GROSS_FLG === true;
  return lines.reduce((sum, l) => sum + cents(Number(l.AMOUNT)) + (gross ? 0 : cents(Number(l.VAT_AMT))), 0);
}

/** An order as the flow's poll would read it: with consignments and fees. */
export async function readOrder(world: World, store: string, id: number): Promise<Order> {
  return world.bigcommerce(store).getOrder(id);
}
