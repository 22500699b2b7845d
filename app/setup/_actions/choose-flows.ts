'use server';

import { z } from 'zod';
import { SETUP_FLOWS, storeOnboarding } from '@/lib/onboarding';
import { requireStoreSession } from '@/lib/session';

const input = z.array(z.enum(SETUP_FLOWS)).min(1, 'Choose at least one thing to keep in step.');

export type ChooseFlowsResult = { ok: true } | { ok: false; message: string };

export async function chooseSetupFlows(flows: string[]): Promise<ChooseFlowsResult> {
  const session = await requireStoreSession();
  const parsed = input.safeParse(flows);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'Choose at least one flow.' };
  // Kept in the wizard's own order, whatever order they were ticked in.
  const chosen = SETUP_FLOWS.filter((f) => parsed.data.includes(f));
  await storeOnboarding.save(session.storeHash, { flows: chosen, step: 'questions' });
  return { ok: true };
}
