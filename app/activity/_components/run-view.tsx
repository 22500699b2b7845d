'use client';

import { Box, Button, Flex, H1, H2, Panel, Select, Small, Text } from '@bigcommerce/big-design';
import { useRouter } from 'next/navigation';
import { AppNav } from '@/components/app-nav';
import { durationOf, FLOW_LABEL, formatMoment, TRIGGER_LABEL } from '@/lib/activity/labels';
import type { RunPage } from '@/lib/activity/service';
import { RunCounts, RunStateBadge } from './badges';
import { RecordsTable } from './records-table';
import { RetryButton } from './retry-button';
import { AppLink } from './app-link';

const OUTCOMES = [
  { value: '', content: 'All records' },
  { value: 'failed', content: 'Failed' },
  { value: 'created', content: 'Created' },
  { value: 'updated', content: 'Updated' },
  { value: 'skipped', content: 'Skipped' },
];

export function RunView({ page, outcome }: { page: RunPage; outcome: string | undefined }) {
  const router = useRouter();
  const { run } = page;
  const base = `/activity/runs/${run.id}`;
  return (
    <>
      <AppNav />
      <div>
        <Small>
          <AppLink href="/activity">← Activity log</AppLink>
        </Small>
        <H1>{FLOW_LABEL[run.flow]}</H1>
        <Panel>
          <Flex flexDirection="column" flexGap="0.5rem">
            <RunStateBadge state={run.state} />
            <Text margin="none">
              {TRIGGER_LABEL[run.trigger]} · started {formatMoment(run.startedAt ?? run.queuedAt)} · took {durationOf(run.startedAt, run.endedAt)}
            </Text>
            <RunCounts run={run} />
            {run.summary ? <Text margin="none">{run.summary}</Text> : null}
            {run.error ? (
              <Text margin="none" color="danger" data-testid="run-error">
                {run.error}
              </Text>
            ) : null}
          </Flex>
          {run.failed > 0 ? (
            <Box marginTop="medium">
              <RetryButton runId={run.id} label={`Retry all ${run.failed} failed record${run.failed === 1 ? '' : 's'}`} testId="retry-run" />
            </Box>
          ) : null}
        </Panel>
        <Panel>
          <H2>Records</H2>
          <Box marginBottom="medium" style={{ maxWidth: '20rem' }}>
            <Select
              label="Show"
              options={OUTCOMES}
              value={outcome ?? ''}
              onOptionChange={(value) => router.push(value ? `${base}?outcome=${value}` : base)}
            />
          </Box>
          <RecordsTable records={page.records} testId="run-records" />
          {page.nextBefore ? (
            <Box marginTop="medium">
              <Button variant="secondary" onClick={() => router.push(`${base}?${new URLSearchParams({ ...(outcome ? { outcome } : {}), before: String(page.nextBefore) })}`)}>
                More records
              </Button>
            </Box>
          ) : null}
        </Panel>
      </div>
    </>
  );
}
