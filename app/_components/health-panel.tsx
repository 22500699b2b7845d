'use client';

import { Box, Button, H2, H3, Link, Message, Panel, Text } from '@bigcommerce/big-design';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { repairWebhooks } from '../_actions/repair-order-webhooks';
import type { HomeData } from '../page-data';
import { setFlowSwitch } from './flow-actions';
import { healthItems, type HealthItem } from './health-items';

/** The top of the home page: every connection or flow that stopped working, with the action that fixes it. */
export function HealthPanel({ data }: { data: HomeData }) {
  const items = healthItems(data);
  if (items.length === 0) return null;
  return (
    <Panel data-testid="health-panel">
      <H2>Needs your attention</H2>
      {items.map((item) => (
        <Box key={item.id} marginBottom="medium" data-testid={`health-${item.id}`}>
          {/* The title as a heading of its own: a Message header is an h4, which would skip a level under the h2. */}
          <H3 marginBottom="xSmall">{item.title}</H3>
          <Message type={item.severity} messages={[{ text: item.text }]} />
          <Box marginTop="xSmall">
            <Fix item={item} />
          </Box>
        </Box>
      ))}
    </Panel>
  );
}

function Fix({ item }: { item: HealthItem }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; message: string }>();
  const run = (action: () => Promise<{ ok: boolean; message?: string }>) =>
    startTransition(async () => {
      const outcome = await action();
      setResult(outcome.message ? { ok: outcome.ok, message: outcome.message } : undefined);
      if (outcome.ok) router.refresh();
    });
  const { action } = item;
  switch (action.kind) {
    case 'reconnect-accountview':
      return <Link href="#accountview">Reconnect AccountView (below)</Link>;
    case 'reinstall':
      return <Text margin="none">Nothing to click here: the fix is in the BigCommerce control panel.</Text>;
    case 'activity':
      return (
        <Link href={action.href} data-testid="problem-activity-link">
          Open the activity log
        </Link>
      );
    case 'repair-webhooks':
    case 'resume':
      return (
        <>
          <Button
            variant="secondary"
            isLoading={pending}
            data-testid={action.kind === 'resume' ? `resume-${action.flow}` : 'health-repair-webhooks'}
            onClick={() => run(() => (action.kind === 'resume' ? setFlowSwitch(action.flow, 'resume') : repairWebhooks()))}
          >
            {action.kind === 'resume' ? 'Resume' : 'Repair webhooks'}
          </Button>
          {result ? <Message type={result.ok ? 'success' : 'error'} messages={[{ text: result.message }]} /> : null}
        </>
      );
  }
}
