export { exchangeCode, verifySignedPayload, type AppCredentials, type CodeExchange } from './auth';
export { createBigCommerceClient, type BigCommerceClient, type BigCommerceClientOptions } from './client';
export {
  BigCommerceApiError,
  BigCommerceError,
  BigCommerceUnavailableError,
  SignedPayloadError,
  TokenExchangeError,
} from './errors';
export type { SignedPayload, StoreInformation, TokenResponse } from './schemas';
