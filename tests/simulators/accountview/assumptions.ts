/**
 * Every guess this simulator makes about AccountView.net, in one file.
 *
 * The reference (/work/shared/reference/accountview.md) is built from third-party clients; Visma's own API
 * documentation was not available. What the reference marks [C]/[C+] the simulator implements as stated and
 * does not repeat here. Everything below is marked ASSUMPTION, with the reason it was chosen. When a sandbox
 * login exists, check these first: `GET /api/v3/accountviewsystemdata?businessobject=fld&…` for field names
 * and widths, and one real token response for lifetimes and scope.
 *
 * The rest of the simulator imports names from here, so changing a guess changes it everywhere.
 */

// ─── OAuth ──────────────────────────────────────────────────────────────────────────────────────

/**
 * ASSUMPTION: access tokens live one hour (`expires_in: 3600`). Reason: no source gives a lifetime (reference
 * §2 [?]); AccountView.net runs on IIS/ASP.NET (`authorize.aspx`), and one hour is the OWIN OAuth default.
 */
export const ACCESS_TOKEN_TTL_MS = 3_600_000;

/** ASSUMPTION: authorization codes live five minutes (OWIN default) and are single use (RFC 6749 §4.1.2). */
export const AUTH_CODE_TTL_MS = 5 * 60_000;

/**
 * ASSUMPTION (decision): refresh tokens rotate, and presenting a rotated-out refresh token again fails with
 * `invalid_grant` AND revokes the whole token family (every refresh and access token that descends from the
 * same consent), as the OAuth 2.0 Security BCP recommends for rotation. Reason: PHP stores the new
 * refresh_token after every refresh, so rotation is likely [I]; whether reuse kills the family is unknown,
 * and the strict choice makes a client that races two refreshes fail here rather than in production.
 */
export const REFRESH_REUSE_REVOKES_FAMILY = true;

/** ASSUMPTION: replaying an authorization code also revokes the tokens issued from it (RFC 6749 §4.1.2 SHOULD). */
export const CODE_REUSE_REVOKES_FAMILY = true;

/**
 * Scope names are confirmed [C] (PHP). ASSUMPTION: what each allows: reads need `readaccountviewdata`,
 * POST/PUT need `updateaccountviewdata`; neither implies the other.
 */
export const SCOPES = {
  read: 'readaccountviewdata',
  update: 'updateaccountviewdata',
  delete: 'deleteaccountviewdata',
} as const;

/** ASSUMPTION: GO's `scope=*` grants all three scopes. */
export const WILDCARD_SCOPE = '*';

/** ASSUMPTION: an authorize request without `scope` gets read access only (least privilege). */
export const DEFAULT_SCOPE = SCOPES.read;

/**
 * ASSUMPTION: token responses carry `token_type: "bearer"`, `expires_in` (seconds) and `scope`.
 * Reason: PHP reads access/refresh tokens, NG reads token_type, CPM shows scope; expires_in is OAuth standard.
 */
export const TOKEN_TYPE = 'bearer';

/**
 * ASSUMPTION: a missing, unknown, expired or revoked bearer token gets ASP.NET Web API's default 401 body
 * and `WWW-Authenticate: Bearer`. Reason: the host is IIS/ASP.NET; no source shows the body.
 */
export const UNAUTHORIZED_BODY = { Message: 'Authorization has been denied for this request.' } as const;

/**
 * ASSUMPTION: the consent page skips AccountView.Net's login form; one signed-in user with access to every
 * seeded company approves or denies. Reason: tests and the demo need a click, not a password.
 */
export const SIM_USER = { name: 'Demo Gebruiker', email: 'demo@accountview.invalid' } as const;

/** ASSUMPTION: company `Id`s are GUIDs (they are opaque strings in GO's `types.go`). */
export const COMPANY_ID_FORMAT = 'guid';

/** ASSUMPTION: the company `Code` is a char(8) column and comes back padded, like GO's padded table names. */
export const COMPANY_CODE_WIDTH = 8;

// ─── Reading ────────────────────────────────────────────────────────────────────────────────────

/** ASSUMPTION: rows per page when `PageSize` is absent. Reason: unknown [?]; 100 is a common server default. */
export const DEFAULT_PAGE_SIZE = 100;

