'use client';

import { Flex, Small, Table, Text } from '@bigcommerce/big-design';
import { durationOf, FLOW_LABEL, formatMoment, TRIGGER_LABEL } from '@/lib/activity/labels';
import type { RunView } from '@/lib/activity/service';
import { RunCounts, RunStateBadge } from './badges';
import { AppLink } from './app-link';

/** Runs in three narrow columns, so the list fits the control panel's narrowest iframe. */
export function RunsTable({ runs }: { runs: RunView[] }) {
  return (
    <Table
      itemName="Runs"
      keyField="id"
      items={runs}
      data-testid="runs-table"
      emptyComponent={<Text>No runs match. Clear the filters or pick other dates.</Text>}
      columns={[
        {
          header: 'Run',
          hash: 'run',
          render: (run) => (
            <Flex flexDirection="column" flexGap="0.25rem">
              <AppLink href={`/activity/runs/${run.id}`} data-testid="run-link">
                {FLOW_LABEL[run.flow]}
              </AppLink>
              <Small margin="none">{TRIGGER_LABEL[run.trigger]}</Small>
            </Flex>
          ),
        },
        {
          header: 'Started',
          hash: 'started',
          render: (run) => (
            <Flex flexDirection="column" flexGap="0.25rem">
              <Text margin="none">{formatMoment(run.startedAt ?? run.queuedAt)}</Text>
              <Small margin="none">{durationOf(run.startedAt, run.endedAt)}</Small>
            </Flex>
          ),
        },
        {
          header: 'Records',
          hash: 'records',
          render: (run) => (
            <Flex flexDirection="column" flexGap="0.25rem" alignItems="flex-start">
              <RunStateBadge state={run.state} />
              <RunCounts run={run} />
            </Flex>
          ),
        },
      ]}
    />
  );
}
