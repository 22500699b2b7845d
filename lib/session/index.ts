export { authOptions, SESSION_BASE_PATH, SESSION_COOKIE } from './auth-options';
export { getStoreSession, NoStoreSessionError, requireStoreSession } from './store-session';
export { issueSessionTicket, redeemSessionTicket, type StoreSession } from './ticket';
