'use client';

import { Box, Button, Flex, H2, Panel, Text } from '@bigcommerce/big-design';
import { useState, useTransition } from 'react';
import type { RecordPreview } from '@/lib/onboarding/order-preview';
import type { SetupFlow } from '@/lib/onboarding/progress';
import { testLatestOrder } from '../_actions/test-order';
import { RecordPreviewView } from './record-preview';

function OrderTest() {
  const [preview, setPreview] = useState<RecordPreview>();
  const [pending, startTransition] = useTransition();
  return (
    <Panel>
      <H2>Test with your latest order</H2>
      <Text>
        The app runs your most recent order through the settings you chose and shows exactly what it would send to AccountView.
        Nothing is sent and nothing is created.
      </Text>
      <Button
        data-testid="test-order"
        variant="secondary"
        isLoading={pending}
        onClick={() => {
          setPreview(undefined);
          startTransition(async () => setPreview(await testLatestOrder()));
        }}
      >
        {preview ? 'Test again' : 'Test with the latest order'}
      </Button>
      {preview ? <RecordPreviewView preview={preview} testId="order-preview" /> : null}
    </Panel>
  );
}

export function StepTest({ flows, onBack, onNext }: { flows: SetupFlow[]; onBack: () => void; onNext: () => void }) {
  const others = flows.filter((f) => f !== 'orders' && f !== 'products');
  return (
    <>
      {flows.includes('orders') ? (
        <Box marginBottom="large">
          <OrderTest />
        </Box>
      ) : null}
      {others.length > 0 ? (
        <Box marginBottom="large">
          <Text color="secondary60">
            {others.map((f) => f[0]?.toUpperCase() + f.slice(1)).join(' and ')}: no test needed; their first run only reads AccountView and
            writes what changed, and every record shows up in the activity log.
          </Text>
        </Box>
      ) : null}
      <Flex flexGap="0.5rem" flexWrap="wrap">
        <Button variant="secondary" onClick={onBack}>
          Back
        </Button>
        <Button data-testid="setup-next" onClick={onNext}>
          Continue
        </Button>
      </Flex>
    </>
  );
}
