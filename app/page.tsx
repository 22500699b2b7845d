import { SignedOut } from '@/components/signed-out';
import { getStoreSession } from '@/lib/session';
import { Home } from './_components/home';
import { loadHome } from './page-data';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const session = await getStoreSession();
  if (!session) return <SignedOut />;
  return <Home data={await loadHome(session)} />;
}
