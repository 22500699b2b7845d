'use client';

import { Box, Button, Flex, Input, Select, Text } from '@bigcommerce/big-design';
import type { ChoiceLists } from '@/lib/choice-lists/types';
import type { MapSide } from './field-types';
import { withCurrent } from './options';

interface Props {
  id: string;
  label: string;
  description?: string;
  keySide: MapSide;
  valueSide: MapSide;
  value: Record<string, unknown>;
  lists: ChoiceLists;
  error?: string;
  onChange: (next: Record<string, unknown>) => void;
}

function SideInput({ side, value, onChange, label, testId, lists }: { side: MapSide; value: unknown; onChange: (v: unknown) => void; label: string; testId: string; lists: ChoiceLists }) {
  if ('list' in side) {
    const list = lists[side.list];
    if (list && list.choices.length > 0) {
      return (
        <Select
          data-testid={testId}
          aria-label={label}
          filterable
          options={withCurrent(list.choices, value === undefined ? undefined : String(value))}
          value={value === undefined || value === '' ? undefined : String(value)}
          onOptionChange={(v) => onChange(side.numeric && v !== undefined ? Number(v) : v)}
        />
      );
    }
  }
  const numeric = ('type' in side && side.type === 'number') || ('numeric' in side && side.numeric === true);
  return (
    <Input
      data-testid={testId}
      aria-label={label}
      type={numeric ? 'number' : 'text'}
      value={value === undefined || value === null ? '' : String(value)}
      onChange={(e) => onChange(numeric && e.target.value.trim() !== '' && Number.isFinite(Number(e.target.value)) ? Number(e.target.value) : e.target.value)}
    />
  );
}

/** A key → value table (payment method → term, VAT code → account…), each side chosen from a list where one exists. */
export function MapField({ id, label, description, keySide, valueSide, value, lists, error, onChange }: Props) {
  const entries = Object.entries(value);
  const rename = (from: string, to: unknown) => {
    const next: Record<string, unknown> = {};
    for (const [k, v] of entries) next[k === from ? String(to ?? '') : k] = v;
    onChange(next);
  };
  return (
    <Box marginTop="medium" data-testid={`field-${id}`} role="group" aria-label={label}>
      <Text bold marginBottom="xxSmall">
        {label}
      </Text>
      {description ? <Text color="secondary60">{description}</Text> : null}
      {entries.map(([key, v], i) => (
        <Flex key={i} flexGap="0.5rem" flexWrap="wrap" alignItems="center" marginBottom="xSmall">
          <Box style={{ flex: '1 1 10rem', minWidth: '8rem' }}>
            <SideInput side={keySide} value={key} lists={lists} label={`${label}: ${keySide.label} ${i + 1}`} testId={`${id}-key-${i}`} onChange={(to) => rename(key, to)} />
          </Box>
          <Box style={{ flex: '1 1 10rem', minWidth: '8rem' }}>
            <SideInput side={valueSide} value={v} lists={lists} label={`${label}: ${valueSide.label} for ${key || 'row ' + (i + 1)}`} testId={`${id}-value-${i}`} onChange={(to) => onChange({ ...value, [key]: to })} />
          </Box>
          <Button
            variant="subtle"
            actionType="destructive"
            aria-label={`Remove ${key || 'row ' + (i + 1)} from ${label}`}
            onClick={() => onChange(Object.fromEntries(entries.filter(([k]) => k !== key)))}
          >
            Remove
          </Button>
        </Flex>
      ))}
      <Button variant="secondary" data-testid={`${id}-add`} disabled={Object.hasOwn(value, '')} onClick={() => onChange({ ...value, '': 'type' in valueSide && valueSide.type === 'number' ? 0 : '' })}>
        Add a row
      </Button>
      {error ? (
        <Text color="danger" data-testid={`error-${id}`}>
          {error}
        </Text>
      ) : null}
    </Box>
  );
}
