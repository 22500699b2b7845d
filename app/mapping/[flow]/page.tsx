import { notFound } from 'next/navigation';
import { SignedOut } from '@/components/signed-out';
import { loadEditor } from '@/lib/mapping-editor/editor';
import { isMapperFlow } from '@/lib/mapping-editor/fields';
import { getStoreSession } from '@/lib/session';
import { MappingEditor } from '../_components/mapping-editor';

export const dynamic = 'force-dynamic';

export default async function FlowMappingPage({ params }: { params: Promise<{ flow: string }> }) {
  const { flow } = await params;
  if (!isMapperFlow(flow)) notFound();
  const session = await getStoreSession();
  if (!session) return <SignedOut />;
  return <MappingEditor data={await loadEditor(session.storeHash, flow)} />;
}
