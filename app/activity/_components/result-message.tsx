'use client';

import { Box, Message } from '@bigcommerce/big-design';
import type { ActionResult } from '../_actions/activity';

/** An action's answer, announced to screen readers as it appears. */
export function ResultMessage({ result, testId }: { result: ActionResult | undefined; testId: string }) {
  if (!result) return null;
  return (
    <Box marginTop="medium" data-testid={testId} role="status">
      <Message type={result.ok ? 'success' : 'error'} messages={[{ text: result.message }]} />
    </Box>
  );
}
