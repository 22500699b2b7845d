'use client';

import { Box, Button, Flex, H1, H2, Link, Message, Panel, Text } from '@bigcommerce/big-design';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState, useTransition } from 'react';
import { AppNav } from '@/components/app-nav';
import type { FieldMode, MappingOverrides } from '@/lib/mapping';
import type { DryRun } from '@/lib/mapping-editor/dry-run';
import type { EditorData, FieldProblem, LivePreview, MappingProposal, SaveResult } from '@/lib/mapping-editor/editor';
import { dryRunMappingAction, previewMappingAction, saveMappingAction } from '../_actions';
import { DryRunView } from '@/components/dry-run-view';
import { FieldPicker } from './field-picker';
import { FieldRow } from './field-row';
import { LivePreviewPanel } from './live-preview';

const PREVIEW_DELAY_MS = 600;
const TITLES = { orders: 'Orders mapping', products: 'Products mapping' } as const;
const NOUNS = { orders: 'orders', products: 'changed articles' } as const;

function initialValues(data: EditorData): Record<string, string> {
  return Object.fromEntries(data.fields.map((f) => [f.key, data.mapping[f.key] ?? f.defaultExpression]));
}
function initialModes(data: EditorData): Record<string, FieldMode> {
  return Object.fromEntries(data.fields.flatMap((f) => (f.mode ? [[f.key, data.fieldModes[f.key] ?? f.mode]] : [])));
}

/** The expressions and modes that differ from the defaults: what would be stored. */
function proposalOf(data: EditorData, values: Record<string, string>, modes: Record<string, FieldMode>): MappingProposal {
  const mapping: MappingOverrides = {};
  const fieldModes: Record<string, FieldMode> = {};
  for (const field of data.fields) {
    const value = values[field.key] ?? field.defaultExpression;
    if (value.trim() !== field.defaultExpression.trim()) mapping[field.key] = value;
    const mode = modes[field.key];
    if (field.mode && mode && mode !== field.mode) fieldModes[field.key] = mode;
  }
  return data.flow === 'products' ? { mapping, fieldModes } : { mapping };
}

function problemsByField(problems: FieldProblem[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) if (p.fieldKey) out[p.fieldKey] = out[p.fieldKey] ? `${out[p.fieldKey]} ${p.reason}` : p.reason;
  return out;
}

