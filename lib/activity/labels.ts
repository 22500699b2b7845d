import type { FlowName, RecordOutcome, RunTrigger } from '@/lib/engine';

/** Plain words for what the activity log shows; one place, so every page says the same. */
export const FLOW_LABEL: Record<FlowName, string> = {
  orders: 'Orders → AccountView',
  products: 'Products → BigCommerce',
  stock: 'Stock → BigCommerce',
  customers: 'Customers → BigCommerce',
};

export const TRIGGER_LABEL: Record<RunTrigger, string> = {
  webhook: 'BigCommerce webhook',
  poll: 'Check for missed orders',
  manual: 'Started by you',
  schedule: 'Schedule',
  retry: 'Retry',
};

export const OUTCOME_LABEL: Record<RecordOutcome, string> = {
  created: 'Created',
  updated: 'Updated',
  skipped: 'Skipped',
  failed: 'Failed',
};

/** "2 min 5 s", "350 ms", or "running" for a run without an end. */
export function durationOf(startedAt: Date | string | null, endedAt: Date | string | null): string {
  if (!startedAt) return 'waiting';
  if (!endedAt) return 'running';
  const ms = new Date(endedAt).getTime() - new Date(startedAt).getTime();
  if (ms < 1000) return `${Math.max(0, ms)} ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
}

/** A moment as a Dutch or Belgian merchant reads it: 29-11-2026 14:05. */
export function formatMoment(value: Date | string): string {
  return new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' }).format(new Date(value));
}
