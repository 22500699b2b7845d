/** One option of a list the settings page offers instead of a text box. */
export interface Choice {
  value: string;
  label: string;
  /** A VAT code's percentage, where AccountView's table has one. */
  percent?: number;
}

/**
 * A list read from BigCommerce or AccountView. When the system cannot be read, `choices` is empty (or a
 * fallback) and the page shows `message` and `hint`; the merchant can still keep the stored value.
 */
export type ChoiceList = { ok: true; choices: Choice[] } | { ok: false; choices: Choice[]; message: string; hint: string };

export const CHOICE_LISTS = ['orderStatuses', 'paymentMethods', 'taxClasses', 'vatCodes', 'ledgerAccounts', 'articles', 'paymentTerms', 'shippingMethods'] as const;
export type ChoiceListName = (typeof CHOICE_LISTS)[number];
export type ChoiceLists = Partial<Record<ChoiceListName, ChoiceList>>;