export function MappingEditor({ data }: { data: EditorData }) {
  const router = useRouter();
  const [values, setValues] = useState(() => initialValues(data));
  const [modes, setModes] = useState(() => initialModes(data));
  const [saved, setSaved] = useState(() => JSON.stringify(proposalOf(data, initialValues(data), initialModes(data))));
  const [focused, setFocused] = useState<string>();
  const [preview, setPreview] = useState<LivePreview>();
  const [previewPending, setPreviewPending] = useState(false);
  const [dryRun, setDryRun] = useState<DryRun>();
  const [saveResult, setSaveResult] = useState<SaveResult>();
  const [dryRunPending, startDryRun] = useTransition();
  const [savePending, startSave] = useTransition();
  const textareas = useRef(new Map<string, HTMLTextAreaElement>());
  const sequence = useRef(0);

  const proposal = useMemo(() => proposalOf(data, values, modes), [data, values, modes]);
  const proposalKey = JSON.stringify(proposal);
  const dirty = proposalKey !== saved;
  const sampleId = data.sample.ok ? data.sample.id : undefined;

  // Live preview, debounced; an answer that arrives after a newer request is dropped.
  useEffect(() => {
    const id = ++sequence.current;
    setPreviewPending(true);
    const timer = setTimeout(() => {
      previewMappingAction(data.flow, JSON.parse(proposalKey) as MappingProposal, sampleId)
        .then((result) => {
          if (id === sequence.current) setPreview(result);
        })
        .catch(() => {
          if (id === sequence.current) setPreview({ ok: false, reason: 'The preview could not be run just now.', hint: 'Check your connection and edit the field again.', problems: [] });
        })
        .finally(() => {
          if (id === sequence.current) setPreviewPending(false);
        });
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [data.flow, proposalKey, sampleId]);

  const saveProblems = saveResult && !saveResult.ok ? saveResult.problems : [];
  const previewProblems: FieldProblem[] = !preview
    ? []
    : preview.ok
      ? preview.record.fieldKey
        ? [{ fieldKey: preview.record.fieldKey, reason: preview.record.message ?? 'This expression fails on the sample.' }]
        : []
      : preview.problems;
  const errors = { ...problemsByField(previewProblems), ...problemsByField(saveProblems) };
  const generalProblems = saveProblems.filter((p) => !p.fieldKey);

  const change = (key: string, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setSaveResult(undefined);
    setDryRun(undefined);
  };
  const pick = (path: string) => {
    if (!focused) return;
    const element = textareas.current.get(focused);
    const current = values[focused] ?? '';
    const start = element?.selectionStart ?? current.length;
    const end = element?.selectionEnd ?? current.length;
    change(focused, current.slice(0, start) + path + current.slice(end));
    element?.focus();
  };

  const groups = [...new Set(data.fields.map((f) => f.group))];
  const focusedField = data.fields.find((f) => f.key === focused);

  return (
    <>
      <AppNav />
      {/* The active section tab (id "mapping") controls "mapping-content". */}
      <div>
      <Box marginBottom="medium">
        <Link
          href="/mapping"
          onClick={(event) => {
            event.preventDefault();
            router.push('/mapping');
          }}
        >
          All mappings
        </Link>
        <H1>{TITLES[data.flow]}</H1>
        <Text>
          Each field shows the expression (JSONata) that fills it. Change one, watch the preview, run a dry run on the latest{' '}
          {NOUNS[data.flow]}, then save. Saving checks every expression on real records first.
        </Text>
      </Box>
      {data.sample.ok ? null : (
        <Box marginBottom="medium">
          <Message type="warning" messages={[{ text: data.sample.reason }, { text: data.sample.hint }]} />
        </Box>
      )}
      <Box marginBottom="medium">
        <FieldPicker flow={data.flow} sample={data.sample} target={focusedField ? `${focusedField.group}: ${focusedField.target}` : undefined} onPick={pick} />
      </Box>
      <Box marginBottom="medium">
        <LivePreviewPanel preview={preview} pending={previewPending} sampleLabel={data.sample.ok ? data.sample.label : 'the latest record'} />
      </Box>
      {groups.map((group) => (
        <Box key={group} marginBottom="medium">
          <Panel>
            <H2>{group}</H2>
            {data.fields
              .filter((f) => f.group === group)
              .map((field) => (
                <FieldRow
                  key={field.key}
                  field={field}
                  value={values[field.key] ?? ''}
                  mode={modes[field.key]}
                  error={errors[field.key]}
                  textareaRef={(element) => {
                    if (element) textareas.current.set(field.key, element);
                    else textareas.current.delete(field.key);
                  }}
                  onFocus={() => setFocused(field.key)}
                  onChange={(value) => change(field.key, value)}
                  onModeChange={(mode) => {
                    setModes((m) => ({ ...m, [field.key]: mode }));
                    setSaveResult(undefined);
                    setDryRun(undefined);
                  }}
                />
              ))}
          </Panel>
        </Box>
      ))}
      <Panel>
        <H2>Check and save</H2>
        <Text>
          The dry run sends the latest {NOUNS[data.flow]} through the saved and your changed mapping and shows what would be
          sent differently. Nothing is sent to AccountView or BigCommerce.
        </Text>
        <Flex flexGap="0.75rem" flexWrap="wrap" marginBottom="medium">
          <Button
            variant="secondary"
            isLoading={dryRunPending}
            data-testid="dry-run"
            onClick={() => startDryRun(async () => setDryRun(await dryRunMappingAction(data.flow, proposal)))}
          >
            Dry run on the latest 20
          </Button>
          <Button
            isLoading={savePending}
            disabled={!dirty}
            data-testid="save-mapping"
            onClick={() =>
              startSave(async () => {
                const result = await saveMappingAction(data.flow, proposal);
                setSaveResult(result);
                if (result.ok) setSaved(proposalKey);
              })
            }
          >
            Save mapping
          </Button>
        </Flex>
        {saveResult?.ok ? (
          <Box marginBottom="medium" data-testid="save-result">
            <Message type="success" messages={[{ text: `Saved. Every expression was checked on ${saveResult.checkedOn} real record(s); the next sync uses it.` }]} />
          </Box>
        ) : null}
        {saveResult && !saveResult.ok ? (
          <Box marginBottom="medium" data-testid="save-result">
            <Message
              type="error"
              messages={[{ text: 'Not saved.' }, { text: generalProblems.length > 0 ? generalProblems.map((p) => p.reason).join(' ') : 'Correct the fields marked in red, then save again.' }]}
            />
          </Box>
        ) : null}
        {dryRun ? <DryRunView result={dryRun} noun={NOUNS[data.flow]} /> : null}
      </Panel>
      </div>
    </>
  );
}
