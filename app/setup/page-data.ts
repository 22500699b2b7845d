import { loadChoiceLists, type ChoiceList } from '@/lib/choice-lists';
import { ORDER_STATUS } from '@/lib/flows/orders/settings';
import { storeOnboarding, taxClassQuestion, type OnboardingProgress, type SetupFlow, type TaxClassQuestion } from '@/lib/onboarding';
import type { StoreSession } from '@/lib/session';
import { loadHome, type AccountViewPanelData } from '../page-data';

export interface SetupData {
  storeName: string;
  userEmail: string;
  isOwner: boolean;
  progress: OnboardingProgress;
  accountView: AccountViewPanelData;
  /** Current answers (stored or default) of every flow's questions. */
  answers: Record<SetupFlow, Record<string, unknown>>;
  orderStatuses: ChoiceList | undefined;
  /** The lists of the products question "which tax class for each VAT code" (its answer is in `answers`). */
  taxClasses: Omit<TaxClassQuestion, 'answer'> | undefined;
}

export async function loadSetup(session: StoreSession): Promise<SetupData> {
  const [home, progress] = await Promise.all([loadHome(session), storeOnboarding.read(session.storeHash)]);
  const [orders, products, stock, customers] = await Promise.all(
    (['orders', 'products', 'stock', 'customers'] as const).map((flow) => storeOnboarding.answers(session.storeHash, flow)),
  );
  // The status list is only needed for the order questions.
  const orderStatuses =
    progress.step === 'questions' && progress.flows.includes('orders')
      ? withFallback((await loadChoiceLists(session.storeHash, ['orderStatuses'])).orderStatuses)
      : undefined;
  // The VAT codes and tax classes, and a first answer from their names, only for the product questions.
  const taxQuestion =
    progress.step === 'questions' && progress.flows.includes('products') ? await taxClassQuestion(session.storeHash, products?.taxClasses) : undefined;
  return {
    storeName: home.storeName ?? `store ${session.storeHash}`,
    userEmail: session.email,
    isOwner: session.isOwner,
    progress,
    accountView: home.accountView,
    answers: { orders: orders ?? {}, products: taxQuestion ? { ...products, taxClasses: taxQuestion.answer } : (products ?? {}), stock: stock ?? {}, customers: customers ?? {} },
    orderStatuses,
    taxClasses: taxQuestion ? { vatCodes: taxQuestion.vatCodes, taxClasses: taxQuestion.taxClasses } : undefined,
  };
}

/** BigCommerce's fixed status ids under their English names when the store's own names cannot be read. */
function withFallback(list: ChoiceList | undefined): ChoiceList | undefined {
  if (!list || list.ok || list.choices.length > 0) return list;
  const label = (key: string) => key.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());
  return { ...list, choices: Object.entries(ORDER_STATUS).map(([key, id]) => ({ value: String(id), label: label(key) })) };
}
