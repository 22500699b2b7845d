import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listOpenProblems } from '@/lib/db/queries/notifications';
import { listRuns } from '@/lib/db/queries/runs';
import { setFlowState } from '@/lib/db/queries/flow-settings';
import { AccountViewAuthError } from '@/lib/accountview';
import { createRunner, defineHandler, type Runner } from '@/lib/engine';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../helpers/databases';
import { memoryLogger } from '../engine/helpers';
import { APP_URL, FROM, notifierFor, prepareStore } from './harness';
import { startHookServer, startMailServer, type HookServer, type MailServer } from './servers';

const STORE = 'notifystore';

/** What the products handler of the test does on its next run. */
type Mode = { kind: 'ok' } | { kind: 'fail-records'; count: number } | { kind: 'throw'; error: Error };

describe.each(testDatabaseKinds())('notifications from the in-process runner (%s)', (kind) => {
  let database: TestDatabase;
  let mail: MailServer;
  let hook: HookServer;
  let runner: Runner;
  let mode: Mode = { kind: 'ok' };
  let logger: ReturnType<typeof memoryLogger>;

  const products = defineHandler({
    id: 'products-sync',
    flow: 'products',
    event: 'accountview/products.sync-requested',
    retries: 0,
    async handle(ctx) {
      if (mode.kind === 'throw') throw mode.error;
      const failing = mode.kind === 'fail-records' ? mode.count : 0;
      for (let i = 1; i <= 3; i += 1) {
        const failed = i <= failing;
        await ctx.log.record({
          entity: 'article',
          sourceId: `ART-${i}`,
          outcome: failed ? 'failed' : 'updated',
          ...(failed ? { message: 'VAT code 9 is not mapped to a BigCommerce tax class.', hint: 'Map VAT code 9 under Settings › Products.' } : {}),
        });
      }
    },
  });

  const run = async (next: Mode) => {
    mode = next;
    await runner.send({ name: 'accountview/products.sync-requested', data: { storeHash: STORE } });
    await runner.drain();
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    mail = await startMailServer();
    hook = await startHookServer();
    await prepareStore(database, STORE, { mail, hook });
  });
  afterEach(async () => {
    await runner.stop();
  });
  afterAll(async () => {
    await Promise.all([mail.close(), hook.close()]);
    await database.dispose();
  });

  const startRunner = (smtpUrl: string) => {
    const made = notifierFor(database, { smtpUrl });
    logger = made.logger;
    runner = createRunner({
      database,
      handlers: [products],
      listStores: async () => [STORE],
      logger: memoryLogger(),
      pollMs: 20,
      onRunEnd: (end) => made.notifier.runFinished(end),
    });
    runner.start();
  };

  it('tells the merchant once per problem, by e-mail and webhook, and once when it is solved', async () => {
    startRunner(mail.url);
    await run({ kind: 'fail-records', count: 2 });
    expect(mail.mails).toHaveLength(1);
    const [first] = mail.mails;
    expect(first?.to).toEqual(['shop@example.nl', 'boekhouding@example.nl']);
    expect(first?.from).toBe('noreply@example.test');
    expect(first?.subject).toBe(`Action needed: Products from AccountView — store ${STORE}`);
    expect(first?.text).toContain('2 products could not be synchronised in the last run.');
    expect(first?.text).toMatch(/For example ART-[12]: VAT code 9 is not mapped/);
    expect(first?.text).toContain('What to do: Map VAT code 9 under Settings › Products.');
    expect(first?.text).toContain(`${APP_URL}/activity?flow=products`);
    expect(hook.bodies).toHaveLength(1);
    expect(hook.bodies[0]).toEqual({ text: expect.stringContaining('2 products could not be synchronised') });

    // The same problem in the next runs (even with more records failing): no new message.
    await run({ kind: 'fail-records', count: 3 });
    await run({ kind: 'fail-records', count: 1 });
    expect(mail.mails).toHaveLength(1);
    expect(hook.bodies).toHaveLength(1);
    const [open] = await listOpenProblems(database.db, STORE);
    expect(open).toMatchObject({ key: 'products:records-failing', occurrences: 3 });

    // A run without failures: one "solved" message, and nothing more after that.
    await run({ kind: 'ok' });
    expect(mail.mails).toHaveLength(2);
    expect(mail.mails[1]?.subject).toBe(`Solved: Products from AccountView works again — store ${STORE}`);
    expect(mail.mails[1]?.text).toContain('The problem was: Products from AccountView: 1 product could not be synchronised');
    expect(hook.bodies).toHaveLength(2);
    await run({ kind: 'ok' });
    expect(mail.mails).toHaveLength(2);
    expect(await listOpenProblems(database.db, STORE)).toEqual([]);

    // The problem coming back is news again.
    await run({ kind: 'fail-records', count: 1 });
    expect(mail.mails).toHaveLength(3);
    expect(mail.mails[2]?.subject).toMatch(/^Action needed/);
    await run({ kind: 'ok' });
    expect(mail.mails).toHaveLength(4);
  });

  it('tells about a whole run failing once, and about revoked AccountView consent as a connection problem', async () => {
    mail.mails.length = 0;
    hook.bodies.length = 0;
    startRunner(mail.url);
    const refused = Object.assign(new Error('AccountView answered 500.'), { retryable: false, userMessage: 'AccountView had an internal error.', hint: 'Try again later.' });
    await run({ kind: 'throw', error: refused });
    await run({ kind: 'throw', error: refused });
    expect(mail.mails.map((m) => m.subject)).toEqual([`Action needed: Products from AccountView — store ${STORE}`]);
    expect(mail.mails[0]?.text).toContain('Products from AccountView: the last run stopped before it finished. AccountView had an internal error. Try again later.');

    await run({ kind: 'throw', error: new AccountViewAuthError('refresh-refused', 'refresh token refused') });
    await run({ kind: 'throw', error: new AccountViewAuthError('refresh-refused', 'refresh token refused') });
    expect(mail.mails).toHaveLength(2);
    expect(mail.mails[1]?.subject).toBe(`Action needed: Connection — store ${STORE}`);
    expect(mail.mails[1]?.text).toContain('AccountView no longer accepts the app’s access');
    expect(mail.mails[1]?.text).toContain('Reconnect AccountView');

    // One good run solves both: two "solved" messages, one per problem.
    await run({ kind: 'ok' });
    expect(mail.mails.slice(2).map((m) => m.subject).sort()).toEqual([
      `Solved: Connection works again — store ${STORE}`,
      `Solved: Products from AccountView works again — store ${STORE}`,
    ]);
  });

  it('logs a message that cannot be sent, keeps the run’s outcome, and tries again on the next run', async () => {
    mail.mails.length = 0;
    hook.bodies.length = 0;
    hook.status = 500;
    startRunner('smtp://127.0.0.1:1');
    await run({ kind: 'fail-records', count: 1 });
    const [latest] = await listRuns(database.db, STORE, { flow: 'products', limit: 1 });
    expect(latest).toMatchObject({ state: 'partial', failed: 1 });
    const warnings = logger.lines.filter((l) => l.level === 'warn' && l.message === 'a notification could not be sent');
    expect(warnings.map((w) => (w.meta as { channel: string }).channel).sort()).toEqual(['email', 'webhook']);
    expect(mail.mails).toHaveLength(0);

    // Mail works again: the still-open problem is told now, once.
    await runner.stop();
    hook.status = 200;
    startRunner(mail.url);
    await run({ kind: 'fail-records', count: 1 });
    await run({ kind: 'fail-records', count: 1 });
    expect(mail.mails.map((m) => m.subject)).toEqual([`Action needed: Products from AccountView — store ${STORE}`]);
    expect(hook.bodies).toHaveLength(1);
  });

  it('says nothing solved when a paused flow does nothing', async () => {
    mail.mails.length = 0;
    startRunner(mail.url);
    await setFlowState(database.db, STORE, 'products', { paused: true });
    await run({ kind: 'ok' });
    expect(mail.mails).toHaveLength(0);
    expect((await listOpenProblems(database.db, STORE)).map((p) => p.key)).toEqual(['products:records-failing']);
    await setFlowState(database.db, STORE, 'products', { paused: false });
    await run({ kind: 'ok' });
    expect(mail.mails.map((m) => m.subject)).toEqual([`Solved: Products from AccountView works again — store ${STORE}`]);
  });
});

export { FROM };