/**
 * ASSUMPTION: larger `PageSize` values are silently capped at 1000. Reason: the maximum is unknown [?]; 1000
 * is the largest value any source sends. A client that asks for more and stops at the first short page would
 * miss rows here, which is the point.
 */
export const MAX_PAGE_SIZE = 1000;

/** ASSUMPTION: with `FilterIsListOfValues{n}=true` the values in `FilterValue{n}` are separated by commas. */
export const LIST_OF_VALUES_SEPARATOR = ',';

/**
 * Operators the sources show [C]: Equal, NotEqual, Contains, DateOnOrAfterDate (names case-insensitive).
 * ASSUMPTION: `DateBeforeDate` exists too, so a window can be closed; nothing shows it.
 */
export const ASSUMED_EXTRA_FILTER_OPERATORS = ['DateBeforeDate'] as const;

/**
 * ASSUMPTION: character comparisons in filters ignore trailing spaces (VFP padding) but are case-sensitive,
 * as VFP's `=` and `$` are. Reason: reference §4(b) [I] "VFP comparisons are often case-sensitive".
 */
export const FILTERS_CASE_SENSITIVE = true;

/**
 * ASSUMPTION: when a read finds exactly one row, these tables come back as a bare object instead of a
 * one-element array. Reason: PHP guards against exactly this for ARTICLE [C]; PHP and PAS read `CONTACT[0]`
 * from one-row results and GO unmarshals into slices, so the other tables evidently stay arrays.
 */
export const SINGLE_ROW_AS_OBJECT_TABLES: readonly string[] = ['ARTICLE'];

/**
 * ASSUMPTION: every character (C) column comes back right-padded with spaces to its width, as a VFP char
 * column is stored. Widths other than ACCT_NAME (40, GO `fields/contact.json`) are guesses. Memo (M) is not
 * padded.
 */
export const PAD_CHARACTER_COLUMNS = true;

/** ASSUMPTION: AccountView's clock is Dutch wall time; datetimes are written and read without a zone (§5 [I]). */
export const SERVER_TIME_ZONE = 'Europe/Amsterdam';

/**
 * ASSUMPTION: date (D) columns are rendered like datetimes, at midnight (`2024-03-31T00:00:00`), because the
 * .NET layer serialises both as DateTime. Empty dates are `""` (GO treats `""` as empty [C]).
 */
export const EMPTY_DATE = '';

/**
 * ASSUMPTION: with an explicit `Fields` list only those columns come back; with `*` or no `Fields`, every
 * column except the heavy image columns, plus the synthetic `EXT_KEY` and `<TABLE>_Id` that GO models.
 * `EXT_KEY` equals the row's `REC_ID`; `<TABLE>_Id` is the row's 0-based position in the response, and
 * nested detail rows carry their header's position as `<HEADER_TABLE>_Id` (GO's `COMP_HDR_Id`).
 */
export const SYNTHETIC_ROW_FIELDS = { extKey: 'EXT_KEY', positionSuffix: '_Id' } as const;

/**
 * ASSUMPTION: `GET /accountviewfields?BusinessObject=…` (GO calls it; nobody models the answer) returns the
 * data-dictionary rows of the object's tables, keyed `DCT_FLD` like `/accountviewsystemdata?businessobject=fld`.
 */
export const FIELDS_ENDPOINT_TABLE = 'DCT_FLD';

/**
 * ASSUMPTION: D/T filter values must be VFP literals (`{^2024-01-01}`, `{^2024-01-01 10:00}`, seconds optional);
 * a bare ISO date is refused with 400. Reason: every source sends the literal form; VFP evaluates it.
 */
export const DATE_FILTERS_NEED_VFP_LITERAL = true;

/** ASSUMPTION: without SortFields, rows come in the order of the table's lastKey column (index order). */
export const DEFAULT_ORDER = 'lastKey column, then REC_ID';

/** ASSUMPTION: a read with no match answers `{"TABLE": []}` with 200, never 404 (PAS's 404 case is not modelled). */
export const EMPTY_RESULT_STATUS = 200;

