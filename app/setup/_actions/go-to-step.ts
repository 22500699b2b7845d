'use server';

import { z } from 'zod';
import { connectionView } from '@/lib/accountview-connection';
import { SETUP_STEPS, stepIndex, storeOnboarding } from '@/lib/onboarding';
import { requireStoreSession } from '@/lib/session';

const input = z.enum(SETUP_STEPS).exclude(['done']);

export type StepResult = { ok: true } | { ok: false; message: string };

/**
 * Moves the wizard to `step` and remembers it, so the merchant comes back there. Going back is always
 * allowed; going forward only past steps that are complete.
 */
export async function goToSetupStep(step: string): Promise<StepResult> {
  const session = await requireStoreSession();
  const parsed = input.safeParse(step);
  if (!parsed.success) return { ok: false, message: 'That step does not exist.' };
  const progress = await storeOnboarding.read(session.storeHash);
  const target = parsed.data;
  if (stepIndex(target) > stepIndex('connect') && (await connectionView(session.storeHash)).state !== 'connected') {
    return { ok: false, message: 'Connect AccountView and choose the administration first.' };
  }
  if (stepIndex(target) > stepIndex('flows') && progress.flows.length === 0) return { ok: false, message: 'Choose at least one flow first.' };
  if (stepIndex(target) > stepIndex('questions') && progress.flows.some((f) => !progress.answered.includes(f))) {
    return { ok: false, message: 'Answer the questions of every chosen flow first.' };
  }
  await storeOnboarding.save(session.storeHash, { step: target });
  return { ok: true };
}
