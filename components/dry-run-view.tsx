'use client';

import { Box, H3, Message, Small, Text } from '@bigcommerce/big-design';
import type { DryRun, DryRunRecord } from '@/lib/mapping-editor/dry-run';

const STATE: Record<DryRunRecord['before']['state'], string> = { sent: 'sent', failed: 'fails', skipped: 'skipped' };

function RecordChanges({ record }: { record: DryRunRecord }) {
  const stateChanged = record.before.state !== record.after.state;
  return (
    <Box marginBottom="medium" data-testid={`dry-run-record-${record.id}`}>
      <H3>{record.label}</H3>
      {stateChanged ? (
        <Text>
          Now {STATE[record.before.state]}; with your change it {STATE[record.after.state]}.
        </Text>
      ) : null}
      {record.after.state === 'failed' && record.after.message ? <Message type="error" messages={[{ text: `${record.after.message} ${record.after.hint ?? ''}`.trim() }]} /> : null}
      {record.changes.map((change) => (
        <Box key={change.path} marginBottom="xxSmall" style={{ overflowWrap: 'anywhere' }}>
          <Small as="span">{change.path.replace('.fields.', ' · ')}: </Small>
          <Text as="span">
            {change.before ?? '(not sent)'} → <strong>{change.after ?? '(not sent)'}</strong>
          </Text>
        </Box>
      ))}
    </Box>
  );
}

/** What the proposed change would do to the latest records, field by field. */
export function DryRunView({ result, noun }: { result: DryRun; noun: string }) {
  if (!result.ok) {
    const details = result.problems?.length ? result.problems.join('; ') : result.hint;
    return <Message type="error" messages={[{ text: result.reason }, { text: details }]} />;
  }
  const changed = result.records.filter((r) => r.changes.length > 0 || r.before.state !== r.after.state || r.before.message !== r.after.message);
  return (
    <Box data-testid="dry-run-result">
      <Message
        type={changed.length === 0 ? 'success' : 'info'}
        messages={[
          {
            text:
              changed.length === 0
                ? `None of the latest ${result.records.length} ${noun} would be sent differently.`
                : `${changed.length} of the latest ${result.records.length} ${noun} would be sent differently:`,
          },
        ]}
      />
      <Box marginTop="medium">
        {changed.map((record) => (
          <RecordChanges key={record.id} record={record} />
        ))}
      </Box>
    </Box>
  );
}
