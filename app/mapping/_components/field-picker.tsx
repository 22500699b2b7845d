'use client';

import { Box, H2, Panel, Select, Text } from '@bigcommerce/big-design';
import type { SelectOptionGroup } from '@bigcommerce/big-design';
import type { MapperFlow } from '@/lib/mapping-editor/fields';
import type { Sample } from '@/lib/mapping-editor/samples';
import { ORDER_LINE_FIELDS, ORDER_VARIABLES, PRODUCT_VARIABLES } from '@/lib/mapping-editor/source-fields';

function groupsFor(flow: MapperFlow, sample: Sample): SelectOptionGroup<string>[] {
  const groups: SelectOptionGroup<string>[] = [];
  if (sample.ok) {
    groups.push({ label: `Fields of ${sample.label}`, options: sample.fields.map((f) => ({ value: f.path, content: f.path, description: f.example })) });
    if (sample.deliveryFields?.length) {
      groups.push({ label: 'Delivery address (first shipment)', options: sample.deliveryFields.map((f) => ({ value: f.path, content: f.path, description: f.example })) });
    }
  }
  if (flow === 'orders') {
    groups.push({ label: 'Line fields (in line expressions)', options: ORDER_LINE_FIELDS.map((f) => ({ value: f, content: f })) });
    groups.push({ label: 'Values the flow provides', options: ORDER_VARIABLES.map((f) => ({ value: f, content: f })) });
  } else {
    groups.push({ label: 'Values the flow provides', options: PRODUCT_VARIABLES.map((f) => ({ value: f, content: f })) });
  }
  // A value must appear once in the whole select; the first group that has it keeps it.
  const seen = new Set<string>();
  return groups.map((g) => ({ ...g, options: g.options.filter((o) => !seen.has(o.value) && Boolean(seen.add(o.value))) }));
}

/** Lists the source fields present in the sample record; picking one inserts it into the field being edited. */
export function FieldPicker({ flow, sample, target, onPick }: { flow: MapperFlow; sample: Sample; target: string | undefined; onPick(path: string): void }) {
  return (
    <Panel>
      <H2>Field picker</H2>
      <Text>
        {target ? `Picking a field inserts it into the expression for ${target}.` : 'Click in an expression first; picking a field then inserts it there.'}
      </Text>
      <Box style={{ maxWidth: '100%' }}>
        <Select
          label="Source field"
          filterable
          placeholder="Search fields"
          options={groupsFor(flow, sample)}
          value={undefined}
          disabled={!target}
          data-testid="field-picker"
          onOptionChange={(path) => path && onPick(path)}
        />
      </Box>
    </Panel>
  );
}
