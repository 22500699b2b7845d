'use server';

import { flowKey, switchFlow } from '@/lib/notifications';
import { requireStoreSession } from '@/lib/session';

export type FlowSwitchAction = 'switch-on' | 'pause' | 'resume';

const STATES: Record<FlowSwitchAction, { enabled?: boolean; paused?: boolean }> = {
  'switch-on': { enabled: true, paused: false },
  pause: { paused: true },
  resume: { paused: false },
};

/** Switches a flow of the signed-in store on, pauses or resumes it. */
export async function setFlowSwitch(flow: string, action: FlowSwitchAction): Promise<{ ok: boolean; message?: string }> {
  const session = await requireStoreSession();
  const parsed = flowKey.safeParse(flow);
  const state = Object.hasOwn(STATES, action) ? STATES[action] : undefined;
  if (!parsed.success || !state) return { ok: false, message: 'That flow or action does not exist. Reload the page and try again.' };
  await switchFlow(session.storeHash, parsed.data, state);
  return { ok: true };
}
