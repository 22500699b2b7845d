'use client';

import { Flex, Small, Table, Text } from '@bigcommerce/big-design';
import { FLOW_LABEL, formatMoment } from '@/lib/activity/labels';
import type { RecordView } from '@/lib/activity/service';
import { OutcomeBadge } from './badges';
import { AppLink } from './app-link';

/** Records with their outcome and, for a failure, the reason; each opens its detail view. */
export function RecordsTable({ records, testId, showFlow = false }: { records: RecordView[]; testId: string; showFlow?: boolean }) {
  return (
    <Table
      itemName="Records"
      keyField="id"
      items={records}
      data-testid={testId}
      emptyComponent={<Text>No records match.</Text>}
      columns={[
        {
          header: 'Record',
          hash: 'record',
          render: (record) => (
            <Flex flexDirection="column" flexGap="0.25rem">
              <AppLink href={`/activity/records/${record.id}`} data-testid="record-link">
                {record.entity} {record.sourceId}
              </AppLink>
              <Small margin="none">
                {showFlow ? `${FLOW_LABEL[record.flow]} · ` : ''}
                {formatMoment(record.createdAt)}
              </Small>
            </Flex>
          ),
        },
        {
          header: 'Outcome',
          hash: 'outcome',
          render: (record) => (
            <Flex flexDirection="column" flexGap="0.25rem" alignItems="flex-start">
              <OutcomeBadge outcome={record.outcome} />
              {record.targetRef ? <Small margin="none">→ {record.targetRef}</Small> : null}
              {record.outcome === 'failed' && record.message ? (
                <Small margin="none" style={{ overflowWrap: 'anywhere' }}>
                  {record.message}
                </Small>
              ) : null}
            </Flex>
          ),
        },
      ]}
    />
  );
}
