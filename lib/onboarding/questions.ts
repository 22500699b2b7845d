import type { Db } from '@/lib/db/client';
import { saveAnswers, readSettingsOf, type SaveResult } from './flows';
import type { SetupFlow } from './progress';

/**
 * The few questions each flow asks in the wizard: the keys of its settings that decide what happens
 * to a merchant's data. Everything else keeps its default and can be changed on the settings page.
 */
export const QUESTION_KEYS: Record<SetupFlow, readonly string[]> = {
  orders: ['statusIds', 'documentType', 'journalCode', 'customerMode', 'defaultDebtor'],
  products: ['hideBlocked', 'categories', 'currency', 'taxClasses'],
  stock: ['calculation', 'manageStock'],
  customers: ['includeAddresses'],
};

/** The current answers (stored, else the defaults) for the questions of `flow`. */
export async function currentAnswers(db: Db, storeHash: string, flow: SetupFlow): Promise<Record<string, unknown>> {
  const stored = await readSettingsOf(db, storeHash, flow);
  const settings = (stored.ok ? stored.settings : {}) as Record<string, unknown>;
  return Object.fromEntries(QUESTION_KEYS[flow].map((key) => [key, settings[key]]));
}

/** Saves only the question keys of `answers`; anything else in the input is ignored. */
export function answerQuestions(db: Db, storeHash: string, flow: SetupFlow, answers: Record<string, unknown>): Promise<SaveResult> {
  const picked = Object.fromEntries(QUESTION_KEYS[flow].filter((k) => Object.hasOwn(answers, k)).map((k) => [k, answers[k]]));
  return saveAnswers(db, storeHash, flow, picked);
}
