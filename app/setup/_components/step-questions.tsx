'use client';

import { Box, Button, Checkbox, Flex, FormGroup, H2, Input, Message, MultiSelect, Panel, Radio, Select, Text } from '@bigcommerce/big-design';
import { useState, useTransition } from 'react';
import type { ChoiceList } from '@/lib/choice-lists/types';
import type { FieldProblem } from '@/lib/onboarding/flows';
import type { SetupFlow } from '@/lib/onboarding/progress';
import { answerSetupQuestions } from '../_actions/answer-questions';
import { FLOW_TEXT } from './flow-names';
import { showSavedStep } from './reload';

type Answers = Record<SetupFlow, Record<string, unknown>>;
type Problems = Partial<Record<SetupFlow, FieldProblem[]>>;

interface FieldProps {
  values: Record<string, unknown>;
  set: (key: string, value: unknown) => void;
  error: (key: string) => string | undefined;
}

function RadioGroup({ name, label, value, options, set, error }: { name: string; label: string; value: unknown; options: { value: string; label: string; description?: string }[]; set: (v: string) => void; error?: string }) {
  return (
    <Box marginTop="medium" role="radiogroup" aria-label={label}>
      <Text bold>{label}</Text>
      <FormGroup>
        {options.map((o) => (
          <Radio key={o.value} data-testid={`${name}-${o.value}`} name={name} label={o.label} description={o.description} checked={value === o.value} onChange={() => set(o.value)} />
        ))}
      </FormGroup>
      {error ? <Text color="danger">{error}</Text> : null}
    </Box>
  );
}

function OrderQuestions({ values, set, error, statuses }: FieldProps & { statuses: ChoiceList | undefined }) {
  const statusIds = Array.isArray(values.statusIds) ? (values.statusIds as number[]).map(String) : [];
  return (
    <>
      <Box marginTop="medium">
        <FormGroup>
        <MultiSelect
          data-testid="orders-statusIds"
          label="Send orders once they reach one of these statuses"
          description="Paid orders only, usually: Awaiting Fulfillment, Awaiting Shipment, Shipped, Completed."
          options={(statuses?.choices ?? []).map((c) => ({ value: c.value, content: c.label }))}
          value={statusIds}
          onOptionsChange={(ids) => set('statusIds', ids.map(Number))}
          error={error('statusIds')}
        />
        </FormGroup>
        {statuses && !statuses.ok ? <Text color="secondary60">{`${statuses.message} ${statuses.hint}`}</Text> : null}
      </Box>
      <RadioGroup
        name="documentType"
        label="Book each order as"
        value={values.documentType}
        set={(v) => set('documentType', v)}
        error={error('documentType')}
        options={[
          { value: 'sales-order', label: 'Sales order', description: 'You invoice from AccountView, stock is reserved there.' },
          { value: 'sales-invoice', label: 'Sales invoice', description: 'The order is booked straight in a sales journal.' },
        ]}
      />
      {values.documentType === 'sales-invoice' ? (
        <Box marginTop="medium">
          <FormGroup>
            <Input data-testid="orders-journalCode" label="Sales journal" description="The journal code in AccountView, e.g. VRK." value={String(values.journalCode ?? '')} onChange={(e) => set('journalCode', e.target.value)} error={error('journalCode')} />
          </FormGroup>
        </Box>
      ) : null}
      <RadioGroup
        name="customerMode"
        label="Debtor of each order"
        value={values.customerMode}
        set={(v) => set('customerMode', v)}
        error={error('customerMode')}
        options={[
          { value: 'match-or-create', label: 'Find the customer by e-mail, or create a debtor', description: 'Every customer gets a debtor of their own.' },
          { value: 'default-debtor', label: 'Book every order on one debtor', description: 'For shops that do not keep webshop customers apart.' },
        ]}
      />
      {values.customerMode === 'default-debtor' ? (
        <Box marginTop="medium">
          <FormGroup>
            <Input data-testid="orders-defaultDebtor" label="Debtor number" description="The AccountView debtor (SUB_NR) every order is booked on." value={String(values.defaultDebtor ?? '')} onChange={(e) => set('defaultDebtor', e.target.value)} error={error('defaultDebtor')} />
          </FormGroup>
        </Box>
      ) : null}
    </>
  );
}

type TaxLists = { vatCodes: ChoiceList; taxClasses: ChoiceList };

/** Per AccountView VAT code, the BigCommerce tax class the shop charges (pre-filled from the classes' names). */
function TaxClassQuestion({ values, set, error, lists }: FieldProps & { lists: TaxLists }) {
  const chosen = (values.taxClasses ?? {}) as Record<string, number>;
  const classes = [{ value: '', content: "The store's default class" }, ...lists.taxClasses.choices.filter((c) => c.value !== '0').map((c) => ({ value: c.value, content: c.label }))];
  const problem = [lists.vatCodes, lists.taxClasses].find((l) => !l.ok);
  return (
    <Box marginTop="medium">
      <Text bold>Tax class your store charges for each VAT code</Text>
      <Text color="secondary60">A product is charged the VAT of its BigCommerce tax class; pre-filled from your tax classes' names.</Text>
      {lists.vatCodes.choices.map((code) => (
        <Box key={code.value} marginTop="small">
          <FormGroup>
            <Select
              data-testid={`products-taxClass-${code.value}`}
              label={`VAT code ${code.label}`}
              options={classes}
              value={chosen[code.value] === undefined ? '' : String(chosen[code.value])}
              onOptionChange={(v) => {
                const next = { ...chosen };
                if (v === undefined || v === '') delete next[code.value];
                else next[code.value] = Number(v);
                set('taxClasses', next);
              }}
              error={error(`taxClasses.${code.value}`)}
            />
          </FormGroup>
        </Box>
      ))}
      {problem && !problem.ok ? <Text color="secondary60">{`${problem.message} ${problem.hint}`}</Text> : null}
    </Box>
  );
}

