'use client';

import { Badge, Box, Button, Flex, H2, Message, Panel, Select, Text } from '@bigcommerce/big-design';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { chooseAccountViewCompany } from '../_actions/choose-accountview-company';
import { disconnectAccountView } from '../_actions/disconnect-accountview';
import { getAccountViewState } from '../_actions/get-accountview-state';
import { startAccountViewConnect } from '../_actions/start-accountview-connect';
import { testAccountViewConnection, type TestConnectionResult } from '../_actions/test-accountview-connection';
import type { AccountViewPanelData } from '../page-data';

const BADGES = {
  'not-configured': { label: 'Not available', variant: 'secondary' },
  'not-connected': { label: 'Not connected', variant: 'warning' },
  'needs-reconnect': { label: 'Needs attention', variant: 'danger' },
  'choose-company': { label: 'Choose administration', variant: 'warning' },
  connected: { label: 'Connected', variant: 'success' },
} as const;

export function AccountViewPanel({ data }: { data: AccountViewPanelData }) {
  const badge = BADGES[data.state];
  return (
    <Panel>
      <Flex alignItems="center" flexGap="0.75rem" marginBottom="medium">
        <H2 margin="none">AccountView</H2>
        <Badge data-testid="accountview-status" variant={badge.variant} label={badge.label} />
      </Flex>
      {data.state === 'not-configured' ? (
        <Text>This installation of the app has no AccountView.net registration yet. Please contact support.</Text>
      ) : null}
      {data.state === 'not-connected' ? (
        <>
          <Text>
            AccountView is not connected yet. Once it is, orders from this store are booked in your AccountView
            administration, and products, stock and customers come back from it.
          </Text>
          <ConnectButton label="Connect AccountView" />
        </>
      ) : null}
      {data.state === 'needs-reconnect' ? (
        <>
          <Message type="error" header="AccountView stopped accepting the connection" messages={[{ text: data.problem }]} />
          <ConnectButton label="Reconnect AccountView" />
        </>
      ) : null}
      {data.state === 'choose-company' ? <ChooseCompany data={data} /> : null}
      {data.state === 'connected' ? <Connected company={data.company} /> : null}
    </Panel>
  );
}

/** Opens AccountView's consent page in its own window (it refuses to be framed) and waits for the outcome. */
function ConnectButton({ label }: { label: string }) {
  const router = useRouter();
  const [waiting, setWaiting] = useState(false);
  const [problem, setProblem] = useState<string>();
  const poll = useRef<ReturnType<typeof setInterval>>(undefined);

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin === window.location.origin && event.data?.type === 'accountview-consent') router.refresh();
    };
    window.addEventListener('message', onMessage);
    return () => {
      window.removeEventListener('message', onMessage);
      clearInterval(poll.current);
    };
  }, [router]);

  async function connect() {
    setProblem(undefined);
    // Opened inside the click, before any await, so popup blockers let it through.
    const popup = window.open('about:blank', 'accountview-consent', 'width=640,height=760');
    const started = await startAccountViewConnect();
    if (!started.ok) {
      popup?.close();
      setProblem(started.message);
      return;
    }
    if (!popup) {
      setProblem('Your browser blocked the AccountView window. Allow pop-ups for this app and click again.');
      return;
    }
    popup.location.href = started.url;
    setWaiting(true);
    const initial = await getAccountViewState();
    clearInterval(poll.current);
    poll.current = setInterval(async () => {
      const state = await getAccountViewState();
      if (state !== initial) {
        clearInterval(poll.current);
        setWaiting(false);
        router.refresh();
      } else if (popup.closed) {
        clearInterval(poll.current);
        setWaiting(false);
      }
    }, 1500);
  }

  return (
    <Box marginTop="medium">
      <Button data-testid="connect-accountview" isLoading={waiting} onClick={connect}>
        {label}
      </Button>
      {waiting ? (
        <Text marginTop="small" color="secondary60">
          Sign in to AccountView in the window that opened and approve access. This page updates by itself.
        </Text>
      ) : null}
      {problem ? (
        <Box marginTop="small">
          <Message type="error" messages={[{ text: problem }]} />
        </Box>
      ) : null}
    </Box>
  );
}

