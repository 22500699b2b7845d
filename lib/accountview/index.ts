export { BUSINESS_OBJECTS, type KnownBusinessObject } from './business-objects';
export { createAccountViewClient, type AccountViewClientOptions } from './client';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './data';
export { DEFAULT_TIME_ZONE, fromWallClock, toWallClock } from './dates';
export {
  AccountViewApiError,
  AccountViewAuthError,
  AccountViewCompanyNotFoundError,
  AccountViewConsentRefusedError,
  AccountViewError,
  AccountViewUnavailableError,
  isRetryable,
  type AuthFailure,
} from './errors';
export { authorizationCodeFrom, authorizeUrl, DEFAULT_SCOPE, exchangeAuthorizationCode } from './oauth';
export type { RetryPolicy } from './retry';
export { avBoolean, avDate, avNumber, avText } from './schemas';
export type {
  AccountViewClient,
  AccountViewConfig,
  AccountViewTokens,
  AvRow,
  AvValue,
  Company,
  FieldType,
  FieldValue,
  Filter,
  FilterScalar,
  FilterValueType,
  ReadQuery,
  TokenStore,
  WriteRecord,
  WriteResult,
} from './types';
