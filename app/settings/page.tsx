import { SignedOut } from '@/components/signed-out';
import { SETUP_FLOWS, storeFlowSettings, storeOnboarding } from '@/lib/onboarding';
import { getStoreSession } from '@/lib/session';
import { SettingsIndex, type SettingsIndexData } from './settings-index';

export const dynamic = 'force-dynamic';

export default async function SettingsPage() {
  const session = await getStoreSession();
  if (!session) return <SignedOut />;
  const [progress, ...states] = await Promise.all([storeOnboarding.read(session.storeHash), ...SETUP_FLOWS.map((f) => storeFlowSettings.read(session.storeHash, f))]);
  const data: SettingsIndexData = {
    flows: SETUP_FLOWS.map((flow, i) => ({ flow, enabled: states[i]?.enabled ?? false, paused: states[i]?.paused ?? false, needsAttention: states[i]?.ok === false })),
    setupFinished: progress.step === 'done',
  };
  return <SettingsIndex data={data} />;
}