function ChooseCompany({ data }: { data: Extract<AccountViewPanelData, { state: 'choose-company' }> }) {
  const router = useRouter();
  const [code, setCode] = useState<string | undefined>(data.companies.length === 1 ? data.companies[0]?.code : undefined);
  const [error, setError] = useState<{ message: string; hint?: string; field?: string }>();
  const [pending, startTransition] = useTransition();

  function save() {
    startTransition(async () => {
      const form = new FormData();
      form.set('code', code ?? '');
      const result = await chooseAccountViewCompany(form);
      if (result.ok) router.refresh();
      else setError(result);
    });
  }

  return (
    <>
      <Text>AccountView is connected. Choose the administration (company) this store books into.</Text>
      {data.problem ? (
        <Message type="error" messages={[{ text: `${data.problem.message} ${data.problem.hint}` }]} />
      ) : null}
      <Box marginTop="medium" style={{ maxWidth: 480 }}>
        <Select
          data-testid="company-select"
          label="Administration"
          placeholder="Choose by company code"
          options={data.companies.map((c) => ({ value: c.code, content: `${c.code} — ${c.description}` }))}
          value={code}
          onOptionChange={(value) => setCode(value)}
          error={error?.field === 'code' ? [error.message, error.hint].filter(Boolean).join(' ') : undefined}
          required
        />
      </Box>
      {error && error.field !== 'code' ? (
        <Box marginTop="small">
          <Message type="error" messages={[{ text: [error.message, error.hint].filter(Boolean).join(' ') }]} />
        </Box>
      ) : null}
      <Flex marginTop="medium" flexGap="0.5rem">
        <Button data-testid="choose-company" isLoading={pending} onClick={save}>
          Use this administration
        </Button>
        <DisconnectButton />
      </Flex>
    </>
  );
}

function Connected({ company }: { company: { code: string; name: string } }) {
  const [result, setResult] = useState<TestConnectionResult>();
  const [pending, startTransition] = useTransition();

  return (
    <>
      <Text data-testid="accountview-company">
        Administration: <strong>{company.code}</strong> — {company.name}
      </Text>
      <Flex marginTop="medium" flexGap="0.5rem">
        <Button
          data-testid="test-connection"
          variant="secondary"
          isLoading={pending}
          onClick={() => {
            // A new test replaces the old answer; an old "answered" must not stand in for the new one.
            setResult(undefined);
            startTransition(async () => setResult(await testAccountViewConnection()));
          }}
        >
          Test connection
        </Button>
        <DisconnectButton />
      </Flex>
      {result ? (
        <Box marginTop="medium" data-testid="test-result">
          {result.ok ? (
            <Message
              type={result.report.canWrite ? 'success' : 'warning'}
              header="AccountView answered"
              messages={[
                {
                  text:
                    `The app can read ${result.report.debtors.toLocaleString('en')} debtors, ` +
                    `${result.report.articles.toLocaleString('en')} articles and ` +
                    `${result.report.articleGroups.toLocaleString('en')} article groups. ` +
                    (result.report.canWrite
                      ? 'It may also write sales orders, invoices and debtors.'
                      : 'It may not write: reconnect and approve write access, or orders cannot be sent.'),
                },
              ]}
            />
          ) : (
            <Message type="error" header={result.message} messages={[{ text: result.hint }]} />
          )}
        </Box>
      ) : null}
    </>
  );
}

function DisconnectButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      data-testid="disconnect-accountview"
      variant="subtle"
      actionType="destructive"
      isLoading={pending}
      onClick={() =>
        startTransition(async () => {
          await disconnectAccountView();
          router.refresh();
        })
      }
    >
      Disconnect
    </Button>
  );
}
