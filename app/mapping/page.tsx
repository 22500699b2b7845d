import { SignedOut } from '@/components/signed-out';
import { getStoreSession } from '@/lib/session';
import { MapperIndex } from './_components/mapper-index';

export const dynamic = 'force-dynamic';

export default async function MappingPage() {
  const session = await getStoreSession();
  if (!session) return <SignedOut />;
  return <MapperIndex />;
}
