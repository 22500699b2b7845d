import type { AccountViewConfig } from '@/lib/accountview';
import { env } from '@/lib/env';

/** The app's AccountView.net registration, or undefined when this installation has none. */
export function accountViewConfig(): AccountViewConfig | undefined {
  const e = env();
  if (!e.ACCOUNTVIEW_CLIENT_ID || !e.ACCOUNTVIEW_CLIENT_SECRET) return undefined;
  return {
    baseUrl: e.ACCOUNTVIEW_URL,
    clientId: e.ACCOUNTVIEW_CLIENT_ID,
    clientSecret: e.ACCOUNTVIEW_CLIENT_SECRET,
    redirectUri: `${e.APP_URL}/api/accountview/callback`,
    timeZone: e.ACCOUNTVIEW_TIME_ZONE,
  };
}
