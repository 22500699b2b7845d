'use client';

import { Box, H3, Small, Text } from '@bigcommerce/big-design';
import { flatten } from '@/lib/mapping-editor/diff';

/** What would be sent, record by record, as field → value rows (narrow enough for the control panel's side). */
export function SentView({ sent, testId }: { sent: Record<string, unknown>; testId?: string }) {
  const labels = Object.keys(sent);
  if (labels.length === 0) return <Text>Nothing would be sent.</Text>;
  return (
    <Box data-testid={testId}>
      {labels.map((label) => (
        <Box key={label} marginBottom="medium">
          <H3>{label}</H3>
          {[...flatten(sent[label])].map(([path, value]) => (
            <Box key={path} marginBottom="xxSmall" style={{ overflowWrap: 'anywhere' }}>
              <Small as="span">{path.replace(/^fields\./, '')}: </Small>
              <Text as="span" data-field={path}>
                {value}
              </Text>
            </Box>
          ))}
        </Box>
      ))}
    </Box>
  );
}
