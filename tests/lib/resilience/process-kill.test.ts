import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listRuns } from '@/lib/db/queries/runs';
import { createRunner, type Runner } from '@/lib/engine';
import { env } from '@/lib/env';
import { accountViewFor } from '@/lib/accountview-connection';
import { saveFlowSettings, setFlowState } from '@/lib/db/queries/flow-settings';
import { orderHandlers } from '@/lib/flows/orders/handlers';
import { productHandlers } from '@/lib/flows/products/handlers';
import { productFlowSettings } from '@/lib/flows/products/settings';
import { PIPELINE_STORE as STORE, startOrderPipeline, type OrderPipeline } from '../../helpers/order-pipeline';
import { FVR_ARTICLES } from '../flows/orders/harness';
import { memoryLogger, sleep } from '../engine/helpers';

/**
 * The app process killed (SIGKILL: no shutdown, no cleanup) while its runner is in the middle of an
 * order export or a product batch; a new process starts on the same database and catches up: every order in AccountView
 * once, the run ends as success. Needs a database two processes can share, so Postgres only.
 */
const LEASE_MS = 1500;
// node itself with tsx's loader, not the tsx CLI: the CLI runs the script in a child process of its own,
// which a SIGKILL of the CLI would leave running (the "killed" app would carry on, and leak).
const NODE_ARGS = ['--import', 'tsx'];
const CHILD = path.resolve(process.cwd(), 'tests/lib/resilience/runner-process.ts');

