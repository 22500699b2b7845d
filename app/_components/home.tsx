'use client';

import { Box, H1, Message, Text } from '@bigcommerce/big-design';
import { AppNav } from '@/components/app-nav';
import type { HomeData } from '../page-data';
import { AccountViewPanel } from './accountview-panel';
import { HealthPanel } from './health-panel';
import { OrdersPanel } from './orders-panel';

export function Home({ data }: { data: HomeData }) {
  return (
    <>
      <AppNav />
      {/* The content of the active "Overview" tab: AppNav's tab points at it with aria-controls. */}
      <div>
        <Box marginBottom="large">
          <H1 data-testid="greeting">Welcome, {data.storeName ?? `store ${data.storeHash}`}</H1>
          <Text color="secondary60">
            Signed in as {data.userEmail}
            {data.isOwner ? ' (store owner)' : ''}
          </Text>
        </Box>
        {data.storeProblem ? (
          <Box marginBottom="large">
            <Message type="warning" messages={[{ text: data.storeProblem }]} />
          </Box>
        ) : null}
        <HealthPanel data={data} />
        <Box marginTop="large" id="accountview">
          <AccountViewPanel data={data.accountView} />
        </Box>
        <Box marginTop="large" id="orders">
          <OrdersPanel data={data.orders} />
        </Box>
      </div>
    </>
  );
}
