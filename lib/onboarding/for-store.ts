import { getDatabase } from '@/lib/db/client';
import { switchOnChosenFlows } from './finish';
import { readSettingsOf, saveSettingsOf, setFlowSwitch, type SaveResult } from './flows';
import { readOnboarding, saveOnboarding, type OnboardingProgress, type SetupFlow } from './progress';
import { answerQuestions, currentAnswers } from './questions';

/**
 * The same operations for pages and server actions, which may not touch the database client: each
 * opens the app's database and scopes by the store hash the caller got from a verified session.
 */
const db = async () => (await getDatabase()).db;

export const storeOnboarding = {
  read: async (storeHash: string): Promise<OnboardingProgress> => readOnboarding(await db(), storeHash),
  save: async (storeHash: string, patch: Partial<OnboardingProgress>): Promise<OnboardingProgress> => saveOnboarding(await db(), storeHash, patch),
  answers: async (storeHash: string, flow: SetupFlow): Promise<Record<string, unknown>> => currentAnswers(await db(), storeHash, flow),
  answer: async (storeHash: string, flow: SetupFlow, answers: Record<string, unknown>): Promise<SaveResult> => answerQuestions(await db(), storeHash, flow, answers),
  switchOn: async (storeHash: string): Promise<OnboardingProgress> => switchOnChosenFlows(await db(), storeHash),
};

export const storeFlowSettings = {
  read: async (storeHash: string, flow: SetupFlow) => readSettingsOf(await db(), storeHash, flow),
  save: async (storeHash: string, flow: SetupFlow, input: unknown): Promise<SaveResult> => saveSettingsOf(await db(), storeHash, flow, input),
  setState: async (storeHash: string, flow: SetupFlow, state: { enabled?: boolean; paused?: boolean }): Promise<void> => setFlowSwitch(await db(), storeHash, flow, state),
};
