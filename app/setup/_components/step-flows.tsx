'use client';

import { Box, Button, Checkbox, Flex, H2, Message, Panel, Text } from '@bigcommerce/big-design';
import { useState, useTransition } from 'react';
import type { SetupFlow } from '@/lib/onboarding/progress';
import { chooseSetupFlows } from '../_actions/choose-flows';
import { FLOW_TEXT } from './flow-names';
import { showSavedStep } from './reload';

const ALL: SetupFlow[] = ['orders', 'products', 'stock', 'customers'];

export function StepFlows({ chosen, onBack }: { chosen: SetupFlow[]; onBack: () => void }) {
  // A first visit starts with orders ticked: it is why most merchants install the app.
  const [flows, setFlows] = useState<SetupFlow[]>(chosen.length > 0 ? chosen : ['orders']);
  const [problem, setProblem] = useState<string>();
  const [pending, startTransition] = useTransition();
  const toggle = (flow: SetupFlow, on: boolean) => setFlows((now) => (on ? [...now, flow] : now.filter((f) => f !== flow)));

  return (
    <Panel>
      <H2>What should the app keep in step?</H2>
      <Text>You can switch each of these on or off later under Settings.</Text>
      {ALL.map((flow) => (
        <Box key={flow} marginTop="medium">
          <Checkbox
            data-testid={`flow-${flow}`}
            label={FLOW_TEXT[flow].title}
            description={FLOW_TEXT[flow].description}
            checked={flows.includes(flow)}
            onChange={(event) => toggle(flow, event.target.checked)}
          />
        </Box>
      ))}
      {problem ? (
        <Box marginTop="medium">
          <Message type="error" messages={[{ text: problem }]} />
        </Box>
      ) : null}
      <Flex marginTop="large" flexGap="0.5rem" flexWrap="wrap">
        <Button variant="secondary" onClick={onBack}>
          Back
        </Button>
        <Button
          data-testid="setup-next"
          isLoading={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await chooseSetupFlows(flows);
              if (result.ok) showSavedStep();
              else setProblem(result.message);
            })
          }
        >
          Continue
        </Button>
      </Flex>
    </Panel>
  );
}
