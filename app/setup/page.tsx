import { SignedOut } from '@/components/signed-out';
import { getStoreSession } from '@/lib/session';
import { SetupWizard } from './_components/setup-wizard';
import { loadSetup } from './page-data';

export const dynamic = 'force-dynamic';

export default async function SetupPage() {
  const session = await getStoreSession();
  if (!session) return <SignedOut />;
  return <SetupWizard data={await loadSetup(session)} />;
}
