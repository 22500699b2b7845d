'use client';

import { Badge, Box, Button, Flex, FormGroup, Select, Small, Text, Textarea } from '@bigcommerce/big-design';
import type { Ref } from 'react';
import type { EditorField } from '@/lib/mapping-editor/fields';
import type { FieldMode } from '@/lib/mapping';

export interface FieldRowProps {
  field: EditorField;
  value: string;
  mode: FieldMode | undefined;
  error: string | undefined;
  textareaRef: Ref<HTMLTextAreaElement>;
  onChange(value: string): void;
  onModeChange(mode: FieldMode): void;
  onFocus(): void;
}

const MODES = [
  { value: 'always' as const, content: 'Keep updated', description: 'AccountView overwrites it on every sync.' },
  { value: 'create-only' as const, content: 'On create only', description: 'Set once; your edits in BigCommerce stay.' },
];

/** One target field: its expression, the default (restorable), and for products when it is sent. */
export function FieldRow({ field, value, mode, error, textareaRef, onChange, onModeChange, onFocus }: FieldRowProps) {
  const isDefault = value.trim() === field.defaultExpression.trim();
  const slug = field.key.replace(/[^A-Za-z0-9_-]/g, '-');
  return (
    <Box
      data-testid={`field-${slug}`}
      padding="small"
      marginBottom="small"
      border="box"
      borderRadius="normal"
      // A changed field is marked by its left edge: a tinted background would cost the error text its contrast.
      style={isDefault ? undefined : { borderLeft: '4px solid #3C64F4' }}
    >
      <Flex alignItems="center" flexGap="0.5rem" flexWrap="wrap" marginBottom="xxSmall">
        <Text bold margin="none">
          {field.target}
        </Text>
        {field.required ? <Badge variant="secondary" label="required" /> : null}
        {isDefault ? null : <Badge variant="warning" label="changed" />}
      </Flex>
      {field.description ? <Small>{field.description}</Small> : null}
      {/* BigDesign shows a field's error text only inside a FormGroup. */}
      <FormGroup>
        <Textarea
        ref={textareaRef}
        label={`Expression for ${field.target}`}
        rows={2}
        value={value}
        error={error}
        spellCheck={false}
        data-testid={`expression-${slug}`}
        onFocus={onFocus}
        onChange={(event) => onChange(event.target.value)}
        />
      </FormGroup>
      <Box marginTop="xxSmall" style={{ overflowWrap: 'anywhere' }}>
        <Small as="span">Default: </Small>
        <Small as="code">{field.defaultExpression || '(not sent)'}</Small>
      </Box>
      <Flex alignItems="flex-end" flexGap="0.75rem" flexWrap="wrap" marginTop="xSmall">
        {mode ? (
          <Box style={{ minWidth: '12rem' }}>
            <Select
              label="When to send"
              options={MODES}
              value={mode}
              data-testid={`mode-${slug}`}
              onOptionChange={(next) => next && onModeChange(next)}
            />
          </Box>
        ) : null}
        <Button variant="subtle" disabled={isDefault} data-testid={`restore-${slug}`} onClick={() => onChange(field.defaultExpression)}>
          Restore default
        </Button>
      </Flex>
    </Box>
  );
}
