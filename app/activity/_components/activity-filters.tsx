'use client';

import { Box, Button, Flex, Form, FormGroup, Input, Select } from '@bigcommerce/big-design';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { FLOW_LABEL } from '@/lib/activity/labels';
import type { ActivityQuery } from '@/lib/activity/requests';

type Flow = keyof typeof FLOW_LABEL;
const FLOWS: Array<{ value: Flow | ''; content: string }> = [
  { value: '', content: 'All flows' },
  ...(Object.keys(FLOW_LABEL) as Flow[]).map((value) => ({ value, content: FLOW_LABEL[value] })),
];
const OUTCOMES = [
  { value: '', content: 'Any outcome' },
  { value: 'failed', content: 'With failures' },
  { value: 'success', content: 'Without failures' },
  { value: 'running', content: 'Waiting or running' },
] as const;

/** Filters and search; applied through the address, so a filtered view can be bookmarked and shared. */
export function ActivityFilters({ query }: { query: ActivityQuery }) {
  const router = useRouter();
  const [flow, setFlow] = useState<string>(query.flow ?? '');
  const [outcome, setOutcome] = useState<string>(query.outcome ?? '');
  const [from, setFrom] = useState(query.from ?? '');
  const [to, setTo] = useState(query.to ?? '');
  const [q, setQ] = useState(query.q ?? '');

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ flow, outcome, from, to, q })) if (value.trim() !== '') params.set(key, value.trim());
    router.push(`/activity${params.size > 0 ? `?${params}` : ''}`);
  };

  return (
    <Form fullWidth onSubmit={apply} aria-label="Filter the activity log">
      <FormGroup>
        <Input
          label="Search by order number, SKU or e-mail"
          data-testid="activity-search"
          type="search"
          value={q}
          placeholder="e.g. 1001, FIETS-01 or jan@example.nl"
          onChange={(e) => setQ(e.target.value)}
        />
      </FormGroup>
      <Flex flexDirection={{ mobile: 'column', tablet: 'row' }} flexGap="1rem">
        <Box style={{ flex: 1 }}>
          <Select label="Flow" data-testid="filter-flow" options={FLOWS} value={flow} onOptionChange={(v) => setFlow(v ?? '')} />
        </Box>
        <Box style={{ flex: 1 }}>
          <Select label="Outcome" data-testid="filter-outcome" options={[...OUTCOMES]} value={outcome} onOptionChange={(v) => setOutcome(v ?? '')} />
        </Box>
      </Flex>
      <Flex flexDirection={{ mobile: 'column', tablet: 'row' }} flexGap="1rem" marginTop="medium">
        <Box style={{ flex: 1 }}>
          <Input label="From" type="date" data-testid="filter-from" value={from} onChange={(e) => setFrom(e.target.value)} />
        </Box>
        <Box style={{ flex: 1 }}>
          <Input label="Until" type="date" data-testid="filter-to" value={to} onChange={(e) => setTo(e.target.value)} />
        </Box>
      </Flex>
      <Flex marginTop="medium" flexGap="0.75rem">
        <Button type="submit" data-testid="apply-filters">
          Show
        </Button>
        <Button
          type="button"
          variant="subtle"
          onClick={() => {
            setFlow('');
            setOutcome('');
            setFrom('');
            setTo('');
            setQ('');
            router.push('/activity');
          }}
        >
          Clear
        </Button>
      </Flex>
    </Form>
  );
}
