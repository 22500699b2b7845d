'use server';

import { testConnection, withAccountView, type ConnectionTestReport } from '@/lib/accountview-connection';
import { requireStoreSession } from '@/lib/session';

export type TestConnectionResult = { ok: true; report: ConnectionTestReport } | { ok: false; message: string; hint: string };

export async function testAccountViewConnection(): Promise<TestConnectionResult> {
  const session = await requireStoreSession();
  const result = await withAccountView(session.storeHash, () => testConnection(session.storeHash));
  return result.ok ? { ok: true, report: result.value } : { ok: false, message: result.problem.message, hint: result.problem.hint };
}
