import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { accountViewFor } from '@/lib/accountview-connection';
import { createBigCommerceClient } from '@/lib/bigcommerce';
import { saveOrderSettings, setOrderFlowState } from '@/lib/db/queries/order-settings';
import { findWebhookSecret } from '@/lib/db/queries/webhook-secrets';
import { createRunner, type Runner } from '@/lib/engine';
import { env } from '@/lib/env';
import { orderHandlers } from '@/lib/flows/orders/handlers';
import { decryptSecret } from '@/lib/security/secrets';
import { ensureOrderWebhooks, receiveOrderWebhook } from '@/lib/webhooks';
import { startAccountViewSimulator, type AccountViewSimulator } from '../simulators/accountview';
import { startTestSimulator, type BigCommerceSimulator } from '../simulators/bigcommerce';
import { FVR_ARTICLES, NL_SETTINGS } from '../lib/flows/orders/harness';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from './databases';
import { avClientFor, installConnectedStore, pointAppAt } from './connected-store';
import { useDatabase } from '@/lib/db/client';

export const PIPELINE_STORE = 'abc123def';
const AV_CLIENT = { clientId: 'pipeline-av-client', clientSecret: 'pipeline-av-secret' };

/**
 * The path an order takes in production, minus Next's router: BigCommerce webhooks into the receiver,
 * the runner running the real order handlers over the real clients, both simulators, a real database.
 * The store is installed, connected to AccountView company FVR (with the simulator's SKUs as
 * articles), its orders flow switched on and its webhooks registered.
 */
export interface OrderPipeline {
  database: TestDatabase;
  bc: BigCommerceSimulator;
  av: AccountViewSimulator;
  runner: Runner;
  origin: string;
  webhookUrl: string;
  webhookSecret(): Promise<string>;
  close(): Promise<void>;
}

export interface PipelineOptions {
  rateLimitQuota?: number;
  backoffMs?: number;
}

export async function startOrderPipeline(options: PipelineOptions = {}): Promise<OrderPipeline> {
  // The receiver starts first (its URL is the app's origin); it finds these once they exist.
  const live: { runner?: Runner; database?: TestDatabase } = {};
  const receiver: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const headers = new Headers(Object.entries(req.headers).map(([k, v]): [string, string] => [k, String(v)]));
      try {
        const { database, runner } = live;
        if (!database || !runner) throw new Error('pipeline not ready');
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
  const origin = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  const webhookUrl = `${origin}/api/webhooks/bigcommerce`;

  const [db, bc] = await Promise.all([
    openTestDatabase(testDatabaseKinds().includes('postgres') ? 'postgres' : 'pglite'),
    startTestSimulator({ webhookRetryScale: 0.001, ...(options.rateLimitQuota ? { rateLimitQuota: options.rateLimitQuota } : {}) }),
  ]);
  live.database = db;
  const av = await startAccountViewSimulator({ clients: [avClientFor(AV_CLIENT, origin)] });
  pointAppAt(origin, bc, av, AV_CLIENT, db);

  const store = PIPELINE_STORE;
  const token = await installConnectedStore({ bc, av, database: db, origin, client: AV_CLIENT, store, company: 'FVR', scope: 'store_v2_orders_read_only', ownerEmail: 'eigenaar@fietsenwinkel.nl' });
  const accountview = await accountViewFor(store);
  for (const a of FVR_ARTICLES) {
    await accountview.insert('AK1', { fields: { ART_CODE: a.code, ART_DESC1: a.code, VAT_CODE: a.vat, ...(a.ean ? { EAN_CODE: a.ean } : {}) } });
  }
  const saved = await saveOrderSettings(db.db, store, NL_SETTINGS);
  if (!saved.ok) throw new Error(`settings refused: ${JSON.stringify(saved.problems)}`);
  await setOrderFlowState(db.db, store, { enabled: true });
  await ensureOrderWebhooks({
    db: db.db,
    bigcommerce: createBigCommerceClient({ apiUrl: bc.apiUrl, storeHash: store, accessToken: token }),
    storeHash: store,
    destination: webhookUrl,
    encryptionKey: env().ENCRYPTION_KEY,
  });

  const runner = createRunner({ database: db, handlers: orderHandlers, listStores: async () => [store], backoffMs: () => options.backoffMs ?? 50, pollMs: 50 });
  runner.start();
  live.runner = runner;

  return {
    database: db,
    bc,
    av,
    runner,
    origin,
    webhookUrl,
    webhookSecret: async () => decryptSecret((await findWebhookSecret(db.db, store)) ?? '', env().ENCRYPTION_KEY, store),
    async close() {
      await runner.stop();
      useDatabase(undefined);
      await new Promise((resolve) => receiver.close(resolve));
      await Promise.all([db.dispose(), bc.stop(), av.stop()]);
    },
  };
}
