import { completeConnect, ConnectError, NotConfiguredError } from '@/lib/accountview-connection';
import { consentDonePage } from '@/lib/html-pages';
import { logger } from '@/lib/logger';

export const dynamic = 'force-dynamic';

const html = (body: string, status: number) =>
  new Response(body, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });

/** AccountView sends the consent window here; the signed state says which store user it is for. */
export async function GET(request: Request): Promise<Response> {
  try {
    const { storeHash } = await completeConnect(new URL(request.url).searchParams);
    logger().info({ storeHash }, 'accountview connected');
    return html(
      consentDonePage('connected', 'AccountView is connected', 'You can close this window; the app continues in your BigCommerce control panel.'),
      200,
    );
  } catch (error) {
    if (error instanceof ConnectError) {
      logger().warn({ code: error.code }, error.message);
      return html(consentDonePage('failed', error.problem.message, error.problem.hint), error.status);
    }
    if (error instanceof NotConfiguredError) {
      return html(consentDonePage('failed', 'AccountView is not set up for this app', 'Please contact support.'), 503);
    }
    throw error;
  }
}
