'use client';

import { Box, Button, Form, FormGroup, H1, Input, Panel, Small, Text } from '@bigcommerce/big-design';
import { useState, useTransition, type FormEvent } from 'react';
import { AppNav } from '@/components/app-nav';
import { saveRetentionAction, type ActionResult } from '../../../activity/_actions/activity';
import { ResultMessage } from '../../../activity/_components/result-message';
import { AppLink } from '../../../activity/_components/app-link';

export function RetentionForm({ retentionDays }: { retentionDays: number }) {
  const [days, setDays] = useState(String(retentionDays));
  const [result, setResult] = useState<ActionResult>();
  const [pending, startTransition] = useTransition();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    startTransition(async () => setResult(await saveRetentionAction(days)));
  };
  return (
    <>
      <AppNav />
      <div>
        <Small>
          <AppLink href="/settings">← Settings</AppLink>
        </Small>
        <H1>Activity log</H1>
        <Panel>
          <Text>
            The activity log keeps what every sync read and sent, including customers&apos; names, e-mail and postal addresses. It is deleted
            automatically after the period you choose here, so personal data is kept no longer than you need it.
          </Text>
          {/* noValidate: the app checks the number and says what is wrong at the field, in the same words everywhere. */}
          <Form fullWidth noValidate onSubmit={submit} aria-label="Activity log retention">
            <FormGroup>
              <Input
                label="Keep the log for (days)"
                description="Between 1 and 365 days. The default is 30."
                type="number"
                min={1}
                max={365}
                inputMode="numeric"
                data-testid="retention-days"
                value={days}
                onChange={(e) => setDays(e.target.value)}
                error={result && !result.ok ? result.message : undefined}
              />
            </FormGroup>
            <Box>
              <Button type="submit" data-testid="save-retention" isLoading={pending}>
                Save
              </Button>
            </Box>
          </Form>
          {result?.ok ? <ResultMessage result={result} testId="retention-result" /> : null}
        </Panel>
      </div>
    </>
  );
}
