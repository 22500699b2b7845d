'use client';

import { Box, Checkbox, FormGroup, Input, MultiSelect, Radio, Select, Text, Textarea } from '@bigcommerce/big-design';
import { useState } from 'react';
import type { ChoiceLists } from '@/lib/choice-lists/types';
import type { Field } from './field-types';
import { MapField } from './map-field';
import { withCurrent } from './options';

interface Props {
  field: Field;
  value: unknown;
  lists: ChoiceLists;
  error: string | undefined;
  onChange: (value: unknown) => void;
}

const idOf = (path: string) => path.replace(/\./g, '-');
const asText = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** A number box that keeps what was typed; a value that is not a number is sent as typed, for the schema to refuse at the field. */
function numberOrText(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  const n = Number(raw.replace(',', '.'));
  return Number.isFinite(n) ? n : raw;
}

function ListProblem({ lists, list }: { lists: ChoiceLists; list: keyof ChoiceLists }) {
  const found = lists[list];
  if (!found || found.ok) return null;
  return <Text color="warning70">{`${found.message} ${found.hint}`}</Text>;
}

function JsonField({ field, value, error, onChange }: Props) {
  const [text, setText] = useState(value === undefined ? '' : JSON.stringify(value));
  const [parseError, setParseError] = useState<string>();
  return (
    <Textarea
      data-testid={`field-${idOf(field.path)}`}
      label={field.label}
      description={'description' in field ? field.description : undefined}
      value={text}
      rows={3}
      onChange={(e) => {
        setText(e.target.value);
        if (e.target.value.trim() === '') {
          setParseError(undefined);
          return onChange(undefined);
        }
        try {
          onChange(JSON.parse(e.target.value));
          setParseError(undefined);
        } catch {
          setParseError('This is not valid JSON yet.');
        }
      }}
      error={parseError ?? error}
    />
  );
}

/** BigDesign shows an input's error text only inside a FormGroup; without one, just the red border. */
export function FieldView(props: Props) {
  const { field } = props;
  if (field.kind === 'map' || field.kind === 'radio' || field.kind === 'toggle') return <FieldControl {...props} />;
  return (
    <FormGroup>
      <FieldControl {...props} />
    </FormGroup>
  );
}

function FieldControl(props: Props) {
  const { field, value, lists, error, onChange } = props;
  const id = idOf(field.path);
  switch (field.kind) {
    case 'text':
      return <Input data-testid={`field-${id}`} label={field.label} description={field.description} value={asText(value)} onChange={(e) => onChange(e.target.value)} error={error} />;
    case 'number':
      return (
        <Input
          data-testid={`field-${id}`}
          label={field.label}
          description={field.description}
          type="number"
          step={field.step}
          value={asText(value)}
          onChange={(e) => onChange(numberOrText(e.target.value))}
          error={error}
        />
      );
    case 'toggle':
      return (
        <>
          <Checkbox data-testid={`field-${id}`} label={field.label} description={field.description} checked={value === true} onChange={(e) => onChange(e.target.checked)} />
          {error ? <Text color="danger">{error}</Text> : null}
        </>
      );
    case 'radio':
      return (
        <Box role="radiogroup" aria-label={field.label}>
          <Text bold>{field.label}</Text>
          <FormGroup>
            {field.options.map((o) => (
              <Radio key={o.value} data-testid={`field-${id}-${o.value}`} name={id} label={o.label} checked={value === o.value} onChange={() => onChange(o.value)} />
            ))}
          </FormGroup>
          {error ? <Text color="danger">{error}</Text> : null}
        </Box>
      );
    case 'choice': {
      const list = lists[field.list];
      // Nothing to choose from (the system could not be read): the stored value can still be kept or typed.
      if (!list || list.choices.length === 0) {
        return (
          <>
            <Input data-testid={`field-${id}`} label={field.label} description={field.description} value={asText(value)} onChange={(e) => onChange(e.target.value)} error={error} />
            <ListProblem lists={lists} list={field.list} />
          </>
        );
      }
      const options = withCurrent(list.choices, value === undefined ? undefined : String(value));
      return (
        <>
          <Select
            data-testid={`field-${id}`}
            label={field.label}
            description={field.description}
            filterable
            options={field.optional ? [{ value: '', content: '(none)' }, ...options] : options}
            value={asText(value)}
            onOptionChange={(v) => onChange(field.numeric && v !== undefined && v !== '' ? Number(v) : (v ?? ''))}
            error={error}
          />
          <ListProblem lists={lists} list={field.list} />
        </>
      );
    }
    case 'multi-choice': {
      const selected = Array.isArray(value) ? value.map(String) : [];
      return (
        <>
          <MultiSelect
            data-testid={`field-${id}`}
            label={field.label}
            description={field.description}
            options={withCurrent(lists[field.list]?.choices ?? [], undefined)}
            value={selected}
            onOptionsChange={(v) => onChange(v.map(Number))}
            error={error}
          />
          <ListProblem lists={lists} list={field.list} />
        </>
      );
    }
    case 'text-list':
      return (
        <Input
          data-testid={`field-${id}`}
          label={field.label}
          description={field.description}
          value={Array.isArray(value) ? value.join(', ') : asText(value)}
          onChange={(e) => onChange(e.target.value.split(',').map((s) => s.trim()).filter((s) => s !== ''))}
          error={error}
        />
      );
    case 'map':
      return (
        <MapField
          id={id}
          label={field.label}
          description={field.description}
          keySide={field.key}
          valueSide={field.value}
          value={value && typeof value === 'object' ? (value as Record<string, unknown>) : {}}
          lists={lists}
          error={error}
          onChange={onChange}
        />
      );
    case 'json':
      return <JsonField {...props} />;
  }
}
