import { SignedOut } from '@/components/signed-out';
import { loadDashboardFor } from '@/lib/activity/service';
import { getStoreSession } from '@/lib/session';
import { DashboardView } from './_components/dashboard-view';

export const dynamic = 'force-dynamic';

export default async function DashboardPage() {
  const session = await getStoreSession();
  if (!session) return <SignedOut />;
  return <DashboardView data={await loadDashboardFor(session.storeHash)} />;
}
