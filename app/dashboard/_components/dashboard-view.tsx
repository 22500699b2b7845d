'use client';

import { Box, Flex, Grid, H1, H2, H3, Panel, Small, Text } from '@bigcommerce/big-design';
import { AppNav } from '@/components/app-nav';
import type { DashboardData } from '@/lib/activity/dashboard';
import { FLOW_LABEL, formatMoment } from '@/lib/activity/labels';
import { RetryButton } from '../../activity/_components/retry-button';
import { CoveragePanel } from './coverage-panel';
import { FlowChart } from './flow-chart';
import { AppLink } from '../../activity/_components/app-link';

type Flow = keyof typeof FLOW_LABEL;
const FLOWS = Object.keys(FLOW_LABEL) as Flow[];

export function DashboardView({ data }: { data: DashboardData }) {
  return (
    <>
      <AppNav />
      <div>
        <H1>Dashboard</H1>
        <Panel>
          <H2>Records per day</H2>
          <Grid gridColumns={{ mobile: '1fr', tablet: 'repeat(2, 1fr)' }} gridGap="1.5rem">
            {FLOWS.map((flow) => (
              <Box key={flow} data-testid={`flow-card-${flow}`}>
                <H3>{FLOW_LABEL[flow]}</H3>
                <FlowChart days={data.days} counts={data.perFlow[flow]} title={`${FLOW_LABEL[flow]}: records per day`} testId={`chart-${flow}`} />
                <Small data-testid={`last-success-${flow}`}>
                  {data.lastSuccess[flow] ? (
                    <>
                      Last successful sync:{' '}
                      <AppLink href={`/activity/runs/${data.lastSuccess[flow].runId}`}>{formatMoment(data.lastSuccess[flow].at)}</AppLink>
                    </>
                  ) : (
                    'No successful sync yet.'
                  )}
                </Small>
              </Box>
            ))}
          </Grid>
        </Panel>
        <Panel>
          <H2>Open failures</H2>
          {data.openFailures.length === 0 ? (
            <Text data-testid="no-open-failures">Nothing is waiting for you: every failed record has since gone through.</Text>
          ) : (
            <Flex flexDirection="column" flexGap="1rem" data-testid="open-failures">
              {data.openFailures.map((failure) => (
                <Box key={failure.id} paddingBottom="medium" borderBottom="box">
                  <AppLink href={`/activity/records/${failure.id}`}>
                    {FLOW_LABEL[failure.flow]}: {failure.entity} {failure.sourceId}
                  </AppLink>
                  <Small>{formatMoment(failure.createdAt)}</Small>
                  <Text margin="none" style={{ overflowWrap: 'anywhere' }}>
                    {failure.message}
                  </Text>
                  {failure.hint ? <Text color="secondary60">How to fix it: {failure.hint}</Text> : null}
                  <RetryButton recordId={failure.id} />
                </Box>
              ))}
              {data.moreFailures ? <AppLink href="/activity?outcome=failed">All runs with failures</AppLink> : null}
            </Flex>
          )}
        </Panel>
        <CoveragePanel />
      </div>
    </>
  );
}