function ProductQuestions({ values, set, error, taxLists }: FieldProps & { taxLists: TaxLists | undefined }) {
  return (
    <>
      <Box marginTop="medium">
        <Checkbox data-testid="products-hideBlocked" label="Hide products whose article is blocked in AccountView" checked={values.hideBlocked === true} onChange={(e) => set('hideBlocked', e.target.checked)} />
      </Box>
      <Box marginTop="medium">
        <Checkbox data-testid="products-categories" label="Turn article groups into categories" checked={values.categories === true} onChange={(e) => set('categories', e.target.checked)} />
      </Box>
      <Box marginTop="medium">
        <FormGroup>
        <Input
          data-testid="products-currency"
          label="Currency of AccountView's prices"
          description="Prices are converted to the way your store enters prices (incl. or excl. VAT, a BigCommerce tax setting)."
          value={String(values.currency ?? '')}
          onChange={(e) => set('currency', e.target.value)}
          error={error('currency')}
        />
        </FormGroup>
      </Box>
      {taxLists && taxLists.vatCodes.choices.length > 0 ? <TaxClassQuestion values={values} set={set} error={error} lists={taxLists} /> : null}
    </>
  );
}

function StockQuestions({ values, set, error }: FieldProps) {
  return (
    <>
      <RadioGroup
        name="calculation"
        label="Stock shown in your store"
        value={values.calculation}
        set={(v) => set('calculation', v)}
        error={error('calculation')}
        options={[
          { value: 'available', label: 'Available: on the shelf minus reserved for orders' },
          { value: 'technical', label: 'Everything on the shelf, reserved or not' },
          { value: 'available-plus-ordered', label: 'Available plus what is on purchase order' },
        ]}
      />
      <Box marginTop="medium">
        <Checkbox data-testid="stock-manageStock" label="Let BigCommerce track stock for synced products" checked={values.manageStock === true} onChange={(e) => set('manageStock', e.target.checked)} />
      </Box>
    </>
  );
}

function CustomerQuestions({ values, set }: FieldProps) {
  return (
    <Box marginTop="medium">
      <Checkbox data-testid="customers-includeAddresses" label="Copy the debtor's address as the customer's billing address" checked={values.includeAddresses === true} onChange={(e) => set('includeAddresses', e.target.checked)} />
    </Box>
  );
}

export function StepQuestions({
  flows,
  answers,
  orderStatuses,
  taxClasses,
  onBack,
}: {
  flows: SetupFlow[];
  answers: Answers;
  orderStatuses: ChoiceList | undefined;
  taxClasses: TaxLists | undefined;
  onBack: () => void;
}) {
  const [values, setValues] = useState<Answers>(answers);
  const [problems, setProblems] = useState<Problems>({});
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();

  const fieldProps = (flow: SetupFlow): FieldProps => ({
    values: values[flow],
    set: (key, value) => setValues((now) => ({ ...now, [flow]: { ...now[flow], [key]: value } })),
    error: (key) => problems[flow]?.find((p) => p.path === key || p.path.startsWith(`${key}.`))?.message,
  });

  return (
    <>
      {flows.map((flow) => (
        <Box key={flow} marginBottom="large">
          <Panel>
            <H2>{FLOW_TEXT[flow].title}</H2>
            {flow === 'orders' ? <OrderQuestions {...fieldProps(flow)} statuses={orderStatuses} /> : null}
            {flow === 'products' ? <ProductQuestions {...fieldProps(flow)} taxLists={taxClasses} /> : null}
            {flow === 'stock' ? <StockQuestions {...fieldProps(flow)} /> : null}
            {flow === 'customers' ? <CustomerQuestions {...fieldProps(flow)} /> : null}
          </Panel>
        </Box>
      ))}
      {message || Object.keys(problems).length > 0 ? (
        <Box marginBottom="medium" data-testid="questions-problem">
          <Message type="error" messages={[{ text: message ?? 'Some answers need another look; see the messages at the fields.' }]} />
        </Box>
      ) : null}
      <Flex flexGap="0.5rem" flexWrap="wrap">
        <Button variant="secondary" onClick={onBack}>
          Back
        </Button>
        <Button
          data-testid="setup-next"
          isLoading={pending}
          onClick={() =>
            startTransition(async () => {
              const chosen = Object.fromEntries(flows.map((f) => [f, values[f]]));
              const result = await answerSetupQuestions(chosen);
              if (result.ok) {
                setProblems({});
                showSavedStep();
              } else {
                setProblems(result.problems);
                setMessage(result.message);
              }
            })
          }
        >
          Save and continue
        </Button>
      </Flex>
    </>
  );
}
