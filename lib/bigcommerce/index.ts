export { exchangeCode, verifySignedPayload, type AppCredentials, type CodeExchange } from './auth';
export { BATCH_LIMITS } from './batch';
export { createBigCommerceClient, type BigCommerceClient, type BigCommerceClientOptions } from './client';
export { systemClock, type Clock } from './clock';
export type { ProductImageUpload } from './endpoints/catalog';
export {
  BigCommerceApiError,
  BigCommerceAuthError,
  BigCommerceBatchLimitError,
  BigCommerceError,
  BigCommercePartialSuccessError,
  BigCommerceRateLimitError,
  BigCommerceResponseError,
  BigCommerceUnavailableError,
  isRetryable,
  SignedPayloadError,
  TokenExchangeError,
  type V2ErrorItem,
} from './errors';
export { MAX_PAGE_SIZE, paginateV3 } from './paging';
export type { RateLimitReport } from './rate-limit-headers';
export { createRateLimiter, sharedRateLimiter, type RateLimiter, type RateLimiterOptions, type RateLimitState } from './rate-limiter';
export type { ApiPath, ApiResponse, Query, RequestOptions } from './request';
export { defaultRetryPolicy, type HttpMethod, type RetryPolicy } from './retry';
export type { SignedPayload, StoreInformation, TokenResponse } from './schemas';
export type * from './types';
