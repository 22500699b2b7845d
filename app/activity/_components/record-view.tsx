'use client';

import { Box, Flex, H1, H2, Message, Panel, Small, Text } from '@bigcommerce/big-design';
import { AppNav } from '@/components/app-nav';
import { FLOW_LABEL, formatMoment, TRIGGER_LABEL } from '@/lib/activity/labels';
import type { RecordView as Record, RunView } from '@/lib/activity/service';
import { OutcomeBadge } from './badges';
import { JsonBlock } from './json-block';
import { RetryButton } from './retry-button';
import { AppLink } from './app-link';

/** One record: what was read, what was sent, what came back, and for a failure why and what to do. */
export function RecordView({ record, run }: { record: Record; run: RunView }) {
  const failed = record.outcome === 'failed';
  return (
    <>
      <AppNav />
      <div>
        <Small>
          <AppLink href={`/activity/runs/${run.id}`}>← {FLOW_LABEL[run.flow]} run of {formatMoment(run.startedAt ?? run.queuedAt)}</AppLink>
        </Small>
        <H1>
          {record.entity} {record.sourceId}
        </H1>
        <Panel>
          <Flex flexDirection="column" flexGap="0.5rem">
            <Box data-testid="record-outcome">
              <OutcomeBadge outcome={record.outcome} />
            </Box>
            <Text margin="none">
              {TRIGGER_LABEL[run.trigger]} · {formatMoment(record.createdAt)}
            </Text>
            {record.targetRef ? (
              <Text margin="none" data-testid="record-target">
                Result in the other system: <strong>{record.targetRef}</strong>
              </Text>
            ) : null}
            {record.message && !failed ? <Text margin="none">{record.message}</Text> : null}
          </Flex>
          {failed ? (
            <Box marginTop="medium" data-testid="record-failure">
              <H2>Why it failed</H2>
              <Message
                type="error"
                messages={[{ text: record.message ?? 'The target system refused the record without a reason.' }, ...(record.hint ? [{ text: `How to fix it: ${record.hint}` }] : [])]}
              />
              <Box marginTop="medium">
                <RetryButton recordId={record.id} label="Retry this record" testId="retry-record" />
              </Box>
            </Box>
          ) : null}
        </Panel>
        <Panel>
          <H2>Details</H2>
          <JsonBlock title="Read from the source" value={record.source} testId="record-source" />
          <JsonBlock title="Sent to the target" value={record.sent} testId="record-sent" />
          <JsonBlock title="The target's answer" value={record.answer} testId="record-answer" />
        </Panel>
      </div>
    </>
  );
}
