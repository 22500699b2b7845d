import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dayOf, lastDays, loadDashboard } from '@/lib/activity/dashboard';
import { cursorOf, orderIdsSchema, startOfDay } from '@/lib/activity/requests';
import { openFailures } from '@/lib/db/queries/activity';
import { createIdMap } from '@/lib/db/queries/id-map';
import { listRecords, listRuns, recordToRun } from '@/lib/db/queries/runs';
import { syncRuns } from '@/lib/db/schema';
import type { RecordEntry } from '@/lib/engine';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../helpers/databases';
import { addStores } from '../engine/helpers';

const A = 'queriesa';
const B = 'queriesb';
const NOW = new Date('2026-11-29T12:00:00Z');
const HOUR = 3_600_000;

describe('what the activity pages accept', () => {
  it('reads order numbers as merchants type them', () => {
    expect(orderIdsSchema.parse(' 1001, #1002\n1003 1001 ')).toEqual([1001, 1002, 1003]);
    expect(orderIdsSchema.safeParse('1001, abc').error?.issues[0]?.message).toBe('Not an order number: abc. Use the numbers shown in BigCommerce, e.g. 1001.');
    expect(orderIdsSchema.safeParse('').success).toBe(false);
  });

  it('starts a day at midnight in Amsterdam, summer and winter', () => {
    expect(startOfDay('2026-11-29').toISOString()).toBe('2026-11-28T23:00:00.000Z');
    expect(startOfDay('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(dayOf(new Date('2026-11-28T23:30:00Z'))).toBe('2026-11-29');
    expect(lastDays(new Date('2026-03-30T10:00:00Z'), 3)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
  });
});

describe.each(testDatabaseKinds())('activity queries (%s)', (kind) => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await openTestDatabase(kind);
    await addStores(database, A, B);
  });
  afterEach(async () => {
    await database?.dispose();
  });

  async function run(storeHash: string, flow: 'orders' | 'stock', hoursAgo: number, entries: RecordEntry[] = [], state: 'success' | 'partial' = 'success') {
    const at = new Date(NOW.getTime() - hoursAgo * HOUR);
    const [row] = await database.db
      .insert(syncRuns)
      .values({ storeHash, flow, handler: `${flow}-x`, trigger: 'schedule', state, queuedAt: at, startedAt: at, endedAt: new Date(at.getTime() + 2000) })
      .returning();
    for (const entry of entries) await recordToRun(database.db, storeHash, row!.id, flow, entry);
    return row!;
  }

  it('filters runs by flow, outcome and date, pages them without gaps or repeats, and never shows another store\'s', async () => {
    const made = [];
    for (let i = 0; i < 7; i += 1) made.push(await run(A, i % 2 ? 'stock' : 'orders', i * 30, [], i === 3 ? 'partial' : 'success'));
    await run(B, 'orders', 1);
    const all = await listRuns(database.db, A, { limit: 100 });
    expect(all.map((r) => r.id)).toEqual(made.map((r) => r.id));
    expect((await listRuns(database.db, A, { flow: 'stock' })).map((r) => r.id)).toEqual([made[1]!.id, made[3]!.id, made[5]!.id]);
    expect((await listRuns(database.db, A, { outcome: 'failed' })).map((r) => r.id)).toEqual([made[3]!.id]);
    expect((await listRuns(database.db, A, { from: new Date(NOW.getTime() - 61 * HOUR), to: new Date(NOW.getTime() - 29 * HOUR) })).map((r) => r.id)).toEqual([made[1]!.id, made[2]!.id]);

    const seen: string[] = [];
    let after: { queuedAt: Date; id: string } | undefined;
    for (;;) {
      const page = await listRuns(database.db, A, { limit: 3, after });
      if (page.length === 0) break;
      seen.push(...page.map((r) => r.id));
      const last = page.at(-1)!;
      after = { queuedAt: last.queuedAt, id: last.id };
      expect(cursorOf(last)).toMatch(/_/);
    }
    expect(seen).toEqual(all.map((r) => r.id));
  });

  it('finds an order record by its number, its e-mail address or their start (an e-mail with its @), in any case', async () => {
    await run(A, 'orders', 1, [
      { entity: 'order', sourceId: '1001', outcome: 'failed', searchText: '1001 jan.de.vries@example.nl' },
      { entity: 'order', sourceId: '1002', outcome: 'created', searchText: '1002 petra@example.nl' },
    ]);
    await run(B, 'orders', 1, [{ entity: 'order', sourceId: '1001', outcome: 'created', searchText: '1001 jan.de.vries@example.nl' }]);
    const found = async (search: string) => (await listRecords(database.db, A, { search })).map((r) => r.sourceId);
    expect(await found('1001')).toEqual(['1001']);
    expect(await found('JAN.DE.VRIES@example.nl')).toEqual(['1001']);
    expect(await found('petra@')).toEqual(['1002']);
    expect(await found('petra')).toEqual([]);
    expect(await found('100')).toEqual(['1002', '1001']);
    expect(await found('example.nl')).toEqual([]);
    expect(await found('_')).toEqual([]);
  });

  it('counts a failure as open until a later record or a done id-map entry fixes it', async () => {
    const fail = (sourceId: string): RecordEntry => ({ entity: sourceId.startsWith('SKU') ? 'stock' : 'order', sourceId, outcome: 'failed', message: 'no', hint: 'fix it' });
    await run(A, 'orders', 10, [fail('1001'), fail('1002'), fail('1003')], 'partial');
    await run(A, 'stock', 9, [fail('SKU-1'), fail('SKU-2')], 'partial');
    await run(B, 'orders', 9, [fail('1001')], 'partial');
    expect((await openFailures(database.db, A)).map((f) => f.sourceId).sort()).toEqual(['1001', '1002', '1003', 'SKU-1', 'SKU-2']);

    await run(A, 'orders', 5, [{ entity: 'order', sourceId: '1001', outcome: 'created', targetRef: 'SO-1' }]);
    const again = await run(A, 'orders', 4, [fail('1002')], 'partial');
    // Stock logs no row for a level that went through: its id-map entry, done after the failure, says so.
    await createIdMap(database.db, A).putDone({ entity: 'stock', sourceId: 'SKU-1', contentHash: '5@1' });
    const open = await openFailures(database.db, A);
    expect(open.map((f) => f.sourceId).sort()).toEqual(['1002', '1003', 'SKU-2']);
    // The newest failure of a record is the one shown.
    expect(open.find((f) => f.sourceId === '1002')?.runId).toBe(again.id);
    expect((await openFailures(database.db, B)).map((f) => f.sourceId)).toEqual(['1001']);
  });

  it('builds the dashboard from the runs: records per day and flow, the last success per flow', async () => {
    await run(A, 'orders', 1, [{ entity: 'order', sourceId: '1', outcome: 'created' }, { entity: 'order', sourceId: '2', outcome: 'failed' }], 'partial');
    await run(A, 'orders', 3, [{ entity: 'order', sourceId: '3', outcome: 'updated' }]);
    await run(A, 'stock', 30, [{ entity: 'stock', sourceId: 'SKU', outcome: 'created' }]);
    await run(B, 'orders', 1, [{ entity: 'order', sourceId: '9', outcome: 'created' }]);
    const data = await loadDashboard(database.db, A, NOW);
    expect(data.days).toHaveLength(14);
    expect(data.days.at(-1)).toBe('2026-11-29');
    expect(data.perFlow.orders.at(-1)).toEqual({ created: 1, updated: 1, skipped: 0, failed: 1 });
    expect(data.perFlow.stock.at(-2)).toEqual({ created: 1, updated: 0, skipped: 0, failed: 0 });
    expect(data.perFlow.customers.every((c) => c.created + c.updated + c.skipped + c.failed === 0)).toBe(true);
    expect(data.lastSuccess.orders?.at).toBe(new Date(NOW.getTime() - 3 * HOUR + 2000).toISOString());
    expect(data.lastSuccess.products).toBeNull();
    expect(data.openFailures.map((f) => f.sourceId)).toEqual(['2']);
  });
});
