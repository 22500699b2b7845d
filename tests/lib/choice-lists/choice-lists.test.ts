import { accountViewFor } from '@/lib/accountview-connection';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBigCommerceClient } from '@/lib/bigcommerce';
import { loadChoiceLists, paymentMethodChoices, searchArticles, shippingMethodChoices } from '@/lib/choice-lists';
import { PIPELINE_STORE as STORE, startOrderPipeline, type OrderPipeline } from '../../helpers/order-pipeline';
import { installApp, startTestSimulator } from '../../simulators/bigcommerce';

/** The settings page's lists, read from the BigCommerce and AccountView simulators over HTTP. */
describe('choice lists', () => {
  let pipeline: OrderPipeline;

  beforeAll(async () => {
    pipeline = await startOrderPipeline();
  }, 120_000);
  afterAll(async () => {
    await pipeline?.close();
  });

  it('reads every list from both systems', async () => {
    const lists = await loadChoiceLists(STORE, ['orderStatuses', 'paymentMethods', 'shippingMethods', 'taxClasses', 'vatCodes', 'ledgerAccounts', 'articles', 'paymentTerms'], {
      articleCodes: ['VERZENDKOSTEN'],
    });
    for (const list of Object.values(lists)) expect(list?.ok).toBe(true);
    expect(lists.orderStatuses?.choices).toContainEqual({ value: '11', label: 'Awaiting Fulfillment' });
    // The methods the seeded orders carry are choosable by the name the payment maps are keyed on.
    expect(lists.paymentMethods?.choices.map((c) => c.value)).toEqual(expect.arrayContaining(['iDEAL', 'Bankoverschrijving']));
    // Every zone's methods once each, the seeded orders' own among them, by the name orders carry.
    const shipping = lists.shippingMethods?.choices.map((c) => c.value) ?? [];
    expect(shipping).toEqual(expect.arrayContaining(['Verzending PostNL', 'Afhalen in de winkel', 'Verzending DHL Europa', 'Bezorging met montage']));
    expect(new Set(shipping.map((n) => n.toLowerCase())).size).toBe(shipping.length);
    expect(lists.taxClasses?.choices).toContainEqual({ value: '0', label: 'Default Tax Class' });
    const vat = lists.vatCodes?.choices ?? [];
    expect(vat.map((c) => c.value)).toEqual(expect.arrayContaining(['0', '1', '2']));
    expect(vat.find((c) => c.value === '2')?.label).toContain('21 %');
    expect((lists.ledgerAccounts?.choices ?? []).length).toBeGreaterThan(5);
    expect(lists.ledgerAccounts?.choices.map((c) => c.value)).toContain('8000');
    expect(lists.articles?.choices.map((c) => c.value)).toContain('VERZENDKOSTEN');
    expect(lists.paymentTerms?.choices.map((c) => c.value)).toEqual(expect.arrayContaining(['0', '14', '30']));
  });

  it('finds articles by part of their code or description', async () => {
    const found = await searchArticles(STORE, 'HELM');
    expect(found.ok).toBe(true);
    expect(found.choices.map((c) => c.value)).toEqual(expect.arrayContaining(['HELM-URBAN-S', 'HELM-URBAN-M']));
    expect(found.choices.every((c) => `${c.value} ${c.label}`.toUpperCase().includes('HELM'))).toBe(true);
  });

  it('finds them however the merchant capitalises, though AccountView compares text case-sensitively', async () => {
    const accountview = await accountViewFor(STORE);
    await accountview.insert('AK1', { fields: { ART_CODE: 'ZZ-EXPRES', ART_DESC1: 'Expresbezorging', VAT_CODE: '2' } });
    await accountview.insert('AK1', { fields: { ART_CODE: 'ZZ-KOERIER', ART_DESC1: 'Bezorging per koerier', VAT_CODE: '2' } });
    expect((await searchArticles(STORE, 'expres')).choices.map((c) => c.value)).toEqual(['ZZ-EXPRES']);
    expect((await searchArticles(STORE, 'KOERIER')).choices.map((c) => c.value)).toEqual(['ZZ-KOERIER']);
    expect((await searchArticles(STORE, 'bezorging')).choices.map((c) => c.value)).toEqual(['ZZ-EXPRES', 'ZZ-KOERIER']);
  });

  it('says AccountView is unreachable instead of failing the page', async () => {
    await fetch(`${pipeline.av.url}/__sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'status', status: 503 }) });
    try {
      const lists = await loadChoiceLists(STORE, ['vatCodes', 'taxClasses']);
      expect(lists.vatCodes).toMatchObject({ ok: false, choices: [] });
      expect(lists.vatCodes?.ok === false && lists.vatCodes.hint).toBeTruthy();
      expect(lists.taxClasses?.ok).toBe(true);
    } finally {
      await fetch(`${pipeline.av.url}/__sim/faults`, { method: 'DELETE' });
    }
  });
});

describe('payment methods without the payment-methods scope', () => {
  it('falls back to the methods recent orders used and says how to get them all', async () => {
    const bc = await startTestSimulator({ scopes: ['store_v2_orders_read_only', 'store_v2_information_read_only'] });
    try {
      const token = await installApp(bc, STORE);
      const client = createBigCommerceClient({ apiUrl: bc.apiUrl, storeHash: STORE, accessToken: token, retry: { maxAttempts: 1 } });
      const list = await paymentMethodChoices(client);
      expect(list.ok).toBe(false);
      if (list.ok) return;
      expect(list.hint).toMatch(/Payment methods/);
      expect(list.choices.map((c) => c.value)).toContain('Bankoverschrijving');
      expect(list.choices.map((c) => c.value)).not.toContain('Test Payment Gateway');
    } finally {
      await bc.stop();
    }
  });
});

describe('shipping methods without the information scope', () => {
  it('falls back to the methods recent orders were shipped by and says how to get them all', async () => {
    const bc = await startTestSimulator({ scopes: ['store_v2_orders_read_only'] });
    try {
      const token = await installApp(bc, STORE);
      const client = createBigCommerceClient({ apiUrl: bc.apiUrl, storeHash: STORE, accessToken: token, retry: { maxAttempts: 1 } });
      const list = await shippingMethodChoices(client);
      expect(list.ok).toBe(false);
      if (list.ok) return;
      expect(list.hint).toMatch(/Information & settings/);
      const names = list.choices.map((c) => c.value);
      expect(names).toEqual(expect.arrayContaining(['Verzending PostNL', 'Bezorging met montage']));
      // Only what orders used: the zones' other methods are not known without the scope.
      expect(names).not.toContain('Afhalen in de winkel');
    } finally {
      await bc.stop();
    }
  });
});
