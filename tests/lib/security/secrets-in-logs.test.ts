import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findStore } from '@/lib/db/queries/stores';
import { createRunner } from '@/lib/engine';
import { env } from '@/lib/env';
import { orderHandlers } from '@/lib/flows/orders/handlers';
import { decryptSecret } from '@/lib/security/secrets';
import { WEBHOOK_SECRET_HEADER } from '@/lib/webhooks';
import { captureLogs } from '../../helpers/log-capture';
import { PIPELINE_STORE as STORE, startOrderPipeline, type OrderPipeline } from '../../helpers/order-pipeline';
import { FVR_ARTICLES } from '../flows/orders/harness';
import { rowsOf } from '../engine/helpers';

/**
 * A pipeline made to fail every way it can (BigCommerce 5xx and 401, AccountView errors, revoked
 * consent, forged webhooks), its server log captured from the real pino logger: no secret appears in
 * the log, in an error message, or anywhere in the activity log.
 */
describe('secrets stay out of logs, errors and the activity log', () => {
  let pipeline: OrderPipeline;
  beforeAll(async () => {
    pipeline = await startOrderPipeline();
  }, 120_000);
  afterAll(async () => pipeline?.close());

  async function secrets(): Promise<Record<string, string>> {
    const store = await findStore(pipeline.database.db, STORE);
    const av = pipeline.av.state;
    const found: Record<string, string> = {
      'BigCommerce access token': decryptSecret(store!.accessTokenEncrypted, env().ENCRYPTION_KEY, STORE),
      'BigCommerce client secret': env().BIGCOMMERCE_CLIENT_SECRET,
      'AccountView client secret': env().ACCOUNTVIEW_CLIENT_SECRET ?? '',
      'webhook secret': await pipeline.webhookSecret(),
      'session (JWT) secret': env().NEXTAUTH_SECRET,
      'encryption key': env().ENCRYPTION_KEY,
    };
    // Every AccountView token the simulator ever issued to the app, rotated ones included.
    av.accessTokens.forEach((t, i) => (found[`AccountView access token ${i}`] = t.token));
    av.refreshTokens.forEach((t, i) => (found[`AccountView refresh token ${i}`] = t.token));
    return found;
  }

  async function everythingStored(): Promise<string> {
    const parts: string[] = [];
    for (const query of [
      sql`select error, summary from sync_runs`,
      sql`select message, hint, source::text, sent::text, answer::text, target_ref, search_text from sync_records`,
      sql`select last_error, events::text from engine_jobs`,
      sql`select message, data::text from id_map`,
    ]) {
      parts.push(JSON.stringify(rowsOf(await pipeline.database.db.execute(query))));
    }
    return parts.join('\n');
  }

  it('after a pipeline failing in every way', async () => {
    const capture = captureLogs();
    await pipeline.runner.stop();
    const runner = createRunner({ database: pipeline.database, handlers: orderHandlers, listStores: async () => [STORE], logger: capture.logger, pollMs: 10, backoffMs: () => 5 });
    runner.start();
    try {
      const product = (pipeline.bc.state.stores[STORE]?.data.products ?? []).find((p) => p.variants.length <= 1 && FVR_ARTICLES.some((a) => a.code === p.sku))!;
      const order = () => pipeline.bc.orders.create(STORE, { status_id: 11, products: [{ product_id: product.id, quantity: 1 }] }).id;
      const poll = async () => {
        await runner.send({ name: 'orders/poll.requested', data: { storeHash: STORE } });
        await runner.drain();
      };

      // BigCommerce failing, then refusing the token.
      pipeline.bc.faults.add({ kind: 'status', status: 500, times: 12, match: { pathPrefix: '/v2/orders' } });
      order();
      await pipeline.bc.webhooks.settle();
      await poll();
      pipeline.bc.faults.clear();
      pipeline.bc.faults.add({ kind: 'status', status: 401, times: 20 });
      await poll();
      pipeline.bc.faults.clear();
      // AccountView answering errors, then refusing the app altogether.
      pipeline.av.faults.add({ kind: 'error-in-200' });
      order();
      await pipeline.bc.webhooks.settle();
      await poll();
      pipeline.av.faults.clear();
      pipeline.av.faults.add({ kind: 'status', status: 401 });
      await poll();
      pipeline.av.faults.clear();
      pipeline.av.revokeConsent();
      pipeline.av.expireAccessTokens();
      await poll();
      // Forged webhooks (the receiver's answers are checked elsewhere; here only what they leave behind).
      for (const secret of ['wrong', (await pipeline.webhookSecret()).slice(0, -1)]) {
        await fetch(pipeline.webhookUrl, { method: 'POST', headers: { 'Content-Type': 'application/json', [WEBHOOK_SECRET_HEADER]: secret }, body: '{"scope":"store/order/created"}' });
      }
    } finally {
      await runner.stop();
    }

    const log = capture.text();
    const stored = await everythingStored();
    // The failures did happen, and were logged and stored.
    expect(capture.lines().some((l) => l.msg === 'run failed')).toBe(true);
    // Errors are logged whole (type, message, stack, causes), which is where a token would hide.
    expect(capture.lines().some((l) => typeof (l.err as { stack?: unknown } | undefined)?.stack === 'string')).toBe(true);
    expect(stored).toMatch(/AccountView/);
    for (const [name, value] of Object.entries(await secrets())) {
      expect(value.length, name).toBeGreaterThan(8);
      expect(log.includes(value), `${name} in the server log`).toBe(false);
      expect(stored.includes(value), `${name} in the activity log or queue`).toBe(false);
    }
  }, 180_000);
});
