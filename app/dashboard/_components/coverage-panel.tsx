'use client';

import { Badge, Box, Button, Flex, Form, H2, Input, Message, Panel, Small, Table, Text } from '@bigcommerce/big-design';
import { useState, useTransition, type FormEvent } from 'react';
import { formatMoment } from '@/lib/activity/labels';
import type { CoverageReport, CoverageRow, CoverageState } from '@/lib/activity/coverage';
import { coverageAction, exportOrdersAction, type ActionResult } from '../../activity/_actions/activity';
import { ResultMessage } from '../../activity/_components/result-message';

const STATE: Record<CoverageState, { label: string; variant: 'success' | 'danger' | 'warning' | 'secondary' }> = {
  exported: { label: 'In AccountView', variant: 'success' },
  failed: { label: 'Failed', variant: 'danger' },
  missing: { label: 'Missing', variant: 'warning' },
  'not-due': { label: 'Not exported (status)', variant: 'secondary' },
};

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Every BigCommerce order of a period beside its AccountView document; gaps fixed in one click. */
export function CoveragePanel() {
  const today = new Date();
  const [from, setFrom] = useState(isoDay(new Date(today.getTime() - 7 * 86_400_000)));
  const [to, setTo] = useState(isoDay(today));
  const [report, setReport] = useState<CoverageReport>();
  const [problem, setProblem] = useState<string>();
  const [fixed, setFixed] = useState<ActionResult>();
  const [pending, startTransition] = useTransition();

  const check = (event?: FormEvent) => {
    event?.preventDefault();
    startTransition(async () => {
      const answer = await coverageAction(from, to);
      setFixed(undefined);
      if (answer.ok) {
        setReport(answer.report);
        setProblem(undefined);
      } else {
        setProblem(answer.message);
      }
    });
  };
  const exportIds = (ids: number[]) =>
    startTransition(async () => {
      setFixed(await exportOrdersAction(ids.join(' ')));
    });

  return (
    <Panel>
      <H2>Orders in AccountView</H2>
      <Text>Every BigCommerce order of a period with its AccountView document, so nothing is missing from the books.</Text>
      <Form fullWidth onSubmit={check} aria-label="Check orders of a period">
        <Flex flexDirection={{ mobile: 'column', tablet: 'row' }} flexGap="1rem" alignItems={{ mobile: 'stretch', tablet: 'flex-end' }}>
          <Box style={{ flex: 1 }}>
            <Input label="From" type="date" data-testid="coverage-from" value={from} onChange={(e) => setFrom(e.target.value)} />
          </Box>
          <Box style={{ flex: 1 }}>
            <Input label="Until" type="date" data-testid="coverage-to" value={to} onChange={(e) => setTo(e.target.value)} />
          </Box>
          <Button type="submit" data-testid="coverage-check" isLoading={pending}>
            Check orders
          </Button>
        </Flex>
      </Form>
      {problem ? (
        <Box marginTop="medium" role="status" data-testid="coverage-problem">
          <Message type="error" messages={[{ text: problem }]} />
        </Box>
      ) : null}
      {report ? <CoverageTable report={report} onExport={exportIds} pending={pending} /> : null}
      <ResultMessage result={fixed} testId="coverage-export-result" />
    </Panel>
  );
}

function CoverageTable({ report, onExport, pending }: { report: CoverageReport; onExport: (ids: number[]) => void; pending: boolean }) {
  const gaps = report.gaps;
  return (
    <Box marginTop="large">
      <Flex flexDirection={{ mobile: 'column', tablet: 'row' }} flexGap="0.75rem" alignItems={{ mobile: 'flex-start', tablet: 'center' }}>
        <Text margin="none" data-testid="coverage-summary">
          {report.rows.length} order{report.rows.length === 1 ? '' : 's'}, {gaps.length === 0 ? 'none missing' : `${gaps.length} not in AccountView`}.
        </Text>
        {gaps.length > 0 ? (
          <Button variant="secondary" data-testid="coverage-export-gaps" isLoading={pending} onClick={() => onExport(gaps)}>
            Export the {gaps.length} missing order{gaps.length === 1 ? '' : 's'}
          </Button>
        ) : null}
      </Flex>
      {report.truncated ? <Text color="warning">Only the newest {report.rows.length} orders are shown; choose a shorter period to see the rest.</Text> : null}
      <Table<CoverageRow>
        itemName="Orders"
        keyField="orderId"
        data-testid="coverage-table"
        items={report.rows}
        emptyComponent={<Text>BigCommerce has no orders in this period.</Text>}
        columns={[
          {
            header: 'Order',
            hash: 'order',
            render: (row) => (
              <Flex flexDirection="column" flexGap="0.25rem">
                <Text margin="none" bold>
                  #{row.orderId}
                </Text>
                <Small margin="none">{row.createdAt ? formatMoment(row.createdAt) : ''}</Small>
                <Small margin="none">
                  {row.status} · {row.currency} {row.total}
                </Small>
              </Flex>
            ),
          },
          {
            header: 'AccountView',
            hash: 'document',
            render: (row) => (
              <Flex flexDirection="column" flexGap="0.25rem" alignItems="flex-start">
                <Badge variant={STATE[row.state].variant} label={STATE[row.state].label} />
                {row.detail ? (
                  <Small margin="none" style={{ overflowWrap: 'anywhere' }}>
                    {row.detail}
                  </Small>
                ) : null}
                {row.state === 'missing' || row.state === 'failed' ? (
                  <Button variant="subtle" data-testid={`coverage-export-${row.orderId}`} onClick={() => onExport([row.orderId])}>
                    Export now
                  </Button>
                ) : null}
              </Flex>
            ),
          },
        ]}
      />
    </Box>
  );
}
