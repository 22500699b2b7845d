import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suggestTaxClasses, taxClassQuestion } from '@/lib/onboarding';
import { PIPELINE_STORE as STORE, startOrderPipeline, type OrderPipeline } from '../../helpers/order-pipeline';

const classes = (...names: string[]) => names.map((label, i) => ({ value: String(i), label }));
const BIGCOMMERCE_DEFAULTS = ['Default Tax Class', 'Non-Taxable Products', 'Shipping', 'Gift Wrapping'];
const NL = [
  { value: '0', label: '0 — Geen btw — 0 %', percent: 0 },
  { value: '1', label: '1 — Laag — 9 %', percent: 9 },
  { value: '2', label: '2 — Hoog — 21 %', percent: 21 },
];

describe('the tax class a VAT code is first offered', () => {
  it('0 % on the non-taxable class, the one reduced rate on the class named for it, the standard rate on the default', () => {
    expect(suggestTaxClasses(NL, classes(...BIGCOMMERCE_DEFAULTS, 'Laag tarief'))).toEqual({ '0': 1, '1': 4 });
    expect(suggestTaxClasses(NL, classes(...BIGCOMMERCE_DEFAULTS, 'Reduced rate'))).toEqual({ '0': 1, '1': 4 });
  });

  it('prefers a class carrying the percentage, and guesses nothing it cannot be sure of', () => {
    expect(suggestTaxClasses(NL, classes(...BIGCOMMERCE_DEFAULTS, 'Verlaagd', 'BTW 9%'))).toEqual({ '0': 1, '1': 5 });
    // Two classes that could be the reduced one: no guess.
    expect(suggestTaxClasses(NL, classes(...BIGCOMMERCE_DEFAULTS, 'Laag tarief', 'Low rate'))).toEqual({ '0': 1 });
    // A store without a reduced class: the 9 % code stays on the default (and the merchant sees it does).
    expect(suggestTaxClasses(NL, classes(...BIGCOMMERCE_DEFAULTS))).toEqual({ '0': 1 });
    // "19%" is not 9 %.
    expect(suggestTaxClasses(NL, classes(...BIGCOMMERCE_DEFAULTS, 'MwSt 19%'))).toEqual({ '0': 1 });
  });

  it('with two reduced rates (Belgium: 6 and 12 %) only a class carrying the percentage is taken', () => {
    const be = [
      { value: '1', label: '1 — 6 %', percent: 6 },
      { value: '3', label: '3 — 12 %', percent: 12 },
      { value: '2', label: '2 — 21 %', percent: 21 },
    ];
    expect(suggestTaxClasses(be, classes(...BIGCOMMERCE_DEFAULTS, 'Verlaagd'))).toEqual({});
    expect(suggestTaxClasses(be, classes(...BIGCOMMERCE_DEFAULTS, 'BTW 6 %', 'BTW 12 %'))).toEqual({ '1': 4, '3': 5 });
  });
});

describe("the wizard's tax class question on a real store and administration", () => {
  let pipeline: OrderPipeline;
  beforeAll(async () => {
    pipeline = await startOrderPipeline();
  }, 120_000);
  afterAll(async () => pipeline?.close());

  it('reads both lists and pre-fills the answer until the merchant has given one', async () => {
    const fresh = await taxClassQuestion(STORE, {});
    expect(fresh.vatCodes.ok && fresh.taxClasses.ok).toBe(true);
    expect(fresh.taxClasses.choices).toContainEqual({ value: '4', label: 'Laag tarief' });
    // FVR's 9 % code on "Laag tarief"; every 0 % code on "Non-Taxable Products"; 21 % on the default.
    expect(fresh.answer['1']).toBe(4);
    expect(fresh.answer['2']).toBeUndefined();
    for (const code of fresh.vatCodes.choices.filter((c) => c.percent === 0)) expect(fresh.answer[code.value], code.label).toBe(1);

    expect((await taxClassQuestion(STORE, { '1': 0 })).answer).toEqual({ '1': 0 });
  });
});
