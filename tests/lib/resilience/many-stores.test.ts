import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountViewFor } from '@/lib/accountview-connection';
import { createBigCommerceClient } from '@/lib/bigcommerce';
import { saveOrderSettings, setOrderFlowState } from '@/lib/db/queries/order-settings';
import { listRuns } from '@/lib/db/queries/runs';
import { createRunner, type Runner } from '@/lib/engine';
import { env } from '@/lib/env';
import { orderHandlers } from '@/lib/flows/orders/handlers';
import { ensureOrderWebhooks, receiveOrderWebhook } from '@/lib/webhooks';
import { startAccountViewSimulator, type AccountViewSimulator } from '../../simulators/accountview';
import { RATE_WINDOW_MS, seedStores, startTestSimulator, type BigCommerceSimulator } from '../../simulators/bigcommerce';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../helpers/databases';
import { FVR_ARTICLES, NL_SETTINGS } from '../flows/orders/harness';
import { memoryLogger } from '../engine/helpers';
import { avClientFor, installConnectedStore, pointAppAt } from '../../helpers/connected-store';
import { useDatabase } from '@/lib/db/client';
import { encryptSecret } from '@/lib/security/secrets';

/**
 * Twenty stores with the app installed, syncing orders at once through one runner. One store's
 * BigCommerce quota is exhausted (a storm of 429s) and another's AccountView refuses the app: every
 * other store's orders arrive once, nothing of theirs fails, and no store goes over its own API budget
 * in any of the simulator's 30-second windows.
 */
const STORES = Array.from({ length: 20 }, (_, i) => `iso${String(i + 1).padStart(2, '0')}`);
const THROTTLED = STORES[0]!;
const REFUSED = STORES[1]!;
const QUOTA = 60;
const ORDERS_PER_STORE = 2;
const AV_CLIENT = { clientId: 'iso-av-client', clientSecret: 'iso-av-secret' };

