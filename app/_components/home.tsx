'use client';

import { Badge, Box, Flex, H1, H2, Message, Panel, Text } from '@bigcommerce/big-design';
import type { HomeData } from '../page-data';

export function Home({ data }: { data: HomeData }) {
  return (
    <>
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
      <Panel>
        <Flex alignItems="center" flexGap="0.75rem">
          <H2 margin="none">AccountView</H2>
          <Badge data-testid="accountview-status" variant="warning" label="Not connected" />
        </Flex>
        <Text marginTop="medium">
          AccountView is not connected yet. Once it is, orders from this store are booked in your AccountView
          administration, and products, stock and customers come back from it.
        </Text>
      </Panel>
    </>
  );
}
