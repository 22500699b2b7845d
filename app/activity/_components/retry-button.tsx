'use client';

import { Box, Button } from '@bigcommerce/big-design';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { retryRecordAction, retryRunAction, type ActionResult } from '../_actions/activity';
import { ResultMessage } from './result-message';

/** One click: retries a failed record, or every failed record of a run; then shows what happens next. */
export function RetryButton(props: { recordId: number; label?: string; testId?: string } | { runId: string; label?: string; testId?: string }) {
  const [result, setResult] = useState<ActionResult>();
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const testId = props.testId ?? ('recordId' in props ? `retry-record-${props.recordId}` : 'retry-run');
  return (
    <Box>
      <Button
        data-testid={testId}
        variant="secondary"
        isLoading={pending}
        onClick={() =>
          startTransition(async () => {
            const answer = 'recordId' in props ? await retryRecordAction(props.recordId) : await retryRunAction(props.runId);
            setResult(answer);
            router.refresh();
          })
        }
      >
        {props.label ?? 'Retry'}
      </Button>
      <ResultMessage result={result} testId={`${testId}-result`} />
    </Box>
  );
}
