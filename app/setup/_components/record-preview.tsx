'use client';

import { Box, H3, H4, Message, Table, Text } from '@bigcommerce/big-design';
import type { RecordPreview, ShownWrite } from '@/lib/onboarding/order-preview';

const OBJECT_NAMES: Record<string, string> = {
  SO1: 'Sales order (SO1)',
  DJ2: 'Sales invoice (DJ2)',
  AR1: 'Debtor (AR1)',
  ADDR: 'Delivery address (ADDR)',
};

const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));

function WriteView({ write, index }: { write: ShownWrite; index: number }) {
  const header = Object.entries(write.fields).map(([field, value]) => ({ field, value: show(value) }));
  const lineColumns = [...new Set(write.lines.flatMap((l) => Object.keys(l)))];
  return (
    <Box marginTop="medium" data-testid={`preview-write-${index}`}>
      <H4>
        {write.kind === 'insert' ? 'New' : 'Update'}: {OBJECT_NAMES[write.businessObject] ?? write.businessObject}
      </H4>
      <Box style={{ overflowX: 'auto' }}>
        <Table
          headerless
          columns={[
            { header: 'Field', hash: 'field', render: ({ field }) => <code>{field}</code> },
            { header: 'Value', hash: 'value', render: ({ value }) => value },
          ]}
          items={header}
        />
      </Box>
      {write.lines.length > 0 ? (
        <Box marginTop="small" style={{ overflowX: 'auto' }} tabIndex={0} aria-label="Document lines">
          <Table
            columns={lineColumns.map((c) => ({ header: c, hash: c, render: (line: Record<string, unknown>) => show(line[c]) }))}
            items={write.lines}
          />
        </Box>
      ) : null}
    </Box>
  );
}

/** Exactly what the flow would send for one real record, field by field; nothing was sent. */
export function RecordPreviewView({ preview, testId }: { preview: RecordPreview; testId: string }) {
  if (!preview.ok) {
    return (
      <Box marginTop="medium" data-testid={testId}>
        <H3>{preview.message}</H3>
        <Message type="warning" messages={[{ text: preview.hint }]} />
      </Box>
    );
  }
  const failed = preview.outcome === 'failed';
  return (
    <Box marginTop="medium" data-testid={testId}>
      {/* A heading of our own: BigDesign's message header is an h4, which would skip a level after the panel's h2. */}
      <H3>{failed ? `Testing ${preview.label} found a problem` : `This is what ${preview.label} would send. Nothing was sent.`}</H3>
      <Message
        type={failed ? 'error' : 'success'}
        messages={[{ text: [preview.message, preview.hint].filter(Boolean).join(' ') || `${preview.writes.length} record(s) would be written.` }]}
      />
      {preview.writes.length === 0 && !failed ? <Text marginTop="small">Nothing would be written for this record.</Text> : null}
      {preview.writes.map((w, i) => (
        <WriteView key={i} write={w} index={i} />
      ))}
    </Box>
  );
}
