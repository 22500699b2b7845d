'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { isSetupFlow, storeFlowSettings } from '@/lib/onboarding';
import { requireStoreSession } from '@/lib/session';

const state = z.object({ enabled: z.boolean().optional(), paused: z.boolean().optional() }).strict();

/** Switches a flow on or off, or pauses and resumes it; its settings stay as they are. */
export async function setFlowStateAction(flow: string, input: unknown): Promise<{ ok: boolean }> {
  const session = await requireStoreSession();
  const parsed = state.safeParse(input);
  if (!isSetupFlow(flow) || !parsed.success) return { ok: false };
  await storeFlowSettings.setState(session.storeHash, flow, parsed.data);
  revalidatePath(`/settings/${flow}`);
  revalidatePath('/settings');
  return { ok: true };
}
