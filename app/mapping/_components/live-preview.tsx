'use client';

import { Box, H2, Message, Panel, ProgressCircle, Text } from '@bigcommerce/big-design';
import type { LivePreview } from '@/lib/mapping-editor/editor';
import { SentView } from './sent-view';

/** The proposed mapping on the sample record: what would be sent, or the error and its fix. */
export function LivePreviewPanel({ preview, pending, sampleLabel }: { preview: LivePreview | undefined; pending: boolean; sampleLabel: string }) {
  return (
    <Panel>
      <Box marginBottom="small" style={{ display: 'flex', alignItems: 'center', gap: '0.5rem' }}>
        <H2 margin="none">Preview on {sampleLabel}</H2>
        {pending ? <ProgressCircle size="xSmall" aria-label="Updating the preview" /> : null}
      </Box>
      <Text>Runs the mapping on this real record as you type. Nothing is sent.</Text>
      <Box data-testid="live-preview" aria-live="polite">
        {!preview ? null : preview.ok ? (
          preview.record.state === 'failed' ? (
            <Message type="error" messages={[{ text: preview.record.message ?? 'This record would fail.' }, { text: preview.record.hint ?? 'Correct the field named above.' }]} />
          ) : (
            <>
              {preview.record.message ? <Text>{preview.record.message}</Text> : null}
              <SentView sent={preview.record.sent} testId="preview-sent" />
            </>
          )
        ) : (
          <Message type="error" messages={[{ text: preview.reason }, { text: preview.hint }]} />
        )}
      </Box>
    </Panel>
  );
}
