import { SignedOut } from '@/components/signed-out';
import { needsOnboarding } from '@/lib/onboarding';
import { getStoreSession } from '@/lib/session';
import { redirect } from 'next/navigation';
import { Home } from './_components/home';
import { loadHome } from './page-data';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const session = await getStoreSession();
  if (!session) return <SignedOut />;
  if (await needsOnboarding(session.storeHash)) redirect('/setup');
  return <Home data={await loadHome(session)} />;
}
