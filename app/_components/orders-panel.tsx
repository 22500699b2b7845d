'use client';

import { Badge, Box, Button, Flex, H2, Message, Panel, Text } from '@bigcommerce/big-design';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { repairWebhooks, type RepairResult } from '../_actions/repair-order-webhooks';
import type { HomeData } from '../page-data';
import { setFlowSwitch, type FlowSwitchAction } from './flow-actions';

const SWITCH: Record<'off' | 'on' | 'paused', { action: FlowSwitchAction; label: string }> = {
  off: { action: 'switch-on', label: 'Switch on' },
  on: { action: 'pause', label: 'Pause' },
  paused: { action: 'resume', label: 'Resume' },
};

export function OrdersPanel({ data }: { data: HomeData['orders'] }) {
  const [result, setResult] = useState<RepairResult>();
  const [pending, startTransition] = useTransition();
  const [switching, startSwitch] = useTransition();
  const router = useRouter();
  const toggle = SWITCH[data.paused ? 'paused' : data.enabled ? 'on' : 'off'];
  const badge = data.paused
    ? { label: 'Paused', variant: 'warning' as const }
    : data.enabled
      ? { label: 'On', variant: 'success' as const }
      : { label: 'Off', variant: 'secondary' as const };
  return (
    <Panel>
      <Flex alignItems="center" flexGap="0.75rem" marginBottom="medium">
        <H2 margin="none">Orders to AccountView</H2>
        <Badge data-testid="orders-status" variant={badge.variant} label={badge.label} />
      </Flex>
      <Text>
        BigCommerce tells the app about new orders, status changes and refunds through webhooks; every 15 minutes
        the app also checks for orders it missed and turns switched-off webhooks back on.
        {data.webhooksCheckedAt ? ` Webhooks last checked ${data.webhooksCheckedAt}.` : ''}
      </Text>
      {data.webhookProblem ? <Message type="warning" messages={[{ text: data.webhookProblem }]} /> : null}
      <Flex marginTop="medium" flexGap="0.75rem" flexWrap="wrap">
        <Button
          data-testid="orders-switch"
          variant={toggle.action === 'pause' ? 'secondary' : 'primary'}
          isLoading={switching}
          onClick={() =>
            startSwitch(async () => {
              await setFlowSwitch('orders', toggle.action);
              router.refresh();
            })
          }
        >
          {toggle.label}
        </Button>
        <Button
          data-testid="repair-webhooks"
          variant="secondary"
          isLoading={pending}
          onClick={() => startTransition(async () => setResult(await repairWebhooks()))}
        >
          Repair webhooks
        </Button>
      </Flex>
      {result ? (
        <Box marginTop="medium" data-testid="repair-result">
          <Message type={result.ok ? 'success' : 'error'} messages={[{ text: result.message }]} />
        </Box>
      ) : null}
    </Panel>
  );
}
