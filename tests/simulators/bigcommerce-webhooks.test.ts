import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  installApp,
  RETRY_SCHEDULE_S,
  SPECS_AVAILABLE,
  startTestSimulator,
  TEST_CLIENT_SECRET,
  testApi,
  type BigCommerceSimulator,
  type TestApi,
  type WebhookPayload,
} from './bigcommerce';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers are inspected field by field.
type Json = any;

const NL = 'abc123def';

interface Hit {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  body: WebhookPayload;
}

/** A webhook destination: records every callback and answers what `respond` says (a status, or 'hang'). */
async function startReceiver() {
  const hits: Hit[] = [];
  const state = { respond: (_hit: Hit, _n: number): number | 'hang' => 200 };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const hit = { path: req.url ?? '/', headers: req.headers, raw, body: JSON.parse(raw) as WebhookPayload };
      hits.push(hit);
      const answer = state.respond(hit, hits.length);
      if (answer !== 'hang') res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, hits, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())), server };
}

let sim: BigCommerceSimulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let api: TestApi;

beforeAll(async () => {
  receiver = await startReceiver();
  // The whole 48-hour schedule runs in about 0.35 s; an attempt times out after 400 ms.
  sim = await startTestSimulator({ webhookRetryScale: 0.000002, webhookTimeoutMs: 400 });
});
afterAll(async () => {
  await sim.stop();
  receiver.server.closeAllConnections();
  await receiver.close();
});
beforeEach(async () => {
  sim.reset();
  receiver.hits.length = 0;
  receiver.state.respond = () => 200;
  api = testApi(sim, NL, await installApp(sim, NL));
});

function createHook(body: Record<string, unknown>) {
  return api.post<{ data: Record<string, Json>; meta: object }>('/v3/hooks', body);
}

describe('/v3/hooks', () => {
  it('creates, lists, reads, updates and deletes hooks in the documented shapes', async () => {
    const created = await createHook({ scope: 'store/order/*', destination: `${receiver.url}/hooks`, is_active: true, headers: { 'X-Secret': 's3cret' } });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      data: {
        id: expect.any(Number),
        client_id: 'test-client-id',
        store_hash: NL,
        scope: 'store/order/*',
        destination: `${receiver.url}/hooks`,
        is_active: true,
        headers: { 'X-Secret': 's3cret' },
        created_at: expect.any(Number),
        updated_at: expect.any(Number),
      },
      meta: {},
    });
    const id = created.body.data.id as number;
    await createHook({ scope: 'store/product/updated', destination: 'https://app.example.nl/webhooks', is_active: false });

    const list = await api.get<{ data: { id: number }[]; meta: { pagination: Record<string, unknown> } }>('/v3/hooks');
    expect(list.body.data).toHaveLength(2);
    expect(list.body.meta.pagination).toMatchObject({ total: 2, count: 2, per_page: 50, current_page: 1, total_pages: 1 });
    expect((await api.get<{ data: unknown[] }>('/v3/hooks', { is_active: 'true' })).body.data).toHaveLength(1);
    expect((await api.get<{ data: unknown[] }>('/v3/hooks', { scope: 'store/product/updated' })).body.data).toHaveLength(1);

    expect((await api.get<{ data: { id: number } }>(`/v3/hooks/${id}`)).body.data.id).toBe(id);
    const updated = await api.put<{ data: Record<string, unknown> }>(`/v3/hooks/${id}`, { is_active: false, events_history_enabled: true });
    expect(updated.body.data).toMatchObject({ id, is_active: false, headers: { 'X-Secret': 's3cret' } });
    expect(updated.body.data).not.toHaveProperty('events_history_enabled');

    const deleted = await api.del<{ data: { id: number } }>(`/v3/hooks/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.data.id).toBe(id);
    const gone = await api.get(`/v3/hooks/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({ status: 404, title: `Webhook with id [${id}] not found`, type: expect.any(String) });
  });

  it.skipIf(!SPECS_AVAILABLE)('refuses bad hooks with 422 field errors, duplicates with 409', async () => {
    const missing = await createHook({ destination: 'https://app.example.nl/webhooks' });
    expect(missing.status).toBe(422);
    expect(missing.body).toEqual({ status: 422, title: expect.any(String), type: expect.any(String), errors: { scope: expect.any(String) } });

    for (const destination of ['http://app.example.nl/webhooks', 'https://app.example.nl:8443/webhooks', 'not a url']) {
      const res = await createHook({ scope: 'store/order/created', destination });
      expect(res.status, destination).toBe(422);
      expect(res.body).toMatchObject({ errors: { destination: expect.any(String) } });
    }
    expect((await createHook({ scope: 'store/order/exploded', destination: 'https://app.example.nl/w' })).status).toBe(422);
    expect((await createHook({ scope: 'store/order/created', destination: 'https://app.example.nl/w', headers: { n: 1 } })).status).toBe(422);
    expect((await api.put(`/v3/hooks/${(await createHook({ scope: 'store/order/created', destination: 'https://app.example.nl/w' })).body.data.id}`, {})).status).toBe(422);

    const again = await createHook({ scope: 'store/order/created', destination: 'https://app.example.nl/w' });
    expect(again.status).toBe(409);
  });

  it('are removed when the app is uninstalled', async () => {
    await createHook({ scope: 'store/order/created', destination: 'https://app.example.nl/w' });
    await fetch(`${sim.controlPanelUrl}/manage/${NL}/apps/uninstall`, { method: 'POST' });
    expect(sim.state.stores[NL]?.data.hooks).toEqual([]);
  });
});