/** ASSUMPTION: AR1 reads also return an empty `USR_LINK` table after `CONTACT` (GO has the key; contents unknown). */
export const AR1_EXTRA_TABLES: readonly string[] = ['USR_LINK'];

// ─── Errors ─────────────────────────────────────────────────────────────────────────────────────

/** `ErrorType` value seen in GO [C]; ASSUMPTION: the simulator uses it for every error. */
export const ERROR_TYPE = 'AccountViewError';

/**
 * ASSUMPTION: refusals by AccountView's business rules (mandatory field empty, unknown article or debtor,
 * blocked record, duplicate key, value too long, object not updatable) come back with HTTP 200 and the
 * `{ErrorType, ErrorNumbers, ErrorMessage}` body: the web layer relays the engine's answer. Requests the web
 * layer cannot parse (bad JSON, unknown business object or field, bad filter, missing X-Company) get 400.
 * Reason: GO checks error bodies on 2xx [C], so 200-with-error exists; which cases use it is unknown.
 */
export const BUSINESS_REFUSALS_STATUS = 200;
export const MALFORMED_REQUEST_STATUS = 400;

/**
 * ASSUMPTION: every /api/v3 call except /token and /companies needs `X-Company` (metadata included, since the
 * data dictionary belongs to an administration). Missing or unknown → 400 with the error body.
 */
export const COMPANY_HEADER_REQUIRED_FOR_METADATA = true;
export const UNKNOWN_COMPANY_STATUS = 400;

/** ASSUMPTION: a token without the needed scope gets 403 with the error body. */
export const MISSING_SCOPE_STATUS = 403;

/**
 * ASSUMPTION: what IIS/ASP.NET itself answers (no source shows these): unknown route 404, wrong method 405 and
 * unhandled 500 as `{"Message": …}`; a stopped application pool or unreachable installation as IIS's HTML
 * "Service Unavailable" page for 502/503/504.
 */
export const ASP_NET_MESSAGES = {
  notFound: (path: string) => `No HTTP resource was found that matches the request URI '${path}'.`,
  methodNotAllowed: (method: string) => `The requested resource does not support http method '${method}'.`,
  serverError: 'An error has occurred.',
} as const;
export const IIS_UNAVAILABLE_PAGE = (status: number) =>
  `<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body><h1>Service Unavailable</h1><p>HTTP Error ${status}. The service is unavailable.</p></body></html>`;

/** ASSUMPTION: the token endpoint's errors follow RFC 6749 §5.2 (`{error, error_description}`, 400; 401 for Basic). */
export const TOKEN_ERRORS_FOLLOW_RFC6749 = true;

/** ASSUMPTION: error numbers (the sources only show `ErrorNumbers: null`). Invented, stable for tests. */
export const ERROR_NUMBERS = {
  mandatory: 2001,
  unknownReference: 2002,
  duplicateKey: 2003,
  recordNotFound: 2004,
  blocked: 2005,
  tooLong: 2006,
  notAllowed: 2007,
  invalidValue: 2008,
  /** Used by the `error-in-200` fault: AccountView itself failed behind the web layer. */
  internal: 9001,
} as const;

/** ASSUMPTION: AccountView's own messages are Dutch (it is a Dutch product); the simulator writes them in Dutch. */
export const MESSAGE_LANGUAGE = 'nl';

// ─── Writing ────────────────────────────────────────────────────────────────────────────────────

/**
 * ASSUMPTION: a `T`/`D` value's zone designator (`Z`, `+02:00`) is ignored and the wall-clock part is stored.
 * Reason: PHP sends local time with a literal `.000Z` and that works in production [C].
 */
export const WRITE_IGNORES_ZONE_DESIGNATOR = true;

/** ASSUMPTION: a character value longer than its column is refused, not truncated (truncation would lose data silently). */
export const REFUSE_TOO_LONG_VALUES = true;

/**
 * ASSUMPTION: PUT changes only the columns it lists (reference §3.3 [I]), on header rows only; detail rows in
 * a PUT are refused. The row must carry the record key (`SUB_NR` for AR1, PAS [C]; see `UPDATE_KEYS`).
 */
export const PARTIAL_UPDATES = true;

