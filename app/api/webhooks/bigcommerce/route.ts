import { respondToOrderWebhook } from '@/lib/webhooks';

export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return respondToOrderWebhook(request);
}
