import type { z } from 'zod';

/** The app's AccountView.net registration plus where AccountView lives; injected, never read from the environment. */
export interface AccountViewConfig {
  /** Host root, e.g. `https://www.accountview.net`; the client adds `/api/v3` and `/ams/authorize.aspx`. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Must equal a redirect URI registered with the app in AccountView.net, character for character. */
  redirectUri: string;
  /** The zone AccountView's zone-less datetimes are in; default 'Europe/Amsterdam'. */
  timeZone?: string;
}

export interface AccountViewTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
  scope?: string;
}

/** A port; the app implements it over its database. */
export interface TokenStore {
  load(): Promise<AccountViewTokens | undefined>;
  /** Called with the NEW tokens before they are used: refresh tokens rotate, the old one is dead already. */
  save(tokens: AccountViewTokens): Promise<void>;
  /** Serialises refreshes for one store, across processes if the store can. */
  withRefreshLock<T>(fn: () => Promise<T>): Promise<T>;
}

export interface Company {
  id: string;
  code: string;
  description: string;
}

/** VFP field types (reference §3.3). */
export type FieldType = 'C' | 'N' | 'I' | 'Y' | 'B' | 'L' | 'T' | 'D' | 'M';

export type FilterScalar = string | number | boolean | Date;
/** How AccountView should read a filter value: character, numeric, date, datetime, logical. */
export type FilterValueType = 'C' | 'N' | 'D' | 'T' | 'L';

/**
 * One numbered filter. Operators are the ones the sources show; `In` is `Equal` with a list of values.
 * Dates are sent in the configured time zone (a `Date` as datetime, a `YYYY-MM-DD` string as date).
 */
export type Filter =
  | { field: string; operator: 'Equal' | 'NotEqual' | 'Contains' | 'DateOnOrAfterDate'; value: FilterScalar; type?: FilterValueType }
  | { field: string; operator: 'In'; values: readonly FilterScalar[]; type?: FilterValueType };

export interface ReadQuery {
  /** Columns to fetch, plain or table-qualified; all columns when left out. */
  fields?: readonly string[];
  filters?: readonly Filter[];
  /** OR the filters instead of AND (`matchAnyFilter`). */
  matchAny?: boolean;
  sortFields?: readonly string[];
  sortOrder?: 'ascending' | 'descending';
  /** Rows per request; default 500, at most 1000 (the largest value any source uses; the real maximum is unknown). */
  pageSize?: number;
  /** Selects the fiscal year on AccountView's side; left out, AccountView uses the current one. */
  bookDate?: Date | string;
  /** Response key to read rows from; known business objects need none. */
  table?: string;
}

/** A value in a row after normalisation: strings trimmed, zone-less datetimes turned into `Date`. */
export type AvValue = string | number | boolean | Date | null | AvRow | AvValue[];
export interface AvRow {
  [field: string]: AvValue;
}

export type FieldValue = string | number | boolean | Date | null;

/** One record to insert or update: named columns, turned into AccountView's positional body by the client. */
export interface WriteRecord {
  /** Header columns by AccountView field name, e.g. `{ ACCT_NAME: 'Jansen', MAIL_BUS: 'j@example.nl' }`. */
  fields: Readonly<Record<string, FieldValue>>;
  /** Detail rows (SO_LINE for SO1, DJ_LINE for DJ2). */
  lines?: readonly Readonly<Record<string, FieldValue>>[];
  /** Field types where the JS type does not say it (a `null` numeric, a code that looks like a number). */
  types?: Readonly<Record<string, FieldType>>;
  bookDate?: Date | string;
  /** Header and detail table names; known business objects need none. */
  table?: string;
  detailTable?: string;
}

export interface WriteResult {
  table: string;
  /** The stored record(s) as AccountView answered, normalised like read rows. */
  rows: AvRow[];
  row: AvRow | undefined;
}

export interface AccountViewClient {
  /** The company (`X-Company`) data calls go to; undefined until one is chosen. */
  readonly companyId: string | undefined;
  listCompanies(): Promise<Company[]>;
  /** Finds a company by its code (trimmed, case-insensitive); throws AccountViewCompanyNotFoundError otherwise. */
  resolveCompany(code: string): Promise<Company>;
  forCompany(companyId: string): AccountViewClient;
  /** Pages until a short page; one page in memory at a time. */
  readPages<T>(businessObject: string, query: ReadQuery, rowSchema: z.ZodType<T>): AsyncGenerator<T[]>;
  readAll<T>(businessObject: string, query: ReadQuery, rowSchema: z.ZodType<T>): Promise<T[]>;
  /** Counts by paging over a single column (AccountView has no count): for "Test connection". */
  count(businessObject: string, filters?: readonly Filter[]): Promise<number>;
  insert(businessObject: string, record: WriteRecord): Promise<WriteResult>;
  update(businessObject: string, record: WriteRecord): Promise<WriteResult>;
  /** From the granted scope; changes nothing. */
  canWrite(): Promise<boolean>;
}