describe('webhook delivery', () => {
  it('POSTs the light payload with hash, producer, custom headers and a Standard Webhooks signature', async () => {
    await createHook({ scope: 'store/order/*', destination: `${receiver.url}/hooks/orders`, headers: { 'X-Secret': 's3cret' } });
    await createHook({ scope: 'store/product/created', destination: `${receiver.url}/hooks/products` });
    const order = sim.orders.create(NL, { customer_id: 1 });
    await sim.webhooks.settle();

    expect(receiver.hits).toHaveLength(1);
    const hit = receiver.hits[0] as Hit;
    expect(hit.path).toBe('/hooks/orders');
    expect(hit.body).toEqual({
      scope: 'store/order/created',
      store_id: '1001234',
      data: { type: 'order', id: order.id },
      hash: createHash('sha1').update(JSON.stringify({ type: 'order', id: order.id })).digest('hex'),
      created_at: expect.any(Number),
      producer: `stores/${NL}`,
    });
    expect(hit.headers['x-secret']).toBe('s3cret');
    expect(hit.headers['content-type']).toBe('application/json');
    const signed = `${String(hit.headers['webhook-id'])}.${String(hit.headers['webhook-timestamp'])}.${hit.raw}`;
    expect(hit.headers['webhook-signature']).toBe(`v1,${createHmac('sha256', TEST_CLIENT_SECRET).update(signed).digest('base64')}`);
    expect(sim.state.webhookDeliveries).toEqual([expect.objectContaining({ state: 'delivered', attempts: [expect.objectContaining({ status: 200 })] })]);
  });

  it('fires status changes and refunds, and product events from API writes', async () => {
    await createHook({ scope: 'store/order/statusUpdated', destination: `${receiver.url}/status` });
    await createHook({ scope: 'store/order/refund/created', destination: `${receiver.url}/refund` });
    await createHook({ scope: 'store/product/created', destination: `${receiver.url}/product` });
    sim.orders.update(NL, 100, { status_id: 2 });
    const { refund } = sim.orders.refund(NL, 100, { amount: 5 });
    await api.post('/v3/catalog/products', { name: 'Spatbord', type: 'physical', weight: 0.3, price: 14.95 });
    await sim.webhooks.settle();

    // Retries after a slow answer repeat a callback under the same webhook-id; count each once.
    const unique = [...new Map(receiver.hits.map((h) => [String(h.headers['webhook-id']), h])).values()];
    const byPath = Object.fromEntries(unique.map((h) => [h.path + h.body.scope, h.body.data]));
    expect(byPath['/refundstore/order/refund/created']).toEqual({ type: 'order', id: 100, refund: { refund_id: refund.id } });
    expect(byPath['/productstore/product/created']).toEqual({ type: 'product', id: expect.any(Number) });
    // The refund also moved the order from Shipped to Partially Refunded.
    expect(unique.filter((h) => h.path === '/status').map((h) => h.body.data.status)).toEqual([
      { previous_status_id: 11, new_status_id: 2 },
      { previous_status_id: 2, new_status_id: 14 },
    ]);
  });

  it('retries on errors and timeouts with the documented back-off, then succeeds', async () => {
    await createHook({ scope: 'store/order/created', destination: `${receiver.url}/flaky` });
    receiver.state.respond = (_hit, n) => (n === 1 ? 500 : n === 2 ? 'hang' : 200);
    sim.orders.create(NL);
    await sim.webhooks.settle();

    const [delivery] = sim.state.webhookDeliveries;
    expect(delivery?.state).toBe('delivered');
    expect(delivery?.attempts.map((a) => [a.status, a.error])).toEqual([[500, null], [null, 'timeout'], [200, null]]);
    const gaps = delivery?.attempts.slice(1).map((a, i) => Date.parse(a.at) - Date.parse(delivery.attempts[i]?.at ?? ''));
    expect(gaps?.every((g) => g >= 0)).toBe(true);
    expect(receiver.hits.map((h) => h.body.hash)).toEqual(Array(3).fill(receiver.hits[0]?.body.hash));
  });

  it('deactivates the hook after the last retry fails, and a PUT reactivates it', async () => {
    const hook = (await createHook({ scope: 'store/order/created', destination: `${receiver.url}/down` })).body.data;
    receiver.state.respond = () => 503;
    sim.orders.create(NL);
    await sim.webhooks.settle();

    const [delivery] = sim.state.webhookDeliveries;
    expect(delivery?.state).toBe('failed');
    expect(delivery?.attempts).toHaveLength(RETRY_SCHEDULE_S.length + 1);
    const listed = (await api.get<{ data: { is_active: boolean } }>(`/v3/hooks/${hook.id}`)).body.data;
    expect(listed.is_active).toBe(false);

    // An inactive hook gets nothing until reactivated.
    sim.orders.create(NL);
    await sim.webhooks.settle();
    expect(sim.state.webhookDeliveries).toHaveLength(1);
    receiver.state.respond = () => 200;
    await api.put(`/v3/hooks/${hook.id}`, { is_active: true });
    sim.orders.create(NL);
    await sim.webhooks.settle();
    expect(sim.state.webhookDeliveries.at(-1)?.state).toBe('delivered');
  });
});
