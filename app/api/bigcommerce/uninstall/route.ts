import { uninstall, respondWithJson } from '@/lib/app-lifecycle';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return respondWithJson(request, uninstall);
}
