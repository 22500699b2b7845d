import { AccountViewAuthError } from '@/lib/accountview';
import { BigCommerceAuthError } from '@/lib/bigcommerce';
import type { SyncRecordRow } from '@/lib/db/queries/runs';
import type { ProblemInput } from '@/lib/db/queries/notifications';
import { CONSENT_KEY, flowLabel, TOKEN_KEY } from './keys';

export { CONSENT_KEY, flowLabel, TOKEN_KEY };

/**
 * What a finished run means for the merchant's open problems. A problem is store + flow + kind:
 * the same problem seen by many runs (or many records) is one message; a connection problem is
 * shared by every flow, since one reconnect fixes them all.
 */
export interface FinishedRun {
  storeHash: string;
  runId: string;
  flow: string;
  state: 'success' | 'partial' | 'failed';
  /** Records that failed in this run. */
  failed: number;
  /** For a failed run: what was thrown (classified by type) and its plain-words description. */
  error?: unknown;
  errorMessage?: string;
}

export const PROBLEM_KINDS = ['run-failed', 'records-failing', 'consent-revoked', 'token-refused'] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

const CONNECTION_KEYS = [CONSENT_KEY, TOKEN_KEY];

const ENTITY_WORDS: Record<string, [string, string]> = {
  order: ['order', 'orders'],
  article: ['product', 'products'],
  product: ['product', 'products'],
  debtor: ['customer', 'customers'],
  customer: ['customer', 'customers'],
  stock: ['stock level', 'stock levels'],
};

function counted(n: number, entity: string | undefined): string {
  const [one, many] = ENTITY_WORDS[entity ?? ''] ?? ['record', 'records'];
  return `${n} ${n === 1 ? one : many}`;
}

/** Walks an error and its causes (a step or Inngest error wraps the client's). */
function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error, depth = 0; e && depth < 5; depth += 1) {
    chain.push(e);
    e = (e as { cause?: unknown }).cause;
  }
  return chain;
}

const isNamed = (error: unknown, name: string) => typeof error === 'object' && error !== null && (error as { name?: unknown }).name === name;

export function connectionProblemOf(error: unknown, runId?: string): ProblemInput | undefined {
  for (const e of errorChain(error)) {
    if (e instanceof AccountViewAuthError || isNamed(e, 'AccountViewAuthError')) {
      return {
        key: CONSENT_KEY,
        flow: null,
        kind: 'consent-revoked',
        message: 'AccountView no longer accepts the app’s access: the consent was withdrawn or has expired. Nothing is sent to or read from AccountView until it is renewed.',
        hint: 'Open the app in the BigCommerce control panel and click “Reconnect AccountView”, then approve the app in AccountView.',
        runId,
      };
    }
    if (e instanceof BigCommerceAuthError || isNamed(e, 'BigCommerceAuthError')) {
      return {
        key: TOKEN_KEY,
        flow: null,
        kind: 'token-refused',
        message: 'BigCommerce refused the app’s access to the store: the app was uninstalled or its access was revoked. Nothing is synchronised until it has access again.',
        hint: 'Install the app again from the BigCommerce control panel (Apps › My apps) so it has access to the store again.',
        runId,
      };
    }
  }
  return undefined;
}

export interface ProblemPlan {
  open: ProblemInput[];
  /** Keys of problems this run shows to be solved. */
  resolve: string[];
}

export function planProblems(run: FinishedRun, failedRecords: SyncRecordRow[]): ProblemPlan {
  const label = flowLabel(run.flow);
  const runFailed = `${run.flow}:run-failed`;
  const recordsFailing = `${run.flow}:records-failing`;
  if (run.state === 'failed') {
    const connection = connectionProblemOf(run.error, run.runId);
    if (connection) return { open: [connection], resolve: [] };
    return {
      open: [
        {
          key: runFailed,
          flow: run.flow,
          kind: 'run-failed',
          message: `${label}: the last run stopped before it finished. ${run.errorMessage ?? 'The reason is in the activity log.'}`.trim(),
          hint: 'The app tries again on its next run. If this keeps happening, open the activity log to see the run, fix what it names and retry it.',
          runId: run.runId,
        },
      ],
      resolve: [],
    };
  }
  // The run reached both systems, so the connections work (again).
  const resolve = [runFailed, ...CONNECTION_KEYS];
  if (run.state === 'success' && run.failed === 0) return { open: [], resolve: [...resolve, recordsFailing] };
  const first = failedRecords[0];
  const example = first ? ` For example ${first.sourceId}: ${first.message ?? 'it could not be sent'}` : '';
  return {
    open: [
      {
        key: recordsFailing,
        flow: run.flow,
        kind: 'records-failing',
        message: `${label}: ${counted(run.failed, first?.entity)} could not be synchronised in the last run.${example}`,
        hint: first?.hint ?? 'Open the activity log, fix the cause it names for each record, then retry the failed records.',
        runId: run.runId,
      },
    ],
    resolve,
  };
}
