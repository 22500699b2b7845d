import { z } from 'zod';
import { getDatabase } from '@/lib/db/client';
import { readFlowSettings, setFlowState } from '@/lib/db/queries/flow-settings';
import { listOpenProblems } from '@/lib/db/queries/notifications';
import { FLOW_NAMES } from '@/lib/db/schema/engine';

/**
 * What the home page needs to show a connection or flow that stopped working, with its fix: the
 * flows' switches and the open problems the notifications track.
 */
export type FlowKey = (typeof FLOW_NAMES)[number];
export const FLOW_KEYS: readonly FlowKey[] = FLOW_NAMES;
export const flowKey = z.enum(FLOW_NAMES);

export interface FlowSwitch {
  flow: FlowKey;
  enabled: boolean;
  paused: boolean;
}

export interface OpenProblem {
  key: string;
  flow: string | null;
  kind: string;
  message: string;
  hint: string;
  runId: string | null;
  openedAt: Date;
  occurrences: number;
}

export async function storeHealth(storeHash: string): Promise<{ flows: FlowSwitch[]; problems: OpenProblem[] }> {
  const { db } = await getDatabase();
  const [flows, problems] = await Promise.all([
    Promise.all(
      FLOW_KEYS.map(async (flow) => {
        const stored = await readFlowSettings(db, storeHash, flow, z.unknown());
        return { flow, enabled: stored.enabled, paused: stored.paused };
      }),
    ),
    listOpenProblems(db, storeHash),
  ]);
  return {
    flows,
    problems: problems.map((p) => ({
      key: p.key,
      flow: p.flow,
      kind: p.kind,
      message: p.message,
      hint: p.hint,
      runId: p.runId,
      openedAt: p.openedAt,
      occurrences: p.occurrences,
    })),
  };
}

/** Switches a flow on, pauses or resumes it from the home page; the settings are left as they are. */
export async function switchFlow(storeHash: string, flow: FlowKey, state: { enabled?: boolean; paused?: boolean }): Promise<void> {
  await setFlowState((await getDatabase()).db, storeHash, flow, state);
}
