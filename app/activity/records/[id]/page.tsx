import { notFound } from 'next/navigation';
import { z } from 'zod';
import { SignedOut } from '@/components/signed-out';
import { loadRecord } from '@/lib/activity/service';
import { getStoreSession } from '@/lib/session';
import { RecordView } from '../../_components/record-view';

export const dynamic = 'force-dynamic';

export default async function RecordPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await getStoreSession();
  if (!session) return <SignedOut />;
  const id = z.coerce.number().int().positive().safeParse((await params).id);
  if (!id.success) notFound();
  const found = await loadRecord(session.storeHash, id.data);
  if (!found) notFound();
  return <RecordView record={found.record} run={found.run} />;
}
