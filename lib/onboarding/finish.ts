import type { Db } from '@/lib/db/client';
import { setFlowSwitch } from './flows';
import { readOnboarding, saveOnboarding, type OnboardingProgress } from './progress';

/**
 * "Switch on": the chosen flows are switched on (and unpaused), the others left as they are, and the
 * wizard is done. Switching on a flow twice changes nothing, so a repeated click is harmless.
 */
export async function switchOnChosenFlows(db: Db, storeHash: string, at: Date = new Date()): Promise<OnboardingProgress> {
  const progress = await readOnboarding(db, storeHash);
  for (const flow of progress.flows) await setFlowSwitch(db, storeHash, flow, { enabled: true, paused: false });
  return saveOnboarding(db, storeHash, { step: 'done', finishedAt: at.toISOString() });
}
