'use client';

import { Box, Button, Form, FormGroup, H2, Input, Panel, Text } from '@bigcommerce/big-design';
import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { exportOrdersAction, importHistoryAction, type ActionResult } from '../_actions/activity';
import { ResultMessage } from './result-message';

/** Export chosen orders again, or import the order history from a date. */
export function OrderTools() {
  const router = useRouter();
  const [ids, setIds] = useState('');
  const [since, setSince] = useState('');
  const [exported, setExported] = useState<ActionResult>();
  const [imported, setImported] = useState<ActionResult>();
  const [pending, startTransition] = useTransition();

  const submitExport = (event: FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      setExported(await exportOrdersAction(ids));
      router.refresh();
    });
  };
  const submitHistory = (event: FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      setImported(await importHistoryAction(since));
      router.refresh();
    });
  };
  const fieldError = (result: ActionResult | undefined, field: string) => (result && !result.ok && result.field === field ? result.message : undefined);

  return (
    <Panel>
      <H2>Send orders again</H2>
      <Form fullWidth onSubmit={submitExport} aria-label="Export orders by number">
        <FormGroup>
          <Input
            label="Order numbers"
            description="One or more BigCommerce order numbers, separated by commas or spaces. An order already in AccountView is not sent twice."
            data-testid="export-order-ids"
            value={ids}
            onChange={(e) => setIds(e.target.value)}
            error={fieldError(exported, 'orderIds')}
          />
        </FormGroup>
        <Button type="submit" data-testid="export-orders" isLoading={pending}>
          Export these orders
        </Button>
      </Form>
      {exported?.ok ? <ResultMessage result={exported} testId="export-result" /> : null}
      <Box marginTop="xLarge">
        <Form fullWidth onSubmit={submitHistory} aria-label="Import order history">
          <FormGroup>
            <Input
              label="Import every order placed since"
              description="For orders from before the app was installed. Orders already in AccountView are skipped."
              type="date"
              data-testid="history-since"
              value={since}
              onChange={(e) => setSince(e.target.value)}
              error={fieldError(imported, 'since')}
            />
          </FormGroup>
          <Button type="submit" variant="secondary" data-testid="import-history" isLoading={pending}>
            Import history
          </Button>
        </Form>
        {imported?.ok ? <ResultMessage result={imported} testId="history-result" /> : null}
        {imported && !imported.ok && !imported.field ? <ResultMessage result={imported} testId="history-result" /> : null}
        {exported && !exported.ok && !exported.field ? <ResultMessage result={exported} testId="export-result" /> : null}
      </Box>
      <Text color="secondary60" marginTop="medium">
        The results appear in the activity log above as soon as the export has run.
      </Text>
    </Panel>
  );
}
