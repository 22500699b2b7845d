import type { FlowDayFigures, ProblemRow } from '@/lib/db/queries/notifications';
import type { OutgoingMessage } from './channels';
import { flowLabel } from './keys';

/**
 * The words of every message, plain text for e-mail and chat alike: what happened, what fixes it,
 * and where to look. Written for a merchant or bookkeeper, not a developer.
 */
export interface MessageContext {
  storeHash: string;
  storeName?: string;
  appUrl: string;
}

const storeOf = (ctx: MessageContext) => ctx.storeName ?? `store ${ctx.storeHash}`;
const activityLink = (ctx: MessageContext, flow?: string | null) =>
  `${ctx.appUrl}/activity${flow ? `?flow=${encodeURIComponent(flow)}` : ''}`;

const footer = (ctx: MessageContext) =>
  [
    '',
    '—',
    `You receive this because your address is set under Settings › Notifications of the AccountView app for ${storeOf(ctx)}.`,
    `Change who is told: ${ctx.appUrl}/settings/notifications`,
  ].join('\n');

export function problemMessage(ctx: MessageContext, problem: Pick<ProblemRow, 'flow' | 'message' | 'hint' | 'kind'>): OutgoingMessage {
  return {
    subject: `Action needed: ${flowLabel(problem.flow)} — ${storeOf(ctx)}`,
    text: [
      problem.message,
      '',
      `What to do: ${problem.hint}`,
      '',
      `Activity log: ${activityLink(ctx, problem.flow)}`,
      'You will get one message when this is solved; no more messages about it until then.',
      footer(ctx),
    ].join('\n'),
  };
}

export function recoveryMessage(ctx: MessageContext, problem: Pick<ProblemRow, 'flow' | 'message'>): OutgoingMessage {
  return {
    subject: `Solved: ${flowLabel(problem.flow)} works again — ${storeOf(ctx)}`,
    text: [
      `${flowLabel(problem.flow)} ran without problems again.`,
      '',
      `The problem was: ${problem.message}`,
      '',
      `Activity log: ${activityLink(ctx, problem.flow)}`,
      footer(ctx),
    ].join('\n'),
  };
}

export interface DailySummary {
  figures: FlowDayFigures[];
  open: ProblemRow[];
  resolved: ProblemRow[];
}

export function summaryMessage(ctx: MessageContext, summary: DailySummary, day: string): OutgoingMessage {
  const lines: string[] = [`The last 24 hours of ${storeOf(ctx)}:`, ''];
  if (summary.figures.length === 0) lines.push('No synchronisation ran.');
  for (const f of summary.figures) {
    const failedRuns = f.failedRuns > 0 ? `, ${f.failedRuns} run(s) stopped` : '';
    lines.push(`- ${flowLabel(f.flow)}: ${f.runs} run(s), ${f.created} created, ${f.updated} updated, ${f.failed} failed${failedRuns}.`);
  }
  lines.push('');
  if (summary.open.length === 0) lines.push('Nothing needs your attention.');
  else {
    lines.push(`Needs your attention (${summary.open.length}):`);
    for (const p of summary.open) lines.push(`- ${p.message}`, `  What to do: ${p.hint}`);
  }
  if (summary.resolved.length > 0) {
    lines.push('', 'Solved since yesterday:');
    for (const p of summary.resolved) lines.push(`- ${flowLabel(p.flow)}: ${p.message}`);
  }
  lines.push('', `Activity log: ${activityLink(ctx)}`, footer(ctx));
  const subject = summary.open.length === 0 ? `Daily summary ${day}: all good — ${storeOf(ctx)}` : `Daily summary ${day}: ${summary.open.length} problem(s) open — ${storeOf(ctx)}`;
  return { subject, text: lines.join('\n') };
}

export function testMessage(ctx: MessageContext): OutgoingMessage {
  return {
    subject: `Test message from the AccountView app — ${storeOf(ctx)}`,
    text: [
      'This is a test. Notifications of the AccountView app reach you here.',
      '',
      'You will be told once when a synchronisation fails or records cannot be sent, and once when it works again.',
      footer(ctx),
    ].join('\n'),
  };
}
