'use client';

import { Badge, Box, Flex, H1, H2, Link, Panel, Text } from '@bigcommerce/big-design';
import { AppNav } from '@/components/app-nav';
import type { SetupFlow } from '@/lib/onboarding/progress';

export interface SettingsIndexData {
  flows: { flow: SetupFlow; enabled: boolean; paused: boolean; needsAttention: boolean }[];
  setupFinished: boolean;
}

const FLOWS: Record<SetupFlow, { title: string; text: string }> = {
  orders: { title: 'Orders to AccountView', text: 'Which orders, sales order or invoice, debtors, VAT codes, payment methods and terms, shipping and discount lines.' },
  products: { title: 'Products from AccountView', text: 'Which articles, prices and VAT, categories, what is kept updated.' },
  stock: { title: 'Stock from AccountView', text: 'How stock is calculated, tracking, location.' },
  customers: { title: 'Customers from AccountView', text: 'Addresses and customer group.' },
};

function StateBadge({ enabled, paused, needsAttention }: { enabled: boolean; paused: boolean; needsAttention: boolean }) {
  if (needsAttention) return <Badge variant="danger" label="Needs attention" />;
  if (!enabled) return <Badge variant="secondary" label="Off" />;
  return paused ? <Badge variant="warning" label="Paused" /> : <Badge variant="success" label="On" />;
}

/** The settings overview: one entry per flow, plus the pages other parts of the app add. */
export function SettingsIndex({ data }: { data: SettingsIndexData }) {
  return (
    <>
      <AppNav />
      {/* The panel of the active "Settings" tab: BigDesign's tab points at `settings-content` (aria-controls). */}
      <div>
      <H1>Settings</H1>
      {data.flows.map(({ flow, ...state }) => (
        <Box key={flow} marginBottom="medium">
          <Panel>
            <Flex alignItems="center" flexGap="0.75rem" flexWrap="wrap">
              <H2 margin="none">
                <Link href={`/settings/${flow}`} data-testid={`settings-link-${flow}`}>
                  {FLOWS[flow].title}
                </Link>
              </H2>
              <StateBadge {...state} />
            </Flex>
            <Text marginTop="small">{FLOWS[flow].text}</Text>
          </Panel>
        </Box>
      ))}
      <Box marginBottom="medium">
        <Panel>
          <H2>
            <Link href="/settings/notifications" data-testid="settings-link-notifications">
              Notifications
            </Link>
          </H2>
          <Text>Who is told when a flow fails, by e-mail or webhook, and the daily summary.</Text>
        </Panel>
      </Box>
      <Box marginBottom="medium">
        <Panel>
          <H2>
            <Link href="/settings/activity-log" data-testid="settings-link-activity-log">
              Activity log
            </Link>
          </H2>
          <Text>How long the activity log keeps records.</Text>
        </Panel>
      </Box>
      <Box marginBottom="medium">
        <Panel>
          <H2>
            <Link href="/setup" data-testid="settings-link-setup">
              Setup wizard
            </Link>
          </H2>
          <Text>{data.setupFinished ? 'Go through the setup steps again.' : 'Setup is not finished yet: continue where you stopped.'}</Text>
        </Panel>
      </Box>
      </div>
    </>
  );
}
