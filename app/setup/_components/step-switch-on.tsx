'use client';

import { Box, Button, Flex, H2, H3, Message, Panel, Text } from '@bigcommerce/big-design';
import { showSavedStep } from './reload';
import { useTransition } from 'react';
import type { SetupFlow } from '@/lib/onboarding/progress';
import { switchOnSetup } from '../_actions/switch-on';
import { FLOW_TEXT } from './flow-names';

export function StepSwitchOn({ flows, done, onBack }: { flows: SetupFlow[]; done: boolean; onBack: () => void }) {
  const [pending, startTransition] = useTransition();
  return (
    <Panel>
      <H2>Switch on</H2>
      {done ? (
        <Box marginBottom="medium" data-testid="setup-done">
          <H3>The connection is on</H3>
          <Message type="success" messages={[{ text: 'Everything below runs by itself now. Change it any time under Settings.' }]} />
        </Box>
      ) : (
        <Text>These start as soon as you switch on:</Text>
      )}
      <ul>
        {flows.map((f) => (
          <li key={f}>
            <Text as="span" bold>
              {FLOW_TEXT[f].title}
            </Text>
            {' — '}
            {FLOW_TEXT[f].description}
          </li>
        ))}
      </ul>
      <Flex marginTop="medium" flexGap="0.5rem" flexWrap="wrap">
        {done ? (
          <Button data-testid="setup-home" onClick={() => window.location.assign('/')}>
            Go to the overview
          </Button>
        ) : (
          <>
            <Button variant="secondary" onClick={onBack}>
              Back
            </Button>
            <Button
              data-testid="switch-on"
              isLoading={pending}
              onClick={() =>
                startTransition(async () => {
                  await switchOnSetup();
                  showSavedStep();
                })
              }
            >
              Switch on
            </Button>
          </>
        )}
      </Flex>
    </Panel>
  );
}
