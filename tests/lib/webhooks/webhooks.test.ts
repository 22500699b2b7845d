import { createServer, type Server } from 'node:http';
import { sql } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBigCommerceClient, type BigCommerceClient } from '@/lib/bigcommerce';
import { deleteStore, saveInstall } from '@/lib/db/queries/stores';
import { findWebhookSecret } from '@/lib/db/queries/webhook-secrets';
import { decryptSecret } from '@/lib/security/secrets';
import { ensureOrderWebhooks, receiveOrderWebhook, WEBHOOK_SECRET_HEADER, type OrderChanged } from '@/lib/webhooks';
import { openTestDatabase, tableCounts, testDatabaseKinds, type TestDatabase } from '../../helpers/databases';
import { installApp, startTestSimulator, type BigCommerceSimulator } from '../../simulators/bigcommerce';

const STORE = 'abc123def';
const KEY = Buffer.alloc(32, 3).toString('base64');

describe.each(testDatabaseKinds())('order webhooks on %s', (kind) => {
  let database: TestDatabase;
  let sim: BigCommerceSimulator;
  let receiver: Server;
  let destination: string;
  let bigcommerce: BigCommerceClient;
  const enqueued: OrderChanged[] = [];
  let failEnqueue = 0;

  const deps = () => ({
    db: database.db,
    encryptionKey: KEY,
    enqueue: async (event: OrderChanged) => {
      if (failEnqueue > 0) {
        failEnqueue -= 1;
        throw new Error('queue down');
      }
      enqueued.push(event);
    },
  });

  beforeAll(async () => {
    [database, sim] = await Promise.all([openTestDatabase(kind), startTestSimulator({ webhookRetryScale: 0.0001 })]);
    // The app's webhook route, reduced to what it does: read the raw body, answer the outcome's status.
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const headers = new Headers(Object.entries(req.headers).map(([k, v]): [string, string] => [k, String(v)]));
        try {
          const result = await receiveOrderWebhook(deps(), headers, Buffer.concat(chunks).toString('utf8'));
          res.writeHead(result.status).end();
        } catch {
          res.writeHead(500).end();
        }
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    destination = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/bigcommerce`;
  });
  afterAll(async () => {
    await new Promise((resolve) => receiver?.close(resolve));
    await Promise.all([database?.dispose(), sim?.stop()]);
  });
  beforeEach(async () => {
    sim.reset();
    enqueued.length = 0;
    failEnqueue = 0;
    const token = await installApp(sim, STORE);
    bigcommerce = createBigCommerceClient({ apiUrl: sim.apiUrl, storeHash: STORE, accessToken: token });
    // The simulator restarts order ids on reset, so last test's delivery hashes would read as repeats.
    await database.db.execute(sql`truncate used_tokens`);
    await deleteStore(database.db, STORE);
    await saveInstall(database.db, STORE, {
      accessTokenEncrypted: 'v1:x',
      scope: 's',
      accountUuid: undefined,
      owner: { id: 1001, email: 'o@example.nl' },
      installer: { id: 1001, email: 'o@example.nl' },
    });
  });

  const ensure = () => ensureOrderWebhooks({ db: database.db, bigcommerce, storeHash: STORE, destination, encryptionKey: KEY });

  it('registers the three order hooks once, and turns a deactivated one back on', async () => {
    expect((await ensure()).created).toHaveLength(3);
    expect(await ensure()).toMatchObject({ created: [], reactivated: [], unchanged: expect.arrayContaining(['store/order/created']) });
    const hooks = [];
    for await (const hook of bigcommerce.listHooks()) hooks.push(hook);
    expect(hooks.map((h) => h.scope).sort()).toEqual(['store/order/created', 'store/order/refund/created', 'store/order/statusUpdated']);
    const created = hooks.find((h) => h.scope === 'store/order/created');
    await bigcommerce.updateHook(created!.id!, { is_active: false });
    expect((await ensure()).reactivated).toEqual(['store/order/created']);
  });

  it('turns real deliveries into one event each, even when BigCommerce repeats them', async () => {
    await ensure();
    const order = sim.orders.create(STORE, {});
    sim.orders.update(STORE, order.id, { status_id: 11 });
    sim.orders.refund(STORE, order.id);
    await sim.webhooks.settle();
    // Deliveries run concurrently, so their order is not fixed.
    expect(enqueued.map((e) => `${e.orderId}:${e.reason}`).sort()).toEqual(
      [`${order.id}:created`, `${order.id}:refund-created`, `${order.id}:status-updated`],
    );
    // Replay every delivery as BigCommerce would on a retry: nothing new is enqueued.
    const secret = decryptSecret((await findWebhookSecret(database.db, STORE))!, KEY, STORE);
    for (const delivery of sim.state.webhookDeliveries) {
      const res = await fetch(destination, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [WEBHOOK_SECRET_HEADER]: secret },
        body: JSON.stringify(delivery.payload),
      });
      expect(res.status).toBe(202);
    }
    expect(enqueued).toHaveLength(3);
  });

  describe('refuses without enqueueing anything', () => {
    const body = (over: object = {}) =>
      JSON.stringify({ scope: 'store/order/created', store_id: '1', data: { type: 'order', id: 100 }, hash: `h-${Math.random()}`, created_at: 1, producer: `stores/${STORE}`, ...over });

    it.each<{ name: string; headers: Record<string, string>; raw: () => string; status: number }>([
      { name: 'a wrong secret', headers: { [WEBHOOK_SECRET_HEADER]: 'guess' }, raw: () => body(), status: 401 },
      { name: 'no secret at all', headers: {}, raw: () => body(), status: 401 },
      { name: 'a store that is not ours', headers: { [WEBHOOK_SECRET_HEADER]: 'x' }, raw: () => body({ producer: 'stores/zzz999' }), status: 404 },
      { name: 'a body that is not JSON', headers: {}, raw: () => '{"scope":', status: 400 },
      { name: 'a scope we did not ask for', headers: {}, raw: () => body({ scope: 'store/product/created' }), status: 400 },
      { name: 'an order id that is not a number', headers: {}, raw: () => body({ data: { type: 'order', id: '1; drop table' } }), status: 400 },
      { name: 'an oversized body', headers: {}, raw: () => body({ padding: 'x'.repeat(70_000) }), status: 413 },
    ])('$name → $status', async ({ headers, raw, status }) => {
      await ensure();
      const before = await tableCounts(database);
      const result = await receiveOrderWebhook(deps(), new Headers(headers), raw());
      expect(result.status).toBe(status);
      expect(enqueued).toHaveLength(0);
      expect(await tableCounts(database)).toEqual(before);
    });

    it('takes BigCommerce retry of a delivery it could not enqueue', async () => {
      await ensure();
      const delivery = sim.orders.create(STORE, {});
      failEnqueue = 1;
      await sim.webhooks.settle();
      // First attempt failed (500), BigCommerce's scaled-down retry delivered it again.
      expect(sim.state.webhookDeliveries.map((d) => d.attempts.map((a) => a.status))).toEqual([[500, 202]]);
      expect(enqueued.map((e) => e.orderId)).toEqual([delivery.id]);
    });
  });
});
