'use server';

import { z } from 'zod';
import { SETUP_FLOWS, storeOnboarding, type FieldProblem, type SetupFlow } from '@/lib/onboarding';
import { requireStoreSession } from '@/lib/session';

const input = z.partialRecord(z.enum(SETUP_FLOWS), z.record(z.string(), z.unknown()));

export type AnswerResult = { ok: true } | { ok: false; message?: string; problems: Partial<Record<SetupFlow, FieldProblem[]>> };

/** Saves each chosen flow's answers into its settings; the wizard moves on only when all were accepted. */
export async function answerSetupQuestions(answers: unknown): Promise<AnswerResult> {
  const session = await requireStoreSession();
  const parsed = input.safeParse(answers);
  if (!parsed.success) return { ok: false, message: 'The answers could not be read. Reload the page and try again.', problems: {} };
  const progress = await storeOnboarding.read(session.storeHash);
  const problems: Partial<Record<SetupFlow, FieldProblem[]>> = {};
  const answered: SetupFlow[] = [];
  for (const flow of progress.flows) {
    const result = await storeOnboarding.answer(session.storeHash, flow, parsed.data[flow] ?? {});
    if (result.ok) answered.push(flow);
    else problems[flow] = result.problems;
  }
  const allAnswered = answered.length === progress.flows.length;
  await storeOnboarding.save(session.storeHash, { answered, ...(allAnswered ? { step: 'test' as const } : {}) });
  return allAnswered ? { ok: true } : { ok: false, problems };
}
