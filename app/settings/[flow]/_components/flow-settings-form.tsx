'use client';

import { Badge, Box, Button, Flex, H1, H2, Link, Message, Panel, Text } from '@bigcommerce/big-design';
import { useState, useTransition } from 'react';
import { AppNav } from '@/components/app-nav';
import { DryRunView } from '@/components/dry-run-view';
import type { DryRun } from '@/lib/mapping-editor/dry-run';
import { dryRunSettingsAction } from '../_actions/dry-run-settings';
import type { FieldProblem } from '@/lib/onboarding/flows';
import type { SetupFlow } from '@/lib/onboarding/progress';
import { saveFlowSettingsAction } from '../_actions/save-flow-settings';
import { setFlowStateAction } from '../_actions/set-flow-state';
import type { FlowSettingsData } from '../page-data';
import { CUSTOMER_GROUPS, PRODUCT_GROUPS, STOCK_GROUPS } from './catalog-fields';
import { FieldView } from './field-view';
import { getPath, setPath, type Field, type Group, type Values } from './field-types';
import { ORDER_GROUPS } from './orders-fields';
import { ArticleSearch } from './article-search';

const GROUPS: Record<SetupFlow, Group[]> = { orders: ORDER_GROUPS, products: PRODUCT_GROUPS, stock: STOCK_GROUPS, customers: CUSTOMER_GROUPS };
const TITLES: Record<SetupFlow, string> = {
  orders: 'Orders to AccountView',
  products: 'Products from AccountView',
  stock: 'Stock from AccountView',
  customers: 'Customers from AccountView',
};

/** The problems that belong to a field: its own path, or inside it (a map's entries, a nested object). */
function problemsAt(problems: FieldProblem[], field: Field): FieldProblem[] {
  return problems.filter((p) => p.path === field.path || p.path.startsWith(`${field.path}.`));
}

function describe(problems: FieldProblem[], field: Field): string | undefined {
  const own = problemsAt(problems, field);
  if (own.length === 0) return undefined;
  return own.map((p) => (p.path === field.path ? p.message : `${p.path.slice(field.path.length + 1) || 'The empty row'}: ${p.message}`)).join('; ');
}

function FlowState({ flow, enabled, paused }: { flow: SetupFlow; enabled: boolean; paused: boolean }) {
  const [pending, startTransition] = useTransition();
  const change = (state: { enabled?: boolean; paused?: boolean }) =>
    startTransition(async () => {
      await setFlowStateAction(flow, state);
      // A full reload, not a soft refresh: see app/setup/_components/reload.ts.
      window.location.reload();
    });
  const badge = !enabled ? { label: 'Off', variant: 'secondary' as const } : paused ? { label: 'Paused', variant: 'warning' as const } : { label: 'On', variant: 'success' as const };
  return (
    <Flex alignItems="center" flexGap="0.5rem" flexWrap="wrap" marginBottom="large">
      <Badge data-testid="flow-state" variant={badge.variant} label={badge.label} />
      {enabled ? (
        <>
          <Button data-testid={paused ? 'flow-resume' : 'flow-pause'} variant="secondary" isLoading={pending} onClick={() => change({ paused: !paused })}>
            {paused ? 'Resume' : 'Pause'}
          </Button>
          <Button data-testid="flow-off" variant="subtle" isLoading={pending} onClick={() => change({ enabled: false })}>
            Switch off
          </Button>
        </>
      ) : (
        <Button data-testid="flow-on" isLoading={pending} onClick={() => change({ enabled: true, paused: false })}>
          Switch on
        </Button>
      )}
      <Text color="secondary60">{paused ? 'Paused: nothing is sent until you resume; what happened meanwhile is picked up then.' : ''}</Text>
    </Flex>
  );
}

