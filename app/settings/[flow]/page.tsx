import { notFound } from 'next/navigation';
import { SignedOut } from '@/components/signed-out';
import { FLOW_SCHEMAS, isSetupFlow } from '@/lib/onboarding';
import { getStoreSession } from '@/lib/session';
import { FlowSettingsForm } from './_components/flow-settings-form';
import { loadFlowSettings } from './page-data';

export const dynamic = 'force-dynamic';

export default async function FlowSettingsPage({ params }: { params: Promise<{ flow: string }> }) {
  const { flow } = await params;
  if (!isSetupFlow(flow)) notFound();
  const session = await getStoreSession();
  if (!session) return <SignedOut />;
  const data = await loadFlowSettings(session.storeHash, flow);
  // Stored settings that no longer pass the schema are shown as the defaults, with the reasons.
  const settings = data.settings ?? (FLOW_SCHEMAS[flow].parse({}) as Record<string, unknown>);
  return <FlowSettingsForm data={{ ...data, settings }} />;
}
