'use client';

import { Box, Button, Checkbox, Flex, Form, FormGroup, H1, Input, Message, Panel, Text, Textarea } from '@bigcommerce/big-design';
import { useState, useTransition } from 'react';
import { AppNav } from '@/components/app-nav';
import { saveNotifications, sendTestMessage, type FieldErrors, type NotificationsInput, type TestLine } from './actions';

type Outcome = { kind: 'saved' } | { kind: 'tested'; lines: TestLine[] } | undefined;

export function NotificationsForm({ initial, saved, mailConfigured }: { initial: NotificationsInput; saved: boolean; mailConfigured: boolean }) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [outcome, setOutcome] = useState<Outcome>();
  const [saving, startSave] = useTransition();
  const [testing, startTest] = useTransition();
  const change = <K extends keyof NotificationsInput>(key: K, value: NotificationsInput[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
    setOutcome(undefined);
  };

  const save = () =>
    startSave(async () => {
      const result = await saveNotifications(values);
      setErrors(result.ok ? {} : result.errors);
      setOutcome(result.ok ? { kind: 'saved' } : undefined);
    });
  const test = () =>
    startTest(async () => {
      const result = await sendTestMessage(values);
      if (!result.ok) {
        setErrors(result.errors);
        setOutcome(undefined);
        return;
      }
      setErrors({});
      setOutcome('lines' in result ? { kind: 'tested', lines: result.lines } : { kind: 'saved' });
    });

  return (
    <>
      <AppNav />
      {/* The content of the active "Settings" tab: AppNav's tab points at it with aria-controls. */}
      <div>
        <Box marginBottom="large">
          <H1>Notifications</H1>
          <Text color="secondary60">
            When a synchronisation fails or records cannot be sent, you are told once, with what to do about it, and
            once more when it works again.
          </Text>
        </Box>
        {!mailConfigured ? (
          <Box marginBottom="medium">
            <Message
              type="warning"
              messages={[{ text: 'This installation of the app has no mail server set up, so no e-mail can be sent. A Slack or Teams webhook still works; for e-mail, ask whoever runs the app to set SMTP_URL.' }]}
            />
          </Box>
        ) : null}
        <Panel>
          <Form
            fullWidth
            onSubmit={(event) => {
              event.preventDefault();
              save();
            }}
          >
            <FormGroup>
              <Textarea
                data-testid="recipients"
                label="E-mail addresses"
                description={
                  saved
                    ? 'Who is told. Separate several addresses with commas or new lines (at most 10).'
                    : 'Until you save this page, the store owner’s address is used. Separate several addresses with commas or new lines (at most 10).'
                }
                rows={3}
                value={values.recipients}
                error={errors.recipients}
                onChange={(event) => change('recipients', event.target.value)}
              />
            </FormGroup>
            <FormGroup>
              <Input
                data-testid="webhook-url"
                label="Slack or Teams webhook (optional)"
                description="The https:// address of an incoming webhook; messages are posted to that channel too."
                type="url"
                inputMode="url"
                placeholder="https://hooks.slack.com/services/…"
                value={values.webhookUrl}
                error={errors.webhookUrl}
                onChange={(event) => change('webhookUrl', event.target.value)}
              />
            </FormGroup>
            <FormGroup>
              <Checkbox
                data-testid="daily-summary"
                label="Send a daily summary"
                description="Every morning around 08:00: what was synchronised in the last 24 hours and what still needs attention."
                checked={values.dailySummary}
                onChange={(event) => change('dailySummary', event.target.checked)}
              />
            </FormGroup>
            <Flex flexDirection={{ mobile: 'column', tablet: 'row' }} flexGap="0.75rem">
              <Button data-testid="save-notifications" type="submit" isLoading={saving} disabled={testing}>
                Save
              </Button>
              <Button data-testid="send-test" type="button" variant="secondary" isLoading={testing} disabled={saving} onClick={test}>
                Save and send a test message
              </Button>
            </Flex>
          </Form>
          <div aria-live="polite" data-testid="notifications-outcome">
            {outcome?.kind === 'saved' ? (
              <Box marginTop="medium">
                <Message type="success" messages={[{ text: 'Saved.' }]} />
              </Box>
            ) : null}
            {outcome?.kind === 'tested'
              ? outcome.lines.map((line) => (
                  <Box marginTop="medium" key={line.channel} data-testid={`test-${line.channel}`}>
                    <Message type={line.ok ? 'success' : 'error'} messages={[{ text: line.text }]} />
                  </Box>
                ))
              : null}
          </div>
        </Panel>
      </div>
    </>
  );
}
