'use server';

import { revalidatePath } from 'next/cache';
import { isSetupFlow, storeFlowSettings, type SaveResult } from '@/lib/onboarding';
import { requireStoreSession } from '@/lib/session';

/** Validates the whole settings object with the flow's schema and saves it; a refusal names each field. */
export async function saveFlowSettingsAction(flow: string, settings: unknown): Promise<SaveResult> {
  const session = await requireStoreSession();
  if (!isSetupFlow(flow)) return { ok: false, problems: [{ path: '', message: 'This flow does not exist.' }] };
  const result = await storeFlowSettings.save(session.storeHash, flow, settings);
  if (result.ok) revalidatePath(`/settings/${flow}`);
  return result;
}
