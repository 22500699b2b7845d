'use client';

import { Box, Button, Flex, H2, Panel, Text } from '@bigcommerce/big-design';
import { useState, useTransition } from 'react';
import type { RecordPreview } from '@/lib/onboarding/order-preview';
import type { SetupFlow } from '@/lib/onboarding/progress';
import { testLatestArticle } from '../_actions/test-article';
import { testLatestOrder } from '../_actions/test-order';
import { RecordPreviewView } from './record-preview';

interface TestProps {
  title: string;
  text: string;
  button: string;
  testId: string;
  run: () => Promise<RecordPreview>;
}

/** One "test with a real record" block: runs the flow with writes captured and shows what it would send. */
function RecordTest({ title, text, button, testId, run }: TestProps) {
  const [preview, setPreview] = useState<RecordPreview>();
  const [pending, startTransition] = useTransition();
  return (
    <Panel>
      <H2>{title}</H2>
      <Text>{text} Nothing is sent and nothing is created.</Text>
      <Button
        data-testid={`test-${testId}`}
        isLoading={pending}
        onClick={() => {
          setPreview(undefined);
          startTransition(async () => setPreview(await run()));
        }}
      >
        {preview ? 'Test again' : button}
      </Button>
      {preview ? <RecordPreviewView preview={preview} testId={`${testId}-preview`} /> : null}
    </Panel>
  );
}

export function StepTest({ flows, onBack, onNext }: { flows: SetupFlow[]; onBack: () => void; onNext: () => void }) {
  const others = flows.filter((f) => f !== 'orders' && f !== 'products');
  return (
    <>
      {flows.includes('orders') ? (
        <Box marginBottom="large">
          <RecordTest
            title="Test with your latest order"
            text="The app runs your most recent order through the settings you chose and shows exactly what it would send to AccountView."
            button="Test with the latest order"
            testId="order"
            run={testLatestOrder}
          />
        </Box>
      ) : null}
      {flows.includes('products') ? (
        <Box marginBottom="large">
          <RecordTest
            title="Test with one article"
            text="The app runs the most recently changed AccountView article through the products flow and shows exactly what it would send to BigCommerce."
            button="Test with the latest article"
            testId="article"
            run={testLatestArticle}
          />
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
