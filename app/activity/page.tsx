import { SignedOut } from '@/components/signed-out';
import { activityQuerySchema, type ActivityQuery } from '@/lib/activity/requests';
import { loadActivity } from '@/lib/activity/service';
import { getStoreSession } from '@/lib/session';
import { ActivityView } from './_components/activity-view';

export const dynamic = 'force-dynamic';

export default async function ActivityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await getStoreSession();
  if (!session) return <SignedOut />;
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = activityQuerySchema.safeParse(raw);
  // A hand-edited address with a bad filter shows the unfiltered log with a note, not an error page.
  const query: ActivityQuery = parsed.success ? parsed.data : {};
  const problem = parsed.success ? undefined : 'Some filters in the address were not understood and are ignored.';
  return <ActivityView page={await loadActivity(session.storeHash, query)} query={query} problem={problem} />;
}
