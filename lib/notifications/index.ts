/**
 * Telling the merchant when a flow fails (once per problem), when it works again, and once a day if
 * they asked, by e-mail (SMTP) and an optional Slack/Teams incoming webhook.
 */
export {
  appNotifier,
  loadNotificationSettings,
  mailConfigFromEnv,
  openProblemsOf,
  sendTestNotification,
  updateNotificationSettings,
} from './app';
export type { ProblemRow } from '@/lib/db/queries/notifications';
export { deliver, NotificationDeliveryError, type ChannelResult, type MailConfig, type OutgoingMessage } from './channels';
export { createNotifier, type Notifier, type NotifierDeps } from './notifier';
export { CONSENT_KEY, flowLabel, planProblems, TOKEN_KEY, type FinishedRun } from './problems';
export {
  MAX_RECIPIENTS,
  notificationSettingsSchema,
  readNotificationSettings,
  saveNotificationSettings,
  splitRecipients,
  type SaveResult,
  type NotificationSettings,
  type StoreNotificationSettings,
} from './settings';
export { DAILY_SUMMARY_CHECK_MS, dailySummaryFunction } from './schedule';
export { FLOW_KEYS, flowKey, storeHealth, switchFlow, type FlowKey, type FlowSwitch, type OpenProblem } from './health';
