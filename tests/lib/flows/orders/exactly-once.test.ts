import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { accountViewFor, chooseCompany, completeConnect, consentUrl } from '@/lib/accountview-connection';
import { useDatabase } from '@/lib/db/client';
import { saveOrderSettings, setOrderFlowState } from '@/lib/db/queries/order-settings';
import { saveInstall } from '@/lib/db/queries/stores';
import { createRunner, type Runner } from '@/lib/engine';
import { env, resetEnvCache } from '@/lib/env';
import { orderHandlers } from '@/lib/flows/orders/handlers';
import { encryptSecret } from '@/lib/security/secrets';
import { ensureOrderWebhooks, receiveOrderWebhook, WEBHOOK_SECRET_HEADER } from '@/lib/webhooks';
import { createBigCommerceClient } from '@/lib/bigcommerce';
import { findWebhookSecret } from '@/lib/db/queries/webhook-secrets';
import { decryptSecret } from '@/lib/security/secrets';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../../helpers/databases';
import { startAccountViewSimulator, type AccountViewSimulator } from '../../../simulators/accountview';
import { installApp, startTestSimulator, type BigCommerceSimulator } from '../../../simulators/bigcommerce';
import { FVR_ARTICLES, NL_SETTINGS } from './harness';

const STORE = 'abc123def';
const ORDERS = 20;

/**
 * The whole path an order takes in production, minus Next's router: BigCommerce delivers webhooks
 * (each three times, some at once), the receiver enqueues, the runner runs the real handlers over the
 * real clients, a catch-up poll covers the same window, and AccountView fails 10 % of calls.
 */
describe('orders reach AccountView exactly once', () => {
  let database: TestDatabase;
  let bc: BigCommerceSimulator;
  let av: AccountViewSimulator;
  let receiver: Server;
  let runner: Runner;
  let origin: string;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const headers = new Headers(Object.entries(req.headers).map(([k, v]): [string, string] => [k, String(v)]));
        try {
          const result = await receiveOrderWebhook(
            { db: database.db, encryptionKey: env().ENCRYPTION_KEY, enqueue: (data) => runner.send({ name: 'bigcommerce/order.changed', data }) },
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
    origin = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

    [database, bc] = await Promise.all([
      openTestDatabase(testDatabaseKinds().includes('postgres') ? 'postgres' : 'pglite'),
      startTestSimulator({ webhookRetryScale: 0.0001, rateLimitQuota: 100_000 }),
    ]);
    av = await startAccountViewSimulator({
      clients: [{ clientId: 'test-av-client-id', clientSecret: 'test-av-client-secret', redirectUris: [`${origin}/api/accountview/callback`] }],
    });
    vi.stubEnv('APP_URL', origin);
    vi.stubEnv('BIGCOMMERCE_API_URL', bc.apiUrl);
    vi.stubEnv('ACCOUNTVIEW_URL', av.url);
    resetEnvCache();
    useDatabase(database);

    const token = await installApp(bc, STORE);
    await saveInstall(database.db, STORE, {
      accessTokenEncrypted: encryptSecret(token, env().ENCRYPTION_KEY, STORE),
      scope: 'store_v2_orders_read_only',
      accountUuid: undefined,
      owner: { id: 1001, email: 'eigenaar@fietsenwinkel.nl' },
      installer: { id: 1001, email: 'eigenaar@fietsenwinkel.nl' },
    });
    const state = new URL(consentUrl({ storeHash: STORE, userId: 1001 })).searchParams.get('state') ?? '';
    const code = av.issueCode({ clientId: 'test-av-client-id', redirectUri: `${origin}/api/accountview/callback`, scope: 'readaccountviewdata updateaccountviewdata' });
    await completeConnect(new URLSearchParams({ code, state }));
    await chooseCompany(STORE, 'FVR');
    const accountview = await accountViewFor(STORE);
    for (const a of FVR_ARTICLES) await accountview.insert('AK1', { fields: { ART_CODE: a.code, ART_DESC1: a.code, VAT_CODE: a.vat, ...(a.ean ? { EAN_CODE: a.ean } : {}) } });
    expect((await saveOrderSettings(database.db, STORE, NL_SETTINGS)).ok).toBe(true);
    await setOrderFlowState(database.db, STORE, { enabled: true });
    await ensureOrderWebhooks({
      db: database.db,
      bigcommerce: createBigCommerceClient({ apiUrl: bc.apiUrl, storeHash: STORE, accessToken: token }),
      storeHash: STORE,
      destination: `${origin}/api/webhooks/bigcommerce`,
      encryptionKey: env().ENCRYPTION_KEY,
    });

    runner = createRunner({ database, handlers: orderHandlers, listStores: async () => [STORE], backoffMs: () => 50, pollMs: 50 });
    runner.start();
  }, 120_000);

  afterAll(async () => {
    await runner?.stop();
    useDatabase(undefined);
    vi.unstubAllEnvs();
    resetEnvCache();
    await new Promise((resolve) => receiver?.close(resolve));
    await Promise.all([database?.dispose(), bc?.stop(), av?.stop()]);
  });

  it('with every webhook delivered three times, a poll over the same window and AccountView failing 10 % of calls', async () => {
    const products = bc.state.stores[STORE]?.data.products ?? [];
    const simple = products.filter((p) => p.variants.length <= 1 && FVR_ARTICLES.some((a) => a.code === p.sku));
    expect(simple.length).toBeGreaterThan(2);

    av.faults.add({ kind: 'status', status: 503, probability: 0.1 });
    const ids: number[] = [];
    for (let i = 0; i < ORDERS; i += 1) {
      const product = simple[i % simple.length]!;
      ids.push(bc.orders.create(STORE, { status_id: 11, products: [{ product_id: product.id, quantity: 1 + (i % 3) }] }).id);
    }
    await bc.webhooks.settle();

    // BigCommerce says duplicates happen: every delivery again, twice, concurrently.
    const secret = decryptSecret((await findWebhookSecret(database.db, STORE))!, env().ENCRYPTION_KEY, STORE);
    const again = bc.state.webhookDeliveries.flatMap((d) =>
      [1, 2].map(() =>
        fetch(`${origin}/api/webhooks/bigcommerce`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [WEBHOOK_SECRET_HEADER]: secret },
          body: JSON.stringify(d.payload),
        }),
      ),
    );
    await Promise.all([...again, runner.send({ name: 'orders/poll.requested', data: { storeHash: STORE } })]);
    await runner.drain();
    av.faults.clear();
    // Whatever the 10 % made fail for good is taken by the next poll, as in production.
    await runner.send({ name: 'orders/poll.requested', data: { storeHash: STORE } });
    await runner.drain();

    const headers = av.state.companies.find((c) => c.code === 'FVR')?.tables.SO_HDR ?? [];
    for (const id of ids) {
      const documents = headers.filter((h) => String(h.COMMENT1).trim() === `BC-${id}`);
      expect(documents, `order ${id}`).toHaveLength(1);
    }
    expect(av.requests.filter((r) => r.status === 503).length).toBeGreaterThan(0);
  }, 180_000);
});
