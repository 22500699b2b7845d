import { CONSENT_KEY, FLOW_LABELS as FLOW_TITLES, TOKEN_KEY } from '@/lib/notifications/keys';
import type { HomeData } from '../page-data';

/**
 * What stopped working, each with the action that fixes it, most severe first. Derived from the
 * live state (AccountView connection, BigCommerce access, webhooks, switches) and from the problems
 * the notifications track, without showing the same problem twice.
 */
export type HealthAction =
  | { kind: 'reconnect-accountview' }
  | { kind: 'reinstall' }
  | { kind: 'repair-webhooks' }
  | { kind: 'resume'; flow: string }
  | { kind: 'activity'; href: string };

export interface HealthItem {
  id: string;
  severity: 'error' | 'warning';
  title: string;
  text: string;
  action: HealthAction;
}


export function healthItems(data: HomeData): HealthItem[] {
  const items: HealthItem[] = [];
  const problems = data.health.problems;
  const tokenProblem = problems.find((p) => p.key === TOKEN_KEY);
  if (data.bigCommerceRefused || tokenProblem) {
    items.push({
      id: 'bigcommerce-access',
      severity: 'error',
      title: 'BigCommerce refused the app’s access to this store',
      text: 'The app was uninstalled or its access was revoked, so nothing is synchronised. In the BigCommerce control panel, go to Apps › My apps and install the app again.',
      action: { kind: 'reinstall' },
    });
  }
  const consentProblem = problems.find((p) => p.key === CONSENT_KEY);
  // Once reconnected, an open consent problem is fixed; the next run confirms it.
  if (data.accountView.state === 'needs-reconnect' || (consentProblem && data.accountView.state !== 'connected')) {
    items.push({
      id: 'accountview-consent',
      severity: 'error',
      title: 'AccountView stopped accepting the connection',
      text: consentProblem?.message ?? (data.accountView.state === 'needs-reconnect' ? data.accountView.problem : ''),
      action: { kind: 'reconnect-accountview' },
    });
  }
  if (data.orders.enabled && data.orders.webhookProblem) {
    items.push({
      id: 'order-webhooks',
      severity: 'warning',
      title: 'BigCommerce is not telling the app about new orders',
      text: `${data.orders.webhookProblem} Until then orders arrive only with the check every 15 minutes.`,
      action: { kind: 'repair-webhooks' },
    });
  }
  for (const flow of data.health.flows) {
    if (!flow.enabled || !flow.paused) continue;
    items.push({
      id: `paused-${flow.flow}`,
      severity: 'warning',
      title: `${FLOW_TITLES[flow.flow] ?? flow.flow} is paused`,
      text: 'Nothing is synchronised for this flow until it is resumed. Changes made meanwhile are picked up after resuming.',
      action: { kind: 'resume', flow: flow.flow },
    });
  }
  for (const problem of problems) {
    if (problem.key === TOKEN_KEY || problem.key === CONSENT_KEY) continue;
    const flow = problem.flow ?? '';
    items.push({
      id: `problem-${problem.key}`,
      severity: 'error',
      title: `${FLOW_TITLES[flow] ?? 'Synchronisation'}: needs attention since ${problem.openedAt}`,
      text: `${problem.message} What to do: ${problem.hint}`,
      action: { kind: 'activity', href: `/activity?flow=${encodeURIComponent(flow)}${problem.runId ? `&run=${encodeURIComponent(problem.runId)}` : ''}` },
    });
  }
  return items;
}
