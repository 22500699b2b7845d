export { ensureOrderWebhooks, ORDER_WEBHOOK_SCOPES, WEBHOOK_SECRET_HEADER, type WebhookReport } from './register';
export { MAX_WEBHOOK_BYTES, receiveOrderWebhook, type OrderChanged, type ReceiveOutcome } from './receive';
export { respondToOrderWebhook } from './http';
export { repairOrderWebhooks } from './repair';
