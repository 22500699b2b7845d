'use server';

import { z } from 'zod';
import type { DryRun } from '@/lib/mapping-editor/dry-run';
import { dryRunMapping, previewMapping, saveMapping, type LivePreview, type MappingProposal, type SaveResult } from '@/lib/mapping-editor/editor';
import { MAPPER_FLOWS, type MapperFlow } from '@/lib/mapping-editor/fields';
import { requireStoreSession } from '@/lib/session';

const flowSchema = z.enum(MAPPER_FLOWS);
// Expressions are capped so one request cannot hand the mapper megabytes to compile.
const proposalSchema = z.object({
  mapping: z.record(z.string().max(200), z.string().max(4000)),
  fieldModes: z.record(z.string().max(200), z.enum(['always', 'create-only'])).optional(),
});
const sampleSchema = z.string().max(100).optional();

function parse(flow: unknown, proposal: unknown): { flow: MapperFlow; proposal: MappingProposal } {
  return { flow: flowSchema.parse(flow), proposal: proposalSchema.parse(proposal) };
}

/** Live preview: the proposed mapping on the sample record shown in the editor. */
export async function previewMappingAction(flow: MapperFlow, proposal: MappingProposal, sampleId?: string): Promise<LivePreview> {
  const session = await requireStoreSession();
  const input = parse(flow, proposal);
  return previewMapping(session.storeHash, input.flow, input.proposal, sampleSchema.parse(sampleId));
}

/** Replays the latest 20 records through the saved and the proposed mapping. */
export async function dryRunMappingAction(flow: MapperFlow, proposal: MappingProposal): Promise<DryRun> {
  const session = await requireStoreSession();
  const input = parse(flow, proposal);
  return dryRunMapping(session.storeHash, input.flow, input.proposal);
}

/** Checks every expression on real records and saves, or gives the reasons by field. */
export async function saveMappingAction(flow: MapperFlow, proposal: MappingProposal): Promise<SaveResult> {
  const session = await requireStoreSession();
  const input = parse(flow, proposal);
  return saveMapping(session.storeHash, input.flow, input.proposal);
}
