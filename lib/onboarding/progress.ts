import { z } from 'zod';
import { getDatabase, type Db } from '@/lib/db/client';
import { readFlowSettings, saveFlowSettings } from '@/lib/db/queries/flow-settings';

/**
 * Where a store is in the onboarding wizard. Kept in `flow_settings` under the pseudo-flow
 * 'onboarding' (no schema change): the row's `settings` holds this object, its enabled/paused
 * columns are unused. A store without the row has not started, so the first load after install
 * lands on the wizard's first step.
 */
export const ONBOARDING_ROW = 'onboarding';

export const SETUP_FLOWS = ['orders', 'products', 'stock', 'customers'] as const;
export type SetupFlow = (typeof SETUP_FLOWS)[number];

/** The wizard's steps, in order. `done` is reached by switching the chosen flows on. */
export const SETUP_STEPS = ['connect', 'flows', 'questions', 'test', 'switch-on', 'done'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

export const onboardingProgress = z.object({
  step: z.enum(SETUP_STEPS).default('connect'),
  /** The flows the merchant chose; their questions, tests and switches follow. */
  flows: z.array(z.enum(SETUP_FLOWS)).default([]),
  /** Flows whose questions were answered (saved into that flow's settings). */
  answered: z.array(z.enum(SETUP_FLOWS)).default([]),
  /** ISO time the wizard was finished. */
  finishedAt: z.string().optional(),
  /** "Set up later": the app stops sending the merchant to the wizard; it stays reachable from Settings. */
  postponed: z.boolean().default(false),
});

export type OnboardingProgress = z.output<typeof onboardingProgress>;

export class OnboardingProgressError extends Error {
  override name = 'OnboardingProgressError';
}

/** The store's progress; a store that never opened the wizard is on its first step. */
export async function readOnboarding(db: Db, storeHash: string): Promise<OnboardingProgress> {
  const stored = await readFlowSettings(db, storeHash, ONBOARDING_ROW, onboardingProgress);
  // A row that no longer parses (an older shape) restarts the wizard rather than guessing a step.
  return stored.ok ? stored.settings : onboardingProgress.parse({});
}

export function isOnboardingFinished(progress: OnboardingProgress): boolean {
  return progress.step === 'done';
}

/** Whether the home page should send the merchant to the wizard. */
export async function needsOnboarding(storeHash: string): Promise<boolean> {
  const progress = await readOnboarding((await getDatabase()).db, storeHash);
  return !isOnboardingFinished(progress) && !progress.postponed;
}

export function stepIndex(step: SetupStep): number {
  return SETUP_STEPS.indexOf(step);
}

/** Merges `patch` into the stored progress and saves it. */
export async function saveOnboarding(db: Db, storeHash: string, patch: Partial<OnboardingProgress>): Promise<OnboardingProgress> {
  const next = { ...(await readOnboarding(db, storeHash)), ...patch };
  // Flows answered but no longer chosen are forgotten, so coming back asks again.
  next.answered = next.answered.filter((f) => next.flows.includes(f));
  const saved = await saveFlowSettings(db, storeHash, ONBOARDING_ROW, onboardingProgress, next);
  if (!saved.ok) throw new OnboardingProgressError(`onboarding progress refused: ${saved.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return saved.settings;
}