describe('twenty stores at once stay isolated', () => {
  let database: TestDatabase;
  let bc: BigCommerceSimulator;
  let av: AccountViewSimulator;
  let receiver: Server;
  let runner: Runner;
  const live: { runner?: Runner } = {};

  beforeAll(async () => {
    // Twenty copies of the Dutch bicycle shop, each its own store.
    const template = seedStores()[0]!;
    const seeds = STORES.map((hash) => ({ ...structuredClone(template), hash, info: { ...structuredClone(template.info), id: hash } }));
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const headers = new Headers(Object.entries(req.headers).map(([k, v]): [string, string] => [k, String(v)]));
        try {
          const result = await receiveOrderWebhook(
            { db: database.db, encryptionKey: env().ENCRYPTION_KEY, enqueue: (data) => live.runner!.send({ name: 'bigcommerce/order.changed', data }) },
            headers,
            Buffer.concat(chunks).toString('utf8'),
          );
          res.writeHead(result.status).end();
        } catch {
          res.writeHead(500).end();
        }
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    [database, bc] = await Promise.all([
      openTestDatabase(testDatabaseKinds().includes('postgres') ? 'postgres' : 'pglite'),
      startTestSimulator({ stores: seeds, rateLimitQuota: QUOTA, webhookRetryScale: 0.001 }),
    ]);
    av = await startAccountViewSimulator({ clients: [avClientFor(AV_CLIENT, origin)] });
    pointAppAt(origin, bc, av, AV_CLIENT, database);

    for (const [i, store] of STORES.entries()) {
      const token = await installConnectedStore({ bc, av, database, origin, client: AV_CLIENT, store, company: 'FVR', scope: 'store_v2_orders_read_only', ownerEmail: 'eigenaar@fietsenwinkel.nl' });
      if (i === 0) {
        const accountview = await accountViewFor(store);
        for (const a of FVR_ARTICLES) {
          await accountview.insert('AK1', { fields: { ART_CODE: a.code, ART_DESC1: a.code, VAT_CODE: a.vat, ...(a.ean ? { EAN_CODE: a.ean } : {}) } });
        }
      }
      // All twenty book into one administration, each under its own reference prefix.
      const saved = await saveOrderSettings(database.db, store, { ...NL_SETTINGS, referenceFormat: `${store.toUpperCase()}-{orderId}` });
      if (!saved.ok) throw new Error(JSON.stringify(saved.problems));
      await setOrderFlowState(database.db, store, { enabled: true });
      await ensureOrderWebhooks({
        db: database.db,
        bigcommerce: createBigCommerceClient({ apiUrl: bc.apiUrl, storeHash: store, accessToken: token }),
        storeHash: store,
        destination: `${origin}/api/webhooks/bigcommerce`,
        encryptionKey: env().ENCRYPTION_KEY,
      });
    }
    runner = createRunner({ database, handlers: orderHandlers, listStores: async () => STORES, backoffMs: () => 50, pollMs: 20, logger: memoryLogger() });
    live.runner = runner;
  }, 240_000);

  afterAll(async () => {
    await runner?.stop();
    useDatabase(undefined);
    await new Promise((resolve) => receiver?.close(resolve));
    await Promise.all([database?.dispose(), bc?.stop(), av?.stop()]);
  });

  it('one store throttled and one refused by AccountView do not fail or flood the others', async () => {
    // The throttled store's quota is used up for a while: every call gets a 429 until the storm passes.
    bc.faults.add({ kind: 'rate-limit-burst', delayMs: 500, times: 25, match: { storeHash: THROTTLED } });
    // The refused store's AccountView tokens no longer work (as after the consent was withdrawn there).
    await database.db.execute(sql`update accountview_connections set access_token_encrypted = ${encryptSecret('nope', env().ENCRYPTION_KEY, REFUSED)},
      refresh_token_encrypted = ${encryptSecret('nope', env().ENCRYPTION_KEY, REFUSED)}, access_expires_at = now() - interval '1 minute' where store_hash = ${REFUSED}`);

    const mark = bc.requests.length;
    const placed = new Map<string, number[]>();
    for (const store of STORES) {
      const product = (bc.state.stores[store]?.data.products ?? []).find((p) => p.variants.length <= 1 && FVR_ARTICLES.some((a) => a.code === p.sku))!;
      placed.set(store, Array.from({ length: ORDERS_PER_STORE }, () => bc.orders.create(store, { status_id: 11, products: [{ product_id: product.id, quantity: 1 }] }).id));
    }
    runner.start();
    await bc.webhooks.settle();
    await runner.drain();

    const headers = av.state.companies.find((c) => c.code === 'FVR')?.tables.SO_HDR ?? [];
    for (const store of STORES) {
      const ids = placed.get(store)!;
      const mine = (id: number) => headers.filter((h) => String(h.COMMENT1).trim() === `${store.toUpperCase()}-${id}`);
      const runs = await listRuns(database.db, store, { flow: 'orders' });
      if (store === REFUSED) {
        for (const id of ids) expect(mine(id), `${store} order ${id}`).toHaveLength(0);
        expect(runs.some((r) => r.state === 'failed' && /connect/i.test(r.error ?? ''))).toBe(true);
        continue;
      }
      for (const id of ids) expect(mine(id), `${store} order ${id}`).toHaveLength(1);
      expect(runs.filter((r) => r.state === 'failed'), store).toEqual([]);
    }

    // Each store's budget: never more than its quota in one of BigCommerce's 30-second windows, and the
    // 429s all belong to the throttled store (the injected ones; the app itself never ran into a limit).
    const calls = bc.requests.slice(mark);
    for (const store of STORES) {
      const times = calls.filter((r) => r.path.startsWith(`/stores/${store}/`) && r.status !== 429).map((r) => Date.parse(r.at)).sort((a, b) => a - b);
      expect(times.length, `${store} made calls`).toBeGreaterThan(0);
      let busiest = 0;
      for (let i = 0, j = 0; j < times.length; j += 1) {
        while (times[j]! - times[i]! >= RATE_WINDOW_MS) i += 1;
        busiest = Math.max(busiest, j - i + 1);
      }
      expect(busiest, store).toBeLessThanOrEqual(QUOTA);
    }
    const throttled = calls.filter((r) => r.status === 429);
    expect(throttled.length).toBe(25);
    expect(throttled.every((r) => r.path.startsWith(`/stores/${THROTTLED}/`))).toBe(true);
  }, 300_000);
});
