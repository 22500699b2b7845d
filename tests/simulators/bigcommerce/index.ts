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
