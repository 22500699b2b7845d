import { loadChoiceLists, type Choice, type ChoiceList } from '@/lib/choice-lists';

/** BigCommerce tax class names that mean "no VAT" and "a reduced rate", as merchants in the Low Countries name them. */
const ZERO = /non[- ]?taxable|tax[- ]?free|zero|exempt|vrijgesteld|\bnul\b|\b0 ?%/i;
const REDUCED = /reduc|verlaagd|\blaag|\blow\b/i;

/**
 * A first answer to "which tax class does the shop charge for each VAT code", for the wizard to show
 * pre-filled: a code of 0 % goes on the one class named like "Non-Taxable", a rate below the highest on
 * the one class carrying its percentage ("BTW 9%"), else — when there is one reduced rate only — on the one
 * class named like "Reduced" / "Laag tarief"; the highest rate, and
 * anything ambiguous, stays on the store's default class (no entry). The merchant sees and can change it.
 */
export function suggestTaxClasses(vatCodes: readonly Choice[], taxClasses: readonly Choice[]): Record<string, number> {
  const rated = vatCodes.filter((c): c is Choice & { percent: number } => typeof c.percent === 'number');
  const highest = Math.max(0, ...rated.map((c) => c.percent));
  // Belgium has two reduced rates (6 and 12 %): then only a class carrying the percentage is certain.
  const reducedRates = new Set(rated.map((c) => c.percent).filter((p) => p > 0 && p < highest));
  const only = (test: (name: string) => boolean) => {
    const found = taxClasses.filter((t) => t.value !== '0' && test(t.label));
    return found.length === 1 ? Number(found[0]!.value) : undefined;
  };
  const suggestion: Record<string, number> = {};
  for (const code of rated) {
    const id =
      code.percent === 0
        ? only((name) => ZERO.test(name))
        : code.percent < highest
          ? (only((name) => new RegExp(`\\b${String(code.percent).replace('.', '[.,]')} ?%`).test(name)) ?? (reducedRates.size === 1 ? only((name) => REDUCED.test(name)) : undefined))
          : undefined;
    if (id !== undefined && Number.isInteger(id)) suggestion[code.value] = id;
  }
  return suggestion;
}

export interface TaxClassQuestion {
  vatCodes: ChoiceList;
  taxClasses: ChoiceList;
  /** The stored answer, or the suggestion when none is stored yet. */
  answer: Record<string, number>;
}

/** The lists for the wizard's tax class question, and its answer pre-filled when the merchant has not given one. */
export async function taxClassQuestion(storeHash: string, stored: unknown): Promise<TaxClassQuestion> {
  const lists = await loadChoiceLists(storeHash, ['vatCodes', 'taxClasses']);
  const vatCodes = lists.vatCodes ?? { ok: true, choices: [] };
  const taxClasses = lists.taxClasses ?? { ok: true, choices: [] };
  const given = stored && typeof stored === 'object' && Object.keys(stored).length > 0 ? (stored as Record<string, number>) : undefined;
  return { vatCodes, taxClasses, answer: given ?? suggestTaxClasses(vatCodes.choices, taxClasses.choices) };
}
