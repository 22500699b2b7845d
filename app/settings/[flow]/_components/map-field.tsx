'use client';

import { Box, Button, Flex, Input, Select, Text } from '@bigcommerce/big-design';
import type { ChoiceLists } from '@/lib/choice-lists/types';
import type { MapSide, MapValueSide } from './field-types';
import { withCurrent } from './options';

interface Props {
  id: string;
  label: string;
  description?: string;
  keySide: MapSide;
  valueSide: MapValueSide;
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

/** An object value of optional parts (article and/or account), one picker each; an emptied part is dropped. */
function PartsInput({ side, value, onChange, label, testId, lists }: { side: Extract<MapValueSide, { parts: unknown }>; value: unknown; onChange: (v: unknown) => void; label: string; testId: string; lists: ChoiceLists }) {
  const current = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  return (
    <Flex flexGap="0.5rem" flexWrap="wrap">
      {side.parts.map((part) => (
        <Box key={part.name} style={{ flex: '1 1 10rem', minWidth: '8rem' }}>
          <SideInput
            side={{ label: part.label, list: part.list }}
            value={current[part.name]}
            lists={lists}
            label={`${label}: ${part.label}`}
            testId={`${testId}-${part.name}`}
            onChange={(v) => {
              const next = { ...current };
              if (v === undefined || v === '') delete next[part.name];
              else next[part.name] = v;
              onChange(next);
            }}
          />
        </Box>
      ))}
    </Flex>
  );
}

/** A key → value table (payment method → term, VAT code → account…), each side chosen from a list where one exists. */
export function MapField({ id, label, description, keySide, valueSide, value, lists, error, onChange }: Props) {
  const entries = Object.entries(value);
  // A list that could not be read (or only in part, e.g. methods from recent orders) says so once, with its fix.
  const listNames = [keySide, ...('parts' in valueSide ? valueSide.parts : [valueSide])].flatMap((side) => ('list' in side ? [side.list] : []));
  const problems = [...new Set(listNames)].flatMap((name) => {
    const list = lists[name];
    return list && !list.ok ? [`${list.message} ${list.hint}`] : [];
  });
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
      {problems.map((p) => (
        <Text key={p} color="warning70">
          {p}
        </Text>
      ))}
      {entries.map(([key, v], i) => (
        <Flex key={i} flexGap="0.5rem" flexWrap="wrap" alignItems="center" marginBottom="xSmall">
          <Box style={{ flex: '1 1 10rem', minWidth: '8rem' }}>
            <SideInput side={keySide} value={key} lists={lists} label={`${label}: ${keySide.label} ${i + 1}`} testId={`${id}-key-${i}`} onChange={(to) => rename(key, to)} />
          </Box>
          <Box style={{ flex: '1 1 10rem', minWidth: '8rem' }}>
            {'parts' in valueSide ? (
              <PartsInput side={valueSide} value={v} lists={lists} label={`${label}: ${valueSide.label} for ${key || 'row ' + (i + 1)}`} testId={`${id}-value-${i}`} onChange={(to) => onChange({ ...value, [key]: to })} />
            ) : (
              <SideInput side={valueSide} value={v} lists={lists} label={`${label}: ${valueSide.label} for ${key || 'row ' + (i + 1)}`} testId={`${id}-value-${i}`} onChange={(to) => onChange({ ...value, [key]: to })} />
            )}
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
      <Button variant="secondary" data-testid={`${id}-add`} disabled={Object.hasOwn(value, '')} onClick={() => onChange({ ...value, '': 'parts' in valueSide ? {} : 'type' in valueSide && valueSide.type === 'number' ? 0 : '' })}>
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
