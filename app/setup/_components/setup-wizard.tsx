'use client';

import { Box, Button, Flex, H1, Message, Text } from '@bigcommerce/big-design';
import { showSavedStep } from './reload';
import { useState, useTransition } from 'react';
import { AccountViewPanel } from '../../_components/accountview-panel';
import { goToSetupStep } from '../_actions/go-to-step';
import { setUpLater } from '../_actions/set-up-later';
import type { SetupData } from '../page-data';
import { StepFlows } from './step-flows';
import { StepQuestions } from './step-questions';
import { StepSwitchOn } from './step-switch-on';
import { StepTest } from './step-test';

const STEPS = [
  { id: 'connect', title: 'Connect AccountView' },
  { id: 'flows', title: 'Choose what to sync' },
  { id: 'questions', title: 'A few questions' },
  { id: 'test', title: 'Test with real data' },
  { id: 'switch-on', title: 'Switch on' },
] as const;

/**
 * The steps as an ordered list: BigDesign's Stepper draws an unnamed progress bar and low-contrast
 * labels that fail the accessibility check, and wraps badly in a 375 px iframe.
 */
function StepList({ current }: { current: number }) {
  return (
    <Box as="nav" aria-label="Setup steps" marginBottom="large" data-testid="setup-stepper">
      <ol style={{ display: 'flex', flexWrap: 'wrap', gap: '0.25rem 1.25rem', listStyle: 'none', margin: 0, padding: 0 }}>
        {STEPS.map((s, i) => (
          <li key={s.id} aria-current={i === current ? 'step' : undefined}>
            <Text as="span" bold={i === current} color={i === current ? 'primary60' : 'secondary70'}>
              {i < current ? '✓ ' : `${i + 1}. `}
              {s.title}
            </Text>
          </li>
        ))}
      </ol>
    </Box>
  );
}

/** The onboarding wizard: one step at a time; every step change is saved, so a merchant who leaves comes back here. */
export function SetupWizard({ data }: { data: SetupData }) {
  const [problem, setProblem] = useState<string>();
  const [pending, startTransition] = useTransition();
  const current = Math.max(0, STEPS.findIndex((s) => s.id === data.progress.step));
  const step = data.progress.step === 'done' ? 'switch-on' : data.progress.step;

  const go = (target: (typeof STEPS)[number]['id']) =>
    startTransition(async () => {
      setProblem(undefined);
      const result = await goToSetupStep(target);
      if (result.ok) showSavedStep();
      else setProblem(result.message);
    });

  return (
    <>
      <Box marginBottom="large">
        <H1 data-testid="greeting">Welcome, {data.storeName}</H1>
        <Text color="secondary60">
          Signed in as {data.userEmail}
          {data.isOwner ? ' (store owner)' : ''}. Let us set up the connection with AccountView: it takes a few minutes.
        </Text>
      </Box>
      <StepList current={current} />
      <Text data-testid="setup-step" marginBottom="medium" color="secondary60">
        Step {current + 1} of {STEPS.length}: {STEPS[current]?.title}
      </Text>
      {problem ? (
        <Box marginBottom="medium">
          <Message type="error" messages={[{ text: problem }]} />
        </Box>
      ) : null}
      {step === 'connect' ? (
        <>
          <AccountViewPanel data={data.accountView} />
          <Flex marginTop="large" flexGap="0.5rem" flexWrap="wrap">
            <Button data-testid="setup-next" disabled={data.accountView.state !== 'connected'} isLoading={pending} onClick={() => go('flows')}>
              Continue
            </Button>
          </Flex>
          {data.accountView.state !== 'connected' ? (
            <Text marginTop="small" color="secondary60">
              Continue becomes available once AccountView is connected and the administration is chosen.
            </Text>
          ) : null}
        </>
      ) : null}
      {step === 'flows' ? <StepFlows chosen={data.progress.flows} onBack={() => go('connect')} /> : null}
      {step === 'questions' ? (
        <StepQuestions flows={data.progress.flows} answers={data.answers} orderStatuses={data.orderStatuses} taxClasses={data.taxClasses} onBack={() => go('flows')} />
      ) : null}
      {step === 'test' ? <StepTest flows={data.progress.flows} onBack={() => go('questions')} onNext={() => go('switch-on')} /> : null}
      {step === 'switch-on' ? <StepSwitchOn flows={data.progress.flows} done={data.progress.step === 'done'} onBack={() => go('test')} /> : null}
      {data.progress.step !== 'done' ? (
        <Box marginTop="xLarge">
          <Button
            data-testid="setup-later"
            variant="subtle"
            onClick={() =>
              startTransition(async () => {
                await setUpLater();
                window.location.assign('/');
              })
            }
          >
            Set up later
          </Button>
          <Text color="secondary60">Your answers are kept; Settings leads back to this wizard.</Text>
        </Box>
      ) : null}
    </>
  );
}
