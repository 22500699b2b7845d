'use client';

import { Box, Button, H1, H2, Panel, Text } from '@bigcommerce/big-design';
import { useRouter } from 'next/navigation';
import { AppNav } from '@/components/app-nav';
import type { ActivityQuery } from '@/lib/activity/requests';
import type { ActivityPage } from '@/lib/activity/service';
import { ActivityFilters } from './activity-filters';
import { OrderTools } from './order-tools';
import { RecordsTable } from './records-table';
import { RunsTable } from './runs-table';

export function ActivityView({ page, query, problem }: { page: ActivityPage; query: ActivityQuery; problem?: string }) {
  const router = useRouter();
  const nextPage = () => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value && key !== 'after') params.set(key, value);
    if (page.next) params.set('after', page.next);
    router.push(`/activity?${params}`);
  };
  return (
    <>
      <AppNav />
      <div>
        <H1>Activity log</H1>
        <Text>Every sync run and every record it touched: what was read, what was sent, what came back.</Text>
        <Panel>
          <ActivityFilters query={query} />
          {problem ? (
            <Text color="danger" marginTop="medium">
              {problem}
            </Text>
          ) : null}
        </Panel>
        {page.matches ? (
          <Panel>
            <H2>Records matching “{query.q}”</H2>
            <RecordsTable records={page.matches} testId="search-results" showFlow />
            {page.matches.length === 0 ? (
              <Text marginTop="small">Nothing in the log matches. Search an order number (1001), a SKU or an e-mail address, or its start.</Text>
            ) : null}
          </Panel>
        ) : null}
        <Panel>
          <H2>Runs</H2>
          <RunsTable runs={page.runs} />
          <Box marginTop="medium">
            {query.after ? (
              <Button variant="subtle" onClick={() => router.push('/activity')}>
                Back to the newest
              </Button>
            ) : null}
            {page.next ? (
              <Button variant="secondary" data-testid="next-page" onClick={nextPage}>
                Older runs
              </Button>
            ) : null}
          </Box>
        </Panel>
        <OrderTools />
      </div>
    </>
  );
}