/** ASSUMPTION: record keys a PUT is matched on, per business object (AR1's SUB_NR is confirmed by PAS). */
export const UPDATE_KEYS: Readonly<Record<string, string>> = {
  AR1: 'SUB_NR',
  AK1: 'ART_CODE',
  AG1: 'AG_CODE',
  ADDR: 'REC_ID',
  SO1: 'ORD_NR',
};

/**
 * ASSUMPTION: numbers AccountView assigns when an insert leaves them empty: debtor `SUB_NR` (PHP omits it [I]),
 * order `ORD_NR`, journal `PAGE_NR`, sales-journal `INV_NR`, and every row's `REC_ID`. Each is "highest + 1".
 */
export const AUTO_NUMBERED = { debtor: 'SUB_NR', order: 'ORD_NR', page: 'PAGE_NR', invoice: 'INV_NR', record: 'REC_ID' } as const;

/** ASSUMPTION: a new debtor without `ACCT_NR` gets collective account 1300 (Debiteuren); PHP hard-codes 1210. */
export const DEFAULT_DEBTOR_COLLECTIVE_ACCOUNT = '1300';

/** ASSUMPTION: a sales order and a journal page need at least one detail line; an order line with quantity 0 is refused. */
export const HEADERS_NEED_LINES = true;
export const REFUSE_ZERO_QUANTITY = true;

/** ASSUMPTION: inserting a sales order reserves its quantities: `QTY_RES` up and `QTY_AVAIL`/`QTY_FREE2` down. */
export const ORDERS_RESERVE_STOCK = true;

/** ASSUMPTION: orders for a blocked article (`REC_BLK`) or a debtor blocked for orders (`BLK_SP`) are refused. */
export const REFUSE_BLOCKED_ON_ORDERS = true;

/** ASSUMPTION: a DJ2 page whose `INV_NR` already exists in the same journal is refused (PAS checks first [C]). */
export const REFUSE_DUPLICATE_INVOICE_NUMBER = true;

// ─── Field names nobody has shown ───────────────────────────────────────────────────────────────

/**
 * ARTICLE columns the reference lists as unknown [?]. Confirmed ones (ART_CODE, ART_DESC1, AG_CODE, PX_SELL,
 * COST_PX, QTY_AVAIL, QTY_FREE2, QTY_TECH, QTY_BESTEL, CNG_DATE, IMG_MEDIUM, IMG_M_DATA) are not here.
 */
export const ARTICLE_FIELDS = {
  /** ASSUMPTION: EAN-13 barcode in `EAN_CODE`, char(13); empty when the article has none. */
  ean: 'EAN_CODE',
  /** ASSUMPTION: a variant family is the set of articles sharing `MAIN_ART` (the family's model code, not itself an article). */
  variantGroup: 'MAIN_ART',
  /** ASSUMPTION: the variant's size in `VAR_SIZE`. */
  size: 'VAR_SIZE',
  /** ASSUMPTION: the variant's colour in `VAR_COLOR`. */
  colour: 'VAR_COLOR',
  /** ASSUMPTION: the article's VAT code in `VAT_CODE`, as on CONTACT and DJ_LINE. */
  vatCode: 'VAT_CODE',
  /** ASSUMPTION: blocked articles have `REC_BLK` true, as debtors do (GO `acct_rec_types.go`). */
  blocked: 'REC_BLK',
  /** ASSUMPTION: quantity reserved by open sales orders in `QTY_RES`; QTY_AVAIL = QTY_TECH − QTY_RES. */
  reserved: 'QTY_RES',
  /** ASSUMPTION: a second description line in `ART_DESC2`. */
  description2: 'ART_DESC2',
  /** ASSUMPTION: weight in kilograms in `WEIGHT`. */
  weight: 'WEIGHT',
  /** ASSUMPTION: unit of sale in `UNIT_CODE` (`ST` stuk, `PR` paar, `DS` doos). */
  unit: 'UNIT_CODE',
} as const;

/**
 * Image columns: the names are confirmed (PHP), the shapes are ASSUMPTIONS: `IMG_MEDIUM` is an object
 * `{ name }` (PHP reads `IMG_MEDIUM['name']`) or null, `IMG_M_DATA` is base64 (§4(a) [I]). Both are heavy, so
 * they only come back when `Fields` names them.
 */
