import { notFound } from 'next/navigation';
import { z } from 'zod';
import { SignedOut } from '@/components/signed-out';
import { recordsQuerySchema } from '@/lib/activity/requests';
import { loadRun } from '@/lib/activity/service';
import { getStoreSession } from '@/lib/session';
import { RunView } from '../../_components/run-view';

export const dynamic = 'force-dynamic';

export default async function RunPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await getStoreSession();
  if (!session) return <SignedOut />;
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const filter = recordsQuerySchema.safeParse(raw);
  const { outcome, before } = filter.success ? filter.data : {};
  const page = await loadRun(session.storeHash, id.data, { outcome, before });
  // Another store's run is "not found" too: the id says nothing about which store it belongs to.
  if (!page) notFound();
  return <RunView page={page} outcome={outcome} />;
}
