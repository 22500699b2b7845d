import type { AccountViewClient } from '@/lib/accountview';
import { accountViewFor, NotConnectedError } from '@/lib/accountview-connection';
import { bigCommerceFor } from '@/lib/store-clients';
import { articleChoices, ledgerAccountChoices, paymentTermChoices, vatCodeChoices } from './accountview';
import { orderStatusChoices, paymentMethodChoices, shippingMethodChoices, taxClassChoices } from './bigcommerce';
import type { ChoiceList, ChoiceListName, ChoiceLists } from './types';

export { articleChoices, ledgerAccountChoices, paymentTermChoices, vatCodeChoices } from './accountview';
export { orderStatusChoices, paymentMethodChoices, shippingMethodChoices, taxClassChoices } from './bigcommerce';
export { CHOICE_LISTS, type Choice, type ChoiceList, type ChoiceListName, type ChoiceLists } from './types';

const NOT_INSTALLED: ChoiceList = { ok: false, choices: [], message: 'The store no longer has the app installed.', hint: 'Install the app again from the App Marketplace.' };
const NOT_CONNECTED: ChoiceList = {
  ok: false,
  choices: [],
  message: 'AccountView is not connected, so its lists cannot be read.',
  hint: 'Connect AccountView and choose the administration on the Overview page first.',
};

const BIGCOMMERCE_LISTS = new Set<ChoiceListName>(['orderStatuses', 'paymentMethods', 'taxClasses', 'shippingMethods']);

/**
 * The store's lists for the settings page, read from both systems at once. `articleCodes` are the
 * article codes the settings already use, so they are in the article list whatever it holds.
 */
export async function loadChoiceLists(storeHash: string, names: readonly ChoiceListName[], options: { articleCodes?: readonly string[] } = {}): Promise<ChoiceLists> {
  const wanted = [...new Set(names)];
  const bigcommerce = wanted.some((n) => BIGCOMMERCE_LISTS.has(n)) ? await bigCommerceFor(storeHash) : undefined;
  let accountview: AccountViewClient | undefined;
  if (wanted.some((n) => !BIGCOMMERCE_LISTS.has(n))) {
    try {
      accountview = await accountViewFor(storeHash);
    } catch (error) {
      if (!(error instanceof NotConnectedError)) throw error;
    }
  }
  const read = (name: ChoiceListName): Promise<ChoiceList> => {
    if (BIGCOMMERCE_LISTS.has(name)) {
      if (!bigcommerce) return Promise.resolve(NOT_INSTALLED);
      if (name === 'orderStatuses') return orderStatusChoices(bigcommerce);
      if (name === 'paymentMethods') return paymentMethodChoices(bigcommerce);
      if (name === 'shippingMethods') return shippingMethodChoices(bigcommerce);
      return taxClassChoices(bigcommerce);
    }
    if (!accountview) return Promise.resolve(NOT_CONNECTED);
    if (name === 'vatCodes') return vatCodeChoices(accountview);
    if (name === 'ledgerAccounts') return ledgerAccountChoices(accountview);
    if (name === 'articles') return articleChoices(accountview, '', options.articleCodes ?? []);
    return paymentTermChoices(accountview);
  };
  // AccountView refreshes its token on first use; reading its lists one after another avoids two refreshes racing.
  const lists: ChoiceLists = {};
  await Promise.all([
    (async () => {
      for (const name of wanted.filter((n) => BIGCOMMERCE_LISTS.has(n))) lists[name] = await read(name);
    })(),
    (async () => {
      for (const name of wanted.filter((n) => !BIGCOMMERCE_LISTS.has(n))) lists[name] = await read(name);
    })(),
  ]);
  return lists;
}

/** Articles matching what the merchant typed, for the article pickers. */
export async function searchArticles(storeHash: string, search: string): Promise<ChoiceList> {
  try {
    return await articleChoices(await accountViewFor(storeHash), search);
  } catch (error) {
    if (error instanceof NotConnectedError) return NOT_CONNECTED;
    throw error;
  }
}
