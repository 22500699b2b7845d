import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunner, defineHandler } from '@/lib/engine';
import { captureLogs } from '../../helpers/log-capture';
import { openTestDatabase, type TestDatabase } from '../../helpers/databases';
import { addStores } from '../engine/helpers';

/**
 * What an operator greps for: every line a run writes to the server log (the flow's own messages,
 * retries, failures) is JSON from the app's pino logger and names the store and the run.
 */
class FlakyError extends Error {
  override name = 'FlakyError';
}
class RefusedError extends Error {
  override name = 'RefusedError';
  readonly retryable = false;
}

describe('server log lines of a run', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await addStores(database, 'logsa', 'logsb');
  });
  afterAll(async () => database.dispose());

  it('carry the store hash and run id, for messages, retries and failures alike', async () => {
    const capture = captureLogs();
    let attempts = 0;
    const flaky = defineHandler({
      id: 'stock-sync',
      flow: 'stock',
      event: 'accountview/stock.sync-requested',
      async handle(ctx) {
        ctx.log.info('reading stock levels', { articles: 3 });
        await ctx.step.run('read', async () => {
          attempts += 1;
          if (attempts === 1) throw new FlakyError('AccountView did not answer');
        });
        ctx.log.warn('one article has no SKU', { article: 'FIETS-01' });
      },
    });
    const refused = defineHandler({
      id: 'customers-sync',
      flow: 'customers',
      event: 'accountview/customers.sync-requested',
      async handle(ctx) {
        ctx.log.info('reading debtors');
        throw new RefusedError('AccountView refused the request');
      },
    });
    const runner = createRunner({ database, handlers: [flaky, refused], listStores: async () => [], logger: capture.logger, pollMs: 10, backoffMs: () => 5 });
    runner.start();
    await runner.send({ name: 'accountview/stock.sync-requested', data: { storeHash: 'logsa' } });
    await runner.send({ name: 'accountview/customers.sync-requested', data: { storeHash: 'logsb' } });
    await runner.drain();
    await runner.stop();

    const lines = capture.lines();
    const messages = lines.map((l) => l.msg);
    expect(messages).toEqual(
      expect.arrayContaining(['reading stock levels', 'run failed; it will be retried', 'one article has no SKU', 'reading debtors', 'run failed']),
    );
    for (const line of lines) {
      expect(line, String(line.msg)).toMatchObject({ app: 'accountview-bigcommerce', storeHash: expect.stringMatching(/^logs[ab]$/), runId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      expect(typeof line.level).toBe('number');
    }
    // The failure carries the error itself, serialised by pino, not just a message.
    const failed = lines.find((l) => l.msg === 'run failed');
    expect(failed).toMatchObject({ storeHash: 'logsb', err: { type: 'RefusedError', message: 'AccountView refused the request' } });
  });
});
