import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { POST } from '@/app/api/webhooks/bigcommerce/route';
import { useDatabase } from '@/lib/db/client';
import { saveInstall } from '@/lib/db/queries/stores';
import { ensureWebhookSecret } from '@/lib/db/queries/webhook-secrets';
import { engineJobs } from '@/lib/db/schema';
import { createRunner, type Runner } from '@/lib/engine';
import { handlers } from '@/lib/engine/handlers';
import { env, resetEnvCache } from '@/lib/env';
import { encryptSecret } from '@/lib/security/secrets';
import { WEBHOOK_SECRET_HEADER } from '@/lib/webhooks/register';
import { openTestDatabase, testDatabaseKinds } from '../helpers/databases';
import { percentile, type Benchmark } from './report';

const DELIVERIES = Number(process.env.BENCH_WEBHOOKS ?? 2_000);
const DURATION_MS = 10_000;
const STORE = 'burst1store';
const FIRST_ORDER = 100_001;

const senderOutput = z.object({
  sentInMs: z.number(),
  deliveries: z.array(z.object({ orderId: z.number(), status: z.number(), ms: z.number(), error: z.string().optional() })),
});

/** The app's route handler behind a plain node http server, as `next start` puts it behind its own. */
async function serveRoute(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = new Headers(Object.entries(req.headers).map(([k, v]): [string, string] => [k, String(v)]));
      const request = new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, { method: req.method ?? 'POST', headers, body: Buffer.concat(chunks) });
      POST(request).then(
        (response) => res.writeHead(response.status).end(),
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/webhooks/bigcommerce`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function runSender(environment: Record<string, string>): Promise<z.output<typeof senderOutput>> {
  const script = fileURLToPath(new URL('./webhook-sender.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, ...environment }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`webhook sender exited with ${code}`));
      try {
        resolve(senderOutput.parse(JSON.parse(out)));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

/**
 * 2,000 order webhooks in 10 s from another process against the app's webhook route over real HTTP.
 * The app's runner is put in place but not started, so every event the endpoint enqueued is still in
 * the engine's queue (engine_jobs) afterwards and can be counted; answer times are the sender's.
 */
export const webhooksBurst: Benchmark = {
  name: 'webhooks.burst',
  async run(sampleRss) {
    const database = await openTestDatabase(testDatabaseKinds().includes('postgres') ? 'postgres' : 'pglite');
    const engine = globalThis as typeof globalThis & { __avbcEngine?: { runner?: Promise<Runner> } };
    const previous = engine.__avbcEngine?.runner;
    const served = await serveRoute();
    try {
      resetEnvCache();
      useDatabase(database);
      (engine.__avbcEngine ??= {}).runner = Promise.resolve(createRunner({ database, handlers, listStores: async () => [STORE] }));
      await saveInstall(database.db, STORE, {
        accessTokenEncrypted: encryptSecret('burst-token', env().ENCRYPTION_KEY, STORE),
        scope: 'store_v2_orders_read_only',
        accountUuid: undefined,
        owner: { id: 1001, email: 'eigenaar@winkel.nl' },
        installer: { id: 1001, email: 'eigenaar@winkel.nl' },
      });
      const secret = 'burst-webhook-secret-0123456789';
      await ensureWebhookSecret(database.db, STORE, encryptSecret(secret, env().ENCRYPTION_KEY, STORE));

      const result = await runSender({
        BURST_URL: served.url,
        BURST_COUNT: String(DELIVERIES),
        BURST_DURATION_MS: String(DURATION_MS),
        BURST_STORE: STORE,
        BURST_SECRET_HEADER: WEBHOOK_SECRET_HEADER,
        BURST_SECRET: secret,
        BURST_FIRST_ORDER: String(FIRST_ORDER),
      });
      sampleRss();

      const jobs = await database.db.select({ events: engineJobs.events }).from(engineJobs).where(eq(engineJobs.storeHash, STORE));
      const queued = new Set<number>();
      for (const job of jobs) for (const event of z.array(z.looseObject({ orderId: z.number() })).parse(job.events)) queued.add(event.orderId);
      const enqueued = result.deliveries.filter((d) => queued.has(d.orderId)).length;
      const answered = result.deliveries.filter((d) => d.status === 202).length;
      if (answered !== enqueued) process.stdout.write(`  ${answered} answered 202 but ${enqueued} are in the queue\n`);
      const times = result.deliveries.map((d) => d.ms).sort((a, b) => a - b);
      process.stdout.write(`  sent in ${Math.round(result.sentInMs)} ms; statuses: ${JSON.stringify(countBy(result.deliveries.map((d) => (d.error ? `${d.status} ${d.error}` : String(d.status)))))}\n`);
      return {
        deliveries: result.deliveries.length,
        enqueued,
        lost: result.deliveries.length - enqueued,
        p50_ms: Math.round(percentile(times, 0.5) * 10) / 10,
        p99_ms: Math.round(percentile(times, 0.99) * 10) / 10,
      };
    } finally {
      await served.close();
      if (engine.__avbcEngine) engine.__avbcEngine.runner = previous;
      useDatabase(undefined);
      await database.dispose();
    }
  },
};

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
