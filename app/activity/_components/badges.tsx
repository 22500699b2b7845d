'use client';

import { Badge, Flex, Small } from '@bigcommerce/big-design';
import { OUTCOME_LABEL } from '@/lib/activity/labels';
import type { RunView } from '@/lib/activity/service';

type Outcome = keyof typeof OUTCOME_LABEL;
const OUTCOME_VARIANT = { created: 'success', updated: 'primary', skipped: 'secondary', failed: 'danger' } as const;

export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  return <Badge variant={OUTCOME_VARIANT[outcome]} label={OUTCOME_LABEL[outcome]} />;
}

const STATE = {
  queued: { label: 'Waiting', variant: 'secondary' },
  running: { label: 'Running', variant: 'primary' },
  success: { label: 'Done', variant: 'success' },
  partial: { label: 'Done with failures', variant: 'warning' },
  failed: { label: 'Failed', variant: 'danger' },
} as const;

export function RunStateBadge({ state }: { state: RunView['state'] }) {
  return <Badge variant={STATE[state].variant} label={STATE[state].label} />;
}

/** "3 created · 1 updated · 0 skipped · 1 failed", with the failures standing out. */
export function RunCounts({ run }: { run: Pick<RunView, 'created' | 'updated' | 'skipped' | 'failed'> }) {
  return (
    <Flex flexWrap="wrap" flexColumnGap="0.5rem">
      <Small margin="none">{run.created} created</Small>
      <Small margin="none">{run.updated} updated</Small>
      <Small margin="none">{run.skipped} skipped</Small>
      <Small margin="none" color={run.failed > 0 ? 'danger' : undefined} bold={run.failed > 0}>
        {run.failed} failed
      </Small>
    </Flex>
  );
}
