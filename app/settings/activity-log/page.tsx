import { SignedOut } from '@/components/signed-out';
import { loadRetention } from '@/lib/activity/service';
import { getStoreSession } from '@/lib/session';
import { RetentionForm } from './_components/retention-form';

export const dynamic = 'force-dynamic';

export default async function ActivityLogSettingsPage() {
  const session = await getStoreSession();
  if (!session) return <SignedOut />;
  const { retentionDays } = await loadRetention(session.storeHash);
  return <RetentionForm retentionDays={retentionDays} />;
}
