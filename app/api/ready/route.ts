import { checkFullReadiness } from '@/lib/health';

export const dynamic = 'force-dynamic';

/** Readiness: 200 once the database answers with every migration applied, 503 otherwise. /api/health is liveness. */
export async function GET(): Promise<Response> {
  const readiness = await checkFullReadiness();
  return Response.json(readiness, { status: readiness.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