describe.skipIf(!process.env.DATABASE_URL)('the app process killed mid-run', () => {
  let pipeline: OrderPipeline;
  let child: ChildProcess | undefined;
  let runner: Runner | undefined;

  beforeAll(async () => {
    pipeline = await startOrderPipeline();
    // The work is done by the child process; the pipeline's own runner only receives.
    await pipeline.runner.stop();
  }, 120_000);
  afterEach(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await runner?.stop();
  });
  afterAll(async () => pipeline?.close());

  /** Starts the runner in a process of its own, with the same configuration as this one. */
  async function startChild(): Promise<ChildProcess> {
    const e = env();
    const proc = spawn(process.execPath, [...NODE_ARGS, CHILD], {
      cwd: process.cwd(),
      env: {
        ...process.env,
        DATABASE_URL: pipeline.database.url,
        APP_URL: e.APP_URL,
        BIGCOMMERCE_API_URL: e.BIGCOMMERCE_API_URL,
        BIGCOMMERCE_CLIENT_ID: e.BIGCOMMERCE_CLIENT_ID,
        BIGCOMMERCE_CLIENT_SECRET: e.BIGCOMMERCE_CLIENT_SECRET,
        ACCOUNTVIEW_URL: e.ACCOUNTVIEW_URL,
        ACCOUNTVIEW_CLIENT_ID: e.ACCOUNTVIEW_CLIENT_ID,
        ACCOUNTVIEW_CLIENT_SECRET: e.ACCOUNTVIEW_CLIENT_SECRET,
        ENCRYPTION_KEY: e.ENCRYPTION_KEY,
        NEXTAUTH_SECRET: e.NEXTAUTH_SECRET,
        RUNNER_LEASE_MS: String(LEASE_MS),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    proc.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      proc.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      proc.on('exit', (code) => reject(new Error(`runner process exited (${code}): ${errors}`)));
    });
    return proc;
  }

  const documentsFor = (id: number) =>
    (pipeline.av.state.companies.find((c) => c.code === 'FVR')?.tables.SO_HDR ?? []).filter((h) => String(h.COMMENT1).trim() === `BC-${id}`);

  it('in the middle of an order export: a restart catches up, every order once', async () => {
    const products = (pipeline.bc.state.stores[STORE]?.data.products ?? []).filter((p) => p.variants.length <= 1 && FVR_ARTICLES.some((a) => a.code === p.sku));
    // AccountView answers writes slowly, so the kill lands between documents.
    pipeline.av.faults.add({ kind: 'slow', delayMs: 250, match: { method: 'POST' } });
    const ids = Array.from({ length: 10 }, (_, i) => pipeline.bc.orders.create(STORE, { status_id: 11, products: [{ product_id: products[i % products.length]!.id, quantity: 1 }] }).id);
    await pipeline.bc.webhooks.settle();

    child = await startChild();
    const deadline = Date.now() + 60_000;
    while (ids.filter((id) => documentsFor(id).length > 0).length < 3) {
      if (Date.now() > deadline) throw new Error('the child process never got going');
      await sleep(10);
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));
    const sentBeforeKill = ids.filter((id) => documentsFor(id).length > 0).length;
    expect(sentBeforeKill).toBeLessThan(ids.length);
    pipeline.av.faults.clear();

    // The restarted app: takes over the dead process's job once its lease has run out.
    runner = createRunner({ database: pipeline.database, handlers: orderHandlers, listStores: async () => [STORE], pollMs: 20, leaseMs: LEASE_MS, logger: memoryLogger() });
    runner.start();
    await runner.drain();

    for (const id of ids) expect(documentsFor(id), `order ${id}`).toHaveLength(1);
    const [run] = await listRuns(pipeline.database.db, STORE, { flow: 'orders', limit: 1 });
    expect(run).toMatchObject({ state: 'success', handler: 'orders-export' });
    // The restarted run replays the dead one's finished steps (their "created" counts again); an order whose
    // document was written but whose step was not yet recorded is found in AccountView and counted skipped.
    const counts = /^Orders: (\d+) created, 0 updated, (\d+) skipped, 0 failed\.$/.exec(run?.summary ?? '');
    expect(counts, run?.summary ?? '').not.toBeNull();
    const [created, skipped] = [Number(counts![1]), Number(counts![2])];
    expect(created + skipped).toBe(ids.length);
    expect(created).toBeGreaterThanOrEqual(ids.length - sentBeforeKill);
  }, 180_000);

  it('in the middle of a product batch: a restart catches up, every article once in BigCommerce', async () => {
    const db = pipeline.database.db;
    const accountview = await accountViewFor(STORE);
    await accountview.insert('AG1', { fields: { AG_CODE: 'KILL', AG_DESC: 'Killtest' } });
    const codes = Array.from({ length: 30 }, (_, i) => `KILL-${String(i + 1).padStart(3, '0')}`);
    for (const code of codes) {
      await accountview.insert('AK1', { fields: { ART_CODE: code, ART_DESC1: `Artikel ${code}`, AG_CODE: 'KILL', VAT_CODE: '2', UNIT_CODE: 'ST', PX_SELL: 10, WEIGHT: 0.1 } });
    }
    const saved = await saveFlowSettings(db, STORE, 'products', productFlowSettings, { articleGroups: ['KILL'] });
    expect(saved.ok).toBe(true);
    await setFlowState(db, STORE, 'products', { enabled: true });

    const inStore = () => (pipeline.bc.state.stores[STORE]?.data.products ?? []).filter((p) => p.sku.startsWith('KILL-'));
    // BigCommerce answers catalogue writes slowly, so the kill lands inside the run.
    pipeline.bc.faults.add({ kind: 'slow', delayMs: 150, match: { method: 'POST', pathPrefix: '/v3/catalog' } });
    pipeline.bc.faults.add({ kind: 'slow', delayMs: 150, match: { method: 'PUT', pathPrefix: '/v3/catalog' } });
    // Queued by a web request (a runner that is not claiming), taken by the child.
    const sender = createRunner({ database: pipeline.database, handlers: productHandlers, listStores: async () => [], logger: memoryLogger() });
    await sender.send({ name: 'accountview/products.sync-requested', data: { storeHash: STORE } });

    child = await startChild();
    const deadline = Date.now() + 90_000;
    while (inStore().length < 5) {
      if (Date.now() > deadline) throw new Error('the child process never got going');
      await sleep(10);
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));
    expect(inStore().length).toBeLessThan(codes.length);
    pipeline.bc.faults.clear();

    runner = createRunner({ database: pipeline.database, handlers: productHandlers, listStores: async () => [STORE], pollMs: 20, leaseMs: LEASE_MS, logger: memoryLogger() });
    runner.start();
    await runner.drain();

    const skus = inStore().map((p) => p.sku).sort();
    expect(skus).toEqual(codes);
    const [run] = await listRuns(db, STORE, { flow: 'products', limit: 1 });
    expect(run).toMatchObject({ state: 'success', handler: 'products-sync', failed: 0 });
  }, 180_000);
});
