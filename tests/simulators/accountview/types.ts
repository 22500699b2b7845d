/** Shapes shared by every part of the AccountView simulator. */

/** VFP field types (reference §3.3), plus G for the image "general" column. */
export type FieldType = 'C' | 'M' | 'N' | 'I' | 'Y' | 'B' | 'L' | 'T' | 'D' | 'G';

/** Stored values: strings untrimmed-free (padding is added when rendering), dates as zone-less wall time. */
export type Value = string | number | boolean;
export type Row = Record<string, Value>;

export interface SimClient {
  clientId: string;
  clientSecret: string;
  /** Matched exactly, as AccountView.net's app registration does (SPEND). */
  redirectUris: string[];
  /** Shown on the consent page. */
  name?: string;
}

export interface SimCompany {
  id: string;
  code: string;
  description: string;
  /** Rows per table name (CONTACT, ARTICLE, SO_LINE…). */
  tables: Record<string, Row[]>;
}

export interface AuthCode {
  code: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  expiresAt: number;
  used: boolean;
  /** Every token issued from this consent shares it, so a replay can revoke them together. */
  family: string;
}

export interface AccessTokenRecord {
  token: string;
  clientId: string;
  scope: string;
  family: string;
  expiresAt: number;
  revoked: boolean;
}

export interface RefreshTokenRecord {
  token: string;
  clientId: string;
  scope: string;
  family: string;
  /** `rotated` once exchanged: presenting it again is reuse. */
  status: 'active' | 'rotated' | 'revoked';
}

export interface SimulatorState {
  companies: SimCompany[];
  codes: AuthCode[];
  accessTokens: AccessTokenRecord[];
  refreshTokens: RefreshTokenRecord[];
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  at: string;
  /** The X-Company header, when sent. */
  company?: string;
  /** `BusinessObject` from the query or the JSON body. */
  businessObject?: string;
  /** For POST /api/v3/token. */
  grantType?: string;
}

export type FaultKind = 'status' | 'slow' | 'drop' | 'malformed' | 'error-in-200';

export interface FaultSpec {
  match?: { method?: string; pathPrefix?: string; businessObject?: string };
  kind: FaultKind;
  /** For `status`; 503 when left out. */
  status?: number;
  /** For `slow`; 2000 ms when left out. */
  delayMs?: number;
  /** How many matching requests it hits; forever when left out. */
  times?: number;
  /** Chance per matching request, drawn from the seeded generator. */
  probability?: number;
}

export interface Fault extends FaultSpec {
  id: string;
  hits: number;
}

export interface FaultControl {
  add(spec: FaultSpec): string;
  remove(id: string): void;
  clear(): void;
  list(): Fault[];
}

export interface AccountViewSimulatorOptions {
  host?: string;
  port?: number;
  clients: SimClient[];
  accessTokenTtlMs?: number;
  /** Clock in ms, so tests can expire codes and tokens and pin change dates without waiting. */
  now?: () => number;
  /** Seed of the data generator and of fault probabilities; the same seed gives the same data. */
  seed?: number;
}

export interface IssueCodeInput {
  clientId: string;
  redirectUri: string;
  scope?: string;
}

export interface AccountViewSimulator {
  url: string;
  state: SimulatorState;
  requests: RecordedRequest[];
  reset(): void;
  faults: FaultControl;
  /** As a user withdrawing the app's consent: every refresh token (of one client, or all) stops working. */
  revokeConsent(clientId?: string): void;
  /** Every access token issued so far is expired from now on. */
  expireAccessTokens(): void;
  /** What clicking Approve does, without the page: returns a fresh authorization code. */
  issueCode(input: IssueCodeInput): string;
  stop(): Promise<void>;
}