/** Every option of one flow, grouped; saved as a whole and validated by the flow's own schema, with each refusal at its field. */
export function FlowSettingsForm({ data }: { data: FlowSettingsData & { settings: Values } }) {
  const [values, setValues] = useState<Values>(data.settings);
  const [problems, setProblems] = useState<FieldProblem[]>(data.storedProblems);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();
  const [dryRun, setDryRun] = useState<DryRun | undefined>();
  const [replaying, startReplay] = useTransition();
  const [lists, setLists] = useState(data.lists);
  const canReplay = data.flow === 'orders' || data.flow === 'products';
  const groups = GROUPS[data.flow];
  const known = groups.flatMap((g) => g.fields);
  const unplaced = problems.filter((p) => !known.some((f) => problemsAt([p], f).length > 0));

  const save = () =>
    startTransition(async () => {
      setSaved(false);
      const result = await saveFlowSettingsAction(data.flow, values);
      if (result.ok) {
        setProblems([]);
        setSaved(true);
      } else {
        setProblems(result.problems);
      }
    });

  return (
    <>
      <AppNav />
      {/* The panel of the active "Settings" tab: BigDesign's tab points at `settings-content` (aria-controls). */}
      <div>
      <Box marginBottom="medium">
        <Link href="/settings">Settings</Link>
      </Box>
      <H1>{TITLES[data.flow]}</H1>
      <FlowState flow={data.flow} enabled={data.enabled} paused={data.paused} />
      {problems.length > 0 ? (
        <Box marginBottom="large" data-testid="settings-problems">
          <H2>{`${problems.length === 1 ? 'One setting needs' : `${problems.length} settings need`} another look`}</H2>
          <Message
            type="error"
            messages={[{ text: 'Nothing was saved. The messages are at the fields below.' }, ...unplaced.map((p) => ({ text: `${p.path || 'Settings'}: ${p.message}` }))]}
          />
        </Box>
      ) : null}
      {lists.articles ? (
        <ArticleSearch
          onFound={(found) =>
            setLists((now) => {
              const had = now.articles?.choices ?? [];
              const more = found.filter((c) => !had.some((h) => h.value === c.value));
              return { ...now, articles: { ok: true, choices: [...had, ...more].sort((a, b) => a.value.localeCompare(b.value)) } };
            })
          }
        />
      ) : null}
      {groups.map((group) => (
        <Box key={group.title} marginBottom="large">
          <Panel>
            <H2>{group.title}</H2>
            {group.description ? <Text color="secondary60">{group.description}</Text> : null}
            {group.fields.map((field) => (
              <Box key={field.path} marginTop="medium">
                <FieldView
                  field={field}
                  value={getPath(values, field.path)}
                  lists={lists}
                  error={describe(problems, field)}
                  onChange={(v) => {
                    setSaved(false);
                    setDryRun(undefined);
                    setValues((now) => setPath(now, field.path, v));
                  }}
                />
              </Box>
            ))}
          </Panel>
        </Box>
      ))}
      <Flex flexGap="0.5rem" flexWrap="wrap" alignItems="center" style={{ position: 'sticky', bottom: 0, background: 'white', padding: '0.75rem 0' }}>
        <Button data-testid="settings-save" isLoading={pending} onClick={save}>
          Save
        </Button>
        <Button variant="subtle" onClick={() => (setValues(data.settings), setProblems([]))}>
          Undo changes
        </Button>
        {canReplay ? (
          <Button
            variant="secondary"
            data-testid="settings-dry-run"
            isLoading={replaying}
            onClick={() => startReplay(async () => setDryRun(await dryRunSettingsAction(data.flow, values)))}
          >
            Dry run on the latest 20
          </Button>
        ) : null}
        {saved ? (
          <Text data-testid="settings-saved" color="success">
            Saved. The next run uses these settings.
          </Text>
        ) : null}
      </Flex>
      {dryRun ? (
        <Box marginTop="medium">
          <DryRunView result={dryRun} noun={data.flow === 'orders' ? 'orders' : 'changed articles'} />
        </Box>
      ) : null}
      </div>
    </>
  );
}
