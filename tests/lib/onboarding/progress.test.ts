import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFlowSettings } from '@/lib/db/queries/flow-settings';
import { saveInstall } from '@/lib/db/queries/stores';
import { orderFlowSettings } from '@/lib/flows/orders/settings';
import { answerQuestions, currentAnswers, isOnboardingFinished, readOnboarding, saveOnboarding, saveSettingsOf } from '@/lib/onboarding';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../helpers/databases';

const STORE = 'abc123def';
const OTHER = 'xyz789ghi';

describe.each(testDatabaseKinds())('onboarding progress and settings (%s)', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    for (const store of [STORE, OTHER]) {
      await saveInstall(database.db, store, {
        accessTokenEncrypted: 'x',
        scope: 'store_v2_orders_read_only',
        accountUuid: undefined,
        owner: { id: 1, email: 'owner@example.com' },
        installer: { id: 1, email: 'owner@example.com' },
      });
    }
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('starts a store that never opened the wizard at its first step', async () => {
    const progress = await readOnboarding(database.db, STORE);
    expect(progress).toMatchObject({ step: 'connect', flows: [], answered: [] });
    expect(isOnboardingFinished(progress)).toBe(false);
  });

  it('keeps where a store stopped, per store', async () => {
    await saveOnboarding(database.db, STORE, { step: 'questions', flows: ['orders', 'stock'] });
    expect(await readOnboarding(database.db, STORE)).toMatchObject({ step: 'questions', flows: ['orders', 'stock'] });
    expect((await readOnboarding(database.db, OTHER)).step).toBe('connect');
  });

  it('forgets answers of a flow that is no longer chosen', async () => {
    await saveOnboarding(database.db, STORE, { answered: ['orders', 'stock'] });
    await saveOnboarding(database.db, STORE, { flows: ['orders'] });
    expect((await readOnboarding(database.db, STORE)).answered).toEqual(['orders']);
  });

  it('refuses a step that does not exist and keeps the stored progress', async () => {
    await expect(saveOnboarding(database.db, STORE, { step: 'nowhere' as never })).rejects.toThrow(/step/);
    expect((await readOnboarding(database.db, STORE)).step).toBe('questions');
  });

  it('saves the answers over the stored settings and keeps the other options', async () => {
    const saved = await saveSettingsOf(database.db, STORE, 'orders', { journalCode: 'VK2', revenueAccount: '8001' });
    expect(saved.ok).toBe(true);
    expect(await currentAnswers(database.db, STORE, 'orders')).toMatchObject({ documentType: 'sales-order', journalCode: 'VK2' });
    const answered = await answerQuestions(database.db, STORE, 'orders', { documentType: 'sales-invoice', statusIds: [10], revenueAccount: 'ignored' });
    expect(answered.ok).toBe(true);
    const stored = await readFlowSettings(database.db, STORE, 'orders', orderFlowSettings);
    expect(stored.ok && stored.settings).toMatchObject({ documentType: 'sales-invoice', statusIds: [10], journalCode: 'VK2', revenueAccount: '8001' });
  });

  it('answers a refused setting with the field it belongs to, and saves nothing', async () => {
    const refused = await answerQuestions(database.db, STORE, 'orders', { customerMode: 'default-debtor', defaultDebtor: '' });
    expect(refused).toEqual({ ok: false, problems: [{ path: 'defaultDebtor', message: 'Choose the debtor every order is booked on' }] });
    const stored = await readFlowSettings(database.db, STORE, 'orders', orderFlowSettings);
    expect(stored.ok && stored.settings.customerMode).toBe('match-or-create');
  });

  it('names nested fields of the settings page by their path', async () => {
    const refused = await saveSettingsOf(database.db, STORE, 'orders', { serviceLines: { shipping: { article: 'X'.repeat(21) } }, paymentTermMap: { iDEAL: 400 } });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.problems.map((p) => p.path).sort()).toEqual(['paymentTermMap.iDEAL', 'serviceLines.shipping.article']);
    const stock = await saveSettingsOf(database.db, STORE, 'stock', { calculation: 'guess', locationId: 0 });
    expect(stock.ok === false && stock.problems.map((p) => p.path).sort()).toEqual(['calculation', 'locationId']);
  });
});