export const IMAGE_FIELDS = { name: 'IMG_MEDIUM', data: 'IMG_M_DATA' } as const;

/** ASSUMPTION: QTY_FREE2 ("vrije voorraad 2", NG) = QTY_AVAIL + QTY_BESTEL (stock on purchase order). */
export const FREE_STOCK_INCLUDES_PURCHASE_ORDERS = true;

/** ASSUMPTION: PX_SELL is the sales price excluding VAT (the incl./excl. setting is unknown [?]). */
export const PRICES_EXCLUDE_VAT = true;

/**
 * Change-date column: `CNG_DATE` is confirmed on ARTICLE and CONTACT. ASSUMPTION: it exists on every table
 * the simulator serves and is set to "now" on every insert and update.
 */
export const CHANGE_DATE_FIELD = 'CNG_DATE';

/** ASSUMPTION: the sales-order number column is `ORD_NR` (reference §4(c): order-number field [?]). */
export const ORDER_NUMBER_FIELD = 'ORD_NR';

/** ASSUMPTION: SO_LINE rows belong to their header through `ORD_NR`; DJ_LINE rows through `DJ_CODE` + `PAGE_NR`. */
export const DETAIL_LINKS = { SO_LINE: ['ORD_NR'], DJ_LINE: ['DJ_CODE', 'PAGE_NR'] } as const;

/** ASSUMPTION: DEL_ADDR's `REC_ID` is numeric; SO_HDR's `DEL_CODE` holds it as text. */
export const DELIVERY_ADDRESS_KEY = 'REC_ID';

/** ASSUMPTION: LEDGER has a default VAT code per account in `VAT_CODE` (ACCT_NR/ACCT_NAME are confirmed). */
export const LEDGER_VAT_FIELD = 'VAT_CODE';

/**
 * ASSUMPTION: data-dictionary columns nobody shows: `FIELD_DEC` on DCT_FLD, `DBF_DESC` on DCT_FILE, and
 * `ADM_CODE`/`ADM_NAME` on ADM_LIST. (DBF_NAME, FIELD_NAME, FLD_DESC, FIELD_TYPE, FIELD_LEN, INP_MAND,
 * OBJ_CODE and the NO_* flags are confirmed by GO.)
 */
export const SYSTEM_TABLE_FIELDS = { decimals: 'FIELD_DEC', tableDescription: 'DBF_DESC', administrationCode: 'ADM_CODE', administrationName: 'ADM_NAME' } as const;

/** ASSUMPTION: VAT table columns besides VAT_CODE. */
export const VAT_FIELDS = { description: 'VAT_DESC', percentage: 'VAT_PCT' } as const;

/**
 * ASSUMPTION: VAT codes of a Dutch administration. AccountView's default numbering is unknown; these follow
 * the common "0 geen, 1 laag, 2 hoog" pattern plus EU and export.
 */
export const VAT_CODES = {
  none: '0',
  low: '1',
  high: '2',
  euGoods: '3',
  export: '4',
} as const;

/** ASSUMPTION: DAILY has a journal type in `DJ_TYPE`: 1 sales, 2 purchases, 3 bank/cash, 4 memorial. */
export const JOURNAL_TYPE_FIELD = 'DJ_TYPE';
export const JOURNAL_TYPES = { sales: 1, purchases: 2, bank: 3, memorial: 4 } as const;

/**
 * ASSUMPTION: company vs person debtor has no flag (none was found); a company debtor has `MAIN_CONT` (contact
 * person) set and `COC_CODE` (KvK) filled, a person debtor has the full name in `ACCT_NAME` and no contact.
 */
export const DEBTOR_KIND_RULE = 'company debtors have MAIN_CONT; persons do not';

/**
 * ASSUMPTION: values AccountView fills in on insert when left empty: country NL and currency EUR on debtors
 * and delivery addresses, VAT code "hoog" and unit ST on articles, today as order date, and the booking month
 * as a journal page's PERIOD.
 */
export const INSERT_DEFAULTS = {
  countryCode: 'NL',
  currency: 'EUR',
  articleVatCode: VAT_CODES.high,
  articleUnit: 'ST',
} as const;
