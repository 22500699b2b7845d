import { SignedOut } from '@/components/signed-out';
import { loadNotificationSettings } from '@/lib/notifications';
import { getStoreSession } from '@/lib/session';
import { NotificationsForm } from './notifications-form';

export const dynamic = 'force-dynamic';

export default async function NotificationSettingsPage() {
  const session = await getStoreSession();
  if (!session) return <SignedOut />;
  const settings = await loadNotificationSettings(session.storeHash);
  return (
    <NotificationsForm
      initial={{
        recipients: settings.recipients.join(', '),
        webhookUrl: settings.webhookUrl,
        dailySummary: settings.dailySummary,
      }}
      saved={settings.saved}
      mailConfigured={settings.mailConfigured}
    />
  );
}
