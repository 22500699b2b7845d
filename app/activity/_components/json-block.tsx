'use client';

import { Box, H3, Text } from '@bigcommerce/big-design';

/** Data as it went over the wire, readable and wrapping at any width. */
export function JsonBlock({ title, value, testId }: { title: string; value: unknown; testId: string }) {
  return (
    <Box marginBottom="large">
      <H3>{title}</H3>
      {value === null || value === undefined ? (
        <Text color="secondary60">Nothing was recorded.</Text>
      ) : (
        <Box
          as="pre"
          data-testid={testId}
          padding="small"
          backgroundColor="secondary10"
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: '0.8125rem', maxHeight: '24rem', overflowY: 'auto', margin: 0 }}
          tabIndex={0}
          aria-label={title}
        >
          {JSON.stringify(value, null, 2)}
        </Box>
      )}
    </Box>
  );
}
