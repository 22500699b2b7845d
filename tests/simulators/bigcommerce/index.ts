export { ApiError, errorResponse, validate } from './api/errors';
export type { ApiRequest, ApiResponse, ApiRoute, ApiVersion, HttpMethod } from './api/route';
export { GRANT_TTL_MS } from './grants';
export { RATE_WINDOW_MS } from './rate-limit';
export { APP_ACCOUNT_UUID, DEFAULT_RATE_LIMIT_QUOTA, DEFAULT_SCOPES } from './runtime';
export { seedStores } from './seed';
export { startBigCommerceSimulator } from './server';
export type {
  AppCallback,
  BigCommerceSimulator,
  BigCommerceSimulatorOptions,
  Grant,
  IssuedGrant,
  RecordedRequest,
  SeedStore,
  SignedPayloadClaims,
  SimStore,
  SimUser,
  SimulatorState,
  StoreInformation,
} from './types';
export type { FaultSpec, FaultsHelper } from './faults';
export type { OrderInput, OrderPatch, RefundInput } from './orders/input';
export type { OrdersHelper } from './orders/helper';
export type { OrderV2 } from './orders/render';
export type { OrderRefund, StoredOrder } from './orders/types';
export type { StoreData } from './store-data';
export type { Webhook, WebhookDelivery, WebhookPayload } from './webhooks/types';
export { RETRY_SCHEDULE_S } from './webhooks/delivery';
export { installApp, SPECS_AVAILABLE, startTestSimulator, testApi, TEST_APP_URL, TEST_CLIENT_ID, TEST_CLIENT_SECRET } from './testing';
export type { ApiResult, TestApi } from './testing';
