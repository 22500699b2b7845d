import { spawn } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assumptions, DEFAULT_SEED, startAccountViewSimulator, type AccountViewSimulator } from './accountview';
import { DATA_OBJECTS } from './accountview/model/data-objects';
import { ean13 } from './accountview/seed/check-digits';
import { seedCompanies } from './accountview/seed/companies';

const CLIENT_ID = 'sim-client';
const CLIENT_SECRET = 'sim-secret';
const REDIRECT = 'http://localhost:3000/api/accountview/callback';
const FVR = '6f1d0c52-3b8e-4e27-9a51-2c7d9e4f8a10';
const HANK = 'b3a9e7d4-51c2-4f86-8e0b-7d2a6c5f9e31';

let sim: AccountViewSimulator;
let clockOffsetMs = 0;
const now = () => Date.parse('2025-06-02T08:00:00Z') + clockOffsetMs;

beforeAll(async () => {
  sim = await startAccountViewSimulator({
    clients: [
      { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT], name: 'Webshop-koppeling' },
      { clientId: 'other-client', clientSecret: 'other-secret', redirectUris: ['http://other.invalid/cb'] },
    ],
    now,
  });
});

afterAll(() => sim.stop());

beforeEach(() => {
  sim.reset();
  clockOffsetMs = 0;
});

// ─── helpers ────────────────────────────────────────────────────────────────────────────────────

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

async function token(fields: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await fetch(`${sim.url}/api/v3/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: form(fields),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function tokensFor(scope = 'readaccountviewdata updateaccountviewdata') {
  const code = sim.issueCode({ clientId: CLIENT_ID, redirectUri: REDIRECT, scope });
  const { body } = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
  return { access: String(body.access_token), refresh: String(body.refresh_token) };
}

const refresh = (refreshToken: string) =>
  token({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: CLIENT_ID, client_secret: CLIENT_SECRET });

let access = '';
async function api(path: string, init: { method?: string; company?: string | null; body?: unknown; token?: string } = {}) {
  access ||= (await tokensFor()).access;
  const headers: Record<string, string> = { Authorization: `Bearer ${init.token ?? access}`, Accept: 'application/json' };
  if (init.company !== null) headers['X-COMPANY'] = init.company ?? FVR;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json; charset=utf-8';
  const res = await fetch(`${sim.url}/api/v3${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Fault bodies (IIS pages, garbled JSON) stay text.
  }
  return { status: res.status, body: parsed as Record<string, unknown> & Record<string, unknown>[] };
}
beforeEach(() => {
  access = '';
});

type Rows = Record<string, unknown>[];
async function read(query: string, company = FVR): Promise<{ status: number; body: Record<string, unknown> }> {
  return api(`/accountviewdata?${query}`, { company });
}
const rows = (body: Record<string, unknown>, table: string) => body[table] as Rows;

function body(bo: string, table: string, fields: [string, string][], values: unknown[][], detail?: { table: string; fields: [string, string][]; rows: unknown[][] }) {
  return {
    BookDate: '',
    BusinessObject: bo,
    Table: {
      Definition: { Name: table, Fields: [['RowId', 'C'], ...fields].map(([Name, FieldType]) => ({ Name, FieldType })) },
      DetailDefinitions: detail ? [{ Name: detail.table, Fields: [['RowId', 'C'], ['HeaderId', 'C'], ...detail.fields].map(([Name, FieldType]) => ({ Name, FieldType })) }] : null,
    },
    TableData: {
      Data: { Rows: values.map((v, i) => ({ Values: [String(i + 1), ...v] })) },
      DetailData: detail ? [{ Rows: detail.rows.map((v, i) => ({ Values: [String(i + 1), '1', ...v] })) }] : null,
    },
  };
}

const company = (id = FVR) => {
  const c = sim.state.companies.find((x) => x.id === id);
  if (!c) throw new Error('no company');
  return c;
};

// ─── OAuth ──────────────────────────────────────────────────────────────────────────────────────

describe('GET/POST /ams/authorize.aspx', () => {
  const authorize = (params: Record<string, string>) => fetch(`${sim.url}/ams/authorize.aspx?${form(params)}`, { redirect: 'manual' });
  const valid = { response_type: 'code', client_id: CLIENT_ID, redirect_uri: REDIRECT, scope: 'readaccountviewdata updateaccountviewdata', state: 'st-1' };

  it('renders a consent page that refuses framing and lists the companies and requested rights', async () => {
    const res = await authorize(valid);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const page = await res.text();
    expect(page).toContain('data-testid="av-approve"');
    expect(page).toContain('data-testid="av-deny"');
    expect(page).toContain('Webshop-koppeling');
    for (const code of ['FVR', 'HANK', 'DEMO']) expect(page).toContain(`data-testid="av-company-code">${code}<`);
    expect(page).toContain('Gegevens in uw administratie toevoegen en wijzigen');
  });

  it('redirects Approve with a code and the state, and Deny with access_denied', async () => {
    const post = (decision: string) =>
      fetch(`${sim.url}/ams/authorize.aspx`, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form({ ...valid, decision }) });
    const approved = new URL((await post('approve')).headers.get('location') ?? '');
    expect(`${approved.origin}${approved.pathname}`).toBe(REDIRECT);
    expect(approved.searchParams.get('state')).toBe('st-1');
    expect(approved.searchParams.get('code')).toMatch(/^[\w-]{20,}$/);

    const denied = await post('deny');
    expect(denied.status).toBe(302);
    const back = new URL(denied.headers.get('location') ?? '');
    expect(Object.fromEntries(back.searchParams)).toEqual({ error: 'access_denied', state: 'st-1' });
  });

  it('shows an error page and never redirects for an unknown client or unregistered redirect_uri', async () => {
    for (const params of [{ ...valid, client_id: 'nobody' }, { ...valid, redirect_uri: 'http://evil.invalid/cb' }, { ...valid, redirect_uri: `${REDIRECT}/` }]) {
      const res = await authorize(params);
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      expect(await res.text()).toContain('data-testid="av-error"');
    }
  });

  it('sends unknown scopes and other response types back as OAuth errors', async () => {
    const badScope = await authorize({ ...valid, scope: 'readaccountviewdata root' });
    expect(new URL(badScope.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_scope');
    const implicit = await authorize({ ...valid, response_type: 'token' });
    expect(new URL(implicit.headers.get('location') ?? '').searchParams.get('error')).toBe('unsupported_response_type');
  });
});

describe('POST /api/v3/token', () => {
  const exchange = (code: string, extra: Record<string, string> = {}) =>
    token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: CLIENT_ID, client_secret: CLIENT_SECRET, ...extra });

  it('exchanges a code for expiring tokens with the granted scope', async () => {
    const code = sim.issueCode({ clientId: CLIENT_ID, redirectUri: REDIRECT, scope: '*' });
    const { status, body } = await exchange(code);
    expect(status).toBe(200);
    expect(body).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: assumptions.ACCESS_TOKEN_TTL_MS / 1000,
      refresh_token: expect.any(String),
      scope: 'readaccountviewdata updateaccountviewdata deleteaccountviewdata',
    });
  });

  it('accepts client credentials as HTTP Basic too, and answers 401 with a challenge when Basic is wrong', async () => {
    const code = sim.issueCode({ clientId: CLIENT_ID, redirectUri: REDIRECT });
    const basic = (secret: string) => ({ Authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${secret}`).toString('base64')}` });
    const wrong = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT }, basic('nope'));
    expect(wrong).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    const ok = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT }, basic(CLIENT_SECRET));
    expect(ok.status).toBe(200);
    expect((await exchange('x', { client_secret: 'nope' })).status).toBe(400);
  });

  it('makes codes single use, bound to client and redirect_uri, short-lived; a replay revokes what the code gave', async () => {
    const code = sim.issueCode({ clientId: CLIENT_ID, redirectUri: REDIRECT });
    const first = await exchange(code);
    expect(first.status).toBe(200);
    expect(await exchange(code)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect((await refresh(String(first.body.refresh_token))).body.error).toBe('invalid_grant');

    const wrongRedirect = sim.issueCode({ clientId: CLIENT_ID, redirectUri: REDIRECT });
    expect((await exchange(wrongRedirect, { redirect_uri: 'http://localhost:3000/other' })).body.error).toBe('invalid_grant');
    const otherClient = sim.issueCode({ clientId: 'other-client', redirectUri: 'http://other.invalid/cb' });
    expect((await exchange(otherClient, { redirect_uri: 'http://other.invalid/cb' })).body.error).toBe('invalid_grant');

    const late = sim.issueCode({ clientId: CLIENT_ID, redirectUri: REDIRECT });
    clockOffsetMs = assumptions.AUTH_CODE_TTL_MS;
    expect((await exchange(late)).body).toMatchObject({ error: 'invalid_grant', error_description: expect.stringMatching(/expired/) });
  });

  it('rotates refresh tokens; reusing a rotated one fails and revokes the whole family', async () => {
    const { refresh: r1 } = await tokensFor();
    const second = await refresh(r1);
    expect(second.status).toBe(200);
    const r2 = String(second.body.refresh_token);
    const a2 = String(second.body.access_token);
    expect(r2).not.toBe(r1);
    expect((await api('/companies', { token: a2, company: null })).status).toBe(200);

    expect(await refresh(r1)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(assumptions.REFRESH_REUSE_REVOKES_FAMILY).toBe(true);
    expect((await refresh(r2)).body.error).toBe('invalid_grant');
    expect((await api('/companies', { token: a2, company: null })).status).toBe(401);
  });

  it('revokeConsent kills refresh tokens; access tokens live until they expire', async () => {
    const { access: a, refresh: r } = await tokensFor();
    sim.revokeConsent(CLIENT_ID);
    expect((await refresh(r)).body.error).toBe('invalid_grant');
    expect((await api('/companies', { token: a, company: null })).status).toBe(200);
    sim.expireAccessTokens();
    const expired = await api('/companies', { token: a, company: null });
    expect(expired).toEqual({ status: 401, body: assumptions.UNAUTHORIZED_BODY });
  });

  it('refuses other grant types and non-form bodies', async () => {
    expect((await token({ grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET })).body.error).toBe('unsupported_grant_type');
    const json = await fetch(`${sim.url}/api/v3/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(400);
  });
});

// ─── API basics ─────────────────────────────────────────────────────────────────────────────────

describe('companies, bearer tokens and X-Company', () => {
  it('lists the seeded companies with padded codes, on any path case', async () => {
    const { status, body } = await api('/Companies', { company: null });
    expect(status).toBe(200);
    expect(body).toEqual([
      { Id: FVR, Description: 'Fietsenwinkel De Vries B.V.', Code: 'FVR     ' },
      { Id: HANK, Description: 'Het Anker Dranken B.V.', Code: 'HANK    ' },
      { Id: expect.any(String), Description: 'Demo Onderneming B.V.', Code: 'DEMO    ' },
    ]);
  });

  it('answers 401 without a valid bearer token, and 400 without or with an unknown X-Company', async () => {
    const res = await fetch(`${sim.url}/api/v3/accountviewdata?BusinessObject=AG1`, { headers: { 'X-Company': FVR } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    const none = await api('/accountviewdata?BusinessObject=AG1', { company: null });
    expect(none).toMatchObject({ status: 400, body: { ErrorType: 'AccountViewError', ErrorMessage: expect.stringMatching(/X-Company/) } });
    expect((await api('/accountviewdata?BusinessObject=AG1', { company: 'nope' })).status).toBe(400);
  });

  it('lets a read-only consent read but answers 403 to writes', async () => {
    const { access: readOnly } = await tokensFor('readaccountviewdata');
    expect((await api('/accountviewdata?BusinessObject=AG1', { token: readOnly })).status).toBe(200);
    const write = await api('/accountviewdata', { method: 'POST', token: readOnly, body: body('AG1', 'ART_GRP', [['AG_CODE', 'C'], ['AG_DESC', 'C']], [['NEW', 'Nieuw']]) });
    expect(write).toMatchObject({ status: 403, body: { ErrorMessage: expect.stringMatching(/updateaccountviewdata/) } });
  });

  it('serves the metadata endpoints', async () => {
    const objects = await api('/accountviewsystembusinessobjects');
    expect(objects.body).toContainEqual({ Code: 'SO1', Description: 'Verkooporders', InsertAllowed: true, UpdateAllowed: true, DeleteAllowed: false });
    expect(objects.body).toContainEqual(expect.objectContaining({ Code: 'DJ2', InsertAllowed: true, UpdateAllowed: false }));
    const fields = await api('/accountviewfields?BusinessObject=AR1&PageSize=200');
    expect(fields.body.DCT_FLD).toContainEqual(expect.objectContaining({ DBF_NAME: 'CONTACT ', FIELD_NAME: 'ACCT_NAME ', FIELD_LEN: 40, INP_MAND: true }));
    const dictionary = await api('/accountviewsystemdata?businessobject=fld&pagesize=256&fields=dct_fld.FIELD_NAME,dct_fld.DBF_NAME&FilterControlSource1=DBF_NAME&FilterOperator1=Equal&FilterValueType1=C&FilterValue1=ARTICLE');
    const names = (dictionary.body.DCT_FLD as Rows).map((r) => String(r.FIELD_NAME).trim());
    expect(names).toEqual(expect.arrayContaining(['ART_CODE', assumptions.ARTICLE_FIELDS.ean, assumptions.ARTICLE_FIELDS.variantGroup]));
  });
});

// ─── Reading ────────────────────────────────────────────────────────────────────────────────────

describe('GET /api/v3/accountviewdata', () => {
  it('answers keyed by table, table key first, padded codes, zone-less dates and synthetic keys', async () => {
    const { status, body } = await read('BusinessObject=AR1&PageSize=2');
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(['CONTACT', 'USR_LINK']);
    const [first] = rows(body, 'CONTACT');
    expect(first).toMatchObject({ SUB_NR: '10001     ', ACCT_NR: '1300      ', EXT_KEY: 1, CONTACT_Id: 0 });
    expect(String(first?.ACCT_NAME)).toHaveLength(40);
    expect(String(first?.CNG_DATE)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(String(first?.POST_CODE).trim()).toMatch(/^(\d{4} [A-Z]{2}|\d{4,5})$/);
  });

  it('returns only the named fields, plain or table-qualified, with spaces after commas', async () => {
    const { body } = await read(`businessobject=ar1&fields=${encodeURIComponent('contact.sub_nr, CONTACT.MAIL_BUS')}&pagesize=1`);
    expect(Object.keys(rows(body, 'CONTACT')[0] ?? {})).toEqual(['SUB_NR', 'MAIL_BUS']);
  });

  it('sends one ARTICLE row as an object but one CONTACT row as an array', async () => {
    const article = await read('BusinessObject=AK1&FilterControlSource1=ART_CODE&FilterOperator1=Equal&FilterValueType1=C&FilterValue1=BAND-0001');
    expect(Array.isArray(article.body.ARTICLE)).toBe(false);
    expect(article.body.ARTICLE).toMatchObject({ ART_CODE: 'BAND-0001           ', AG_CODE: 'BAND      ' });
    const contact = await read('BusinessObject=AR1&PageSize=1');
    expect(Array.isArray(contact.body.CONTACT)).toBe(true);
  });

  it('filters: Equal (padding-insensitive, case-sensitive), list of values, Contains, NotEqual, dates, OR', async () => {
    const debtor = company().tables.CONTACT?.[7];
    const mail = String(debtor?.MAIL_BUS);
    const byMail = await read(`BusinessObject=AR1&PageSize=1&FilterOperator1=Equal&FilterValueType1=C&FilterIsListOfValues1=false&FilterControlSource1=MAIL_BUS&FilterValue1=${encodeURIComponent(mail)}`);
    expect(String(rows(byMail.body, 'CONTACT')[0]?.SUB_NR).trim()).toBe(String(debtor?.SUB_NR));
    const upper = await read(`BusinessObject=AR1&FilterOperator1=Equal&FilterControlSource1=MAIL_BUS&FilterValue1=${encodeURIComponent(mail.toUpperCase())}`);
    expect(rows(upper.body, 'CONTACT')).toEqual([]);

    const list = await read('BusinessObject=AK1&Fields=ART_CODE&FilterControlSource1=article.art_code&FilterOperator1=equal&FilterValueType1=C&FilterIsListOfValues1=true&FilterValue1=BAND-0001,BAND-0002,NOPE');
    expect(rows(list.body, 'ARTICLE').map((r) => String(r.ART_CODE).trim())).toEqual(['BAND-0001', 'BAND-0002']);

    const contains = await read('BusinessObject=AG1&Fields=AG_CODE&FilterControlSource1=AG_DESC&FilterOperator1=Contains&FilterValue1=fiets');
    // Case-sensitive like VFP's $: "Fietsverlichting" does not contain "fiets".
    expect(rows(contains.body, 'ART_GRP').map((r) => String(r.AG_CODE).trim())).toEqual(['STAD', 'EBIK', 'KIND', 'RACE']);

    const notBand = await read('BusinessObject=AG1&PageSize=100&FilterControlSource1=AG_CODE&FilterOperator1=NotEqual&FilterValue1=BAND');
    expect(rows(notBand.body, 'ART_GRP')).toHaveLength(19);

    const since = '2025-05-01 00:00:00';
    const recent = await read(`BusinessObject=AK1&Fields=CNG_DATE&PageSize=1000&FilterControlSource1=CNG_DATE&FilterOperator1=DateOnOrAfterDate&FilterValueType1=T&FilterValue1=${encodeURIComponent(`{^${since}}`)}`);
    const expected = company().tables.ARTICLE?.filter((a) => String(a.CNG_DATE) >= '2025-05-01T00:00:00').length;
    expect(rows(recent.body, 'ARTICLE')).toHaveLength(expected ?? -1);
    expect(expected).toBeGreaterThan(0);

    const either = await read('BusinessObject=AG1&matchAnyFilter=true&FilterControlSource1=AG_CODE&FilterOperator1=Equal&FilterValue1=BAND&FilterControlSource2=AG_CODE&FilterOperator2=Equal&FilterValue2=BINN');
    expect(rows(either.body, 'ART_GRP')).toHaveLength(2);
  });

  it('nests detail rows under their header and filters on a detail column', async () => {
    const line = company().tables.SO_LINE?.[0];
    const { body } = await read(`BusinessObject=SO1&FilterControlSource1=so_line.art_code&FilterOperator1=Equal&FilterValue1=${encodeURIComponent(String(line?.ART_CODE))}`);
    const headers = rows(body, 'SO_HDR');
    expect(headers.length).toBeGreaterThan(0);
    const lines = headers[0]?.SO_LINE as Rows;
    expect(lines.some((l) => String(l.ART_CODE).trim() === String(line?.ART_CODE))).toBe(true);
    expect(lines[0]).toMatchObject({ SO_HDR_Id: 0 });
  });

  it('pages by PageNumber without totals: exact multiple, short last page, beyond the end', async () => {
    const page = async (size: number, n: number) => rows((await read(`BusinessObject=AG1&PageSize=${size}&PageNumber=${n}`)).body, 'ART_GRP').length;
    expect([await page(10, 1), await page(10, 2), await page(10, 3)]).toEqual([10, 10, 0]);
    expect([await page(7, 1), await page(7, 2), await page(7, 3)]).toEqual([7, 7, 6]);
    const all = rows((await read('BusinessObject=AG1&PageSize=100')).body, 'ART_GRP').map((r) => r.AG_CODE);
    const paged = [...rows((await read('BusinessObject=AG1&PageSize=7&PageNumber=1')).body, 'ART_GRP'), ...rows((await read('BusinessObject=AG1&PageSize=7&PageNumber=2')).body, 'ART_GRP')];
    expect(paged.map((r) => r.AG_CODE)).toEqual(all.slice(0, 14));
  });

  it('pages by lastKey on the table key, sorts on request and caps PageSize', async () => {
    const first = rows((await read('BusinessObject=AR1&PageSize=3&lastKey=')).body, 'CONTACT');
    const next = rows((await read(`BusinessObject=AR1&PageSize=3&lastKey=${String(first[2]?.SUB_NR).trim()}`)).body, 'CONTACT');
    expect(next.map((r) => String(r.SUB_NR).trim())).toEqual(['10004', '10005', '10006']);

    const sorted = rows((await read('BusinessObject=GL1&SortFields=ACCT_NR&SortOrder=descending&PageSize=2')).body, 'LEDGER');
    expect(sorted.map((r) => String(r.ACCT_NR).trim())).toEqual(['9999', '8900']);

    const capped = await read('BusinessObject=AK1&Fields=ART_CODE&PageSize=5000');
    expect(rows(capped.body, 'ARTICLE')).toHaveLength(assumptions.MAX_PAGE_SIZE);
  });

  it('answers 400 with the error body for requests it cannot parse', async () => {
    for (const query of [
      'BusinessObject=NOPE',
      'BusinessObject=AK1&Fields=NO_SUCH_FIELD',
      'BusinessObject=AK1&FilterControlSource1=ART_CODE&FilterOperator1=Like&FilterValue1=x',
      'BusinessObject=AK1&FilterControlSource1=CNG_DATE&FilterOperator1=DateOnOrAfterDate&FilterValueType1=T&FilterValue1=2024-01-01',
      'BusinessObject=AK1&PageSize=0',
    ]) {
      const res = await read(query);
      expect(res.status, query).toBe(400);
      expect(res.body, query).toMatchObject({ ErrorType: 'AccountViewError', ErrorNumbers: null, ErrorMessage: expect.any(String) });
    }
  });

  it('keeps companies apart', async () => {
    const hank = rows((await read('BusinessObject=AG1&PageSize=100', HANK)).body, 'ART_GRP').map((r) => String(r.AG_CODE).trim());
    expect(hank).toContain('SPEC');
    expect(hank).not.toContain('BAND');
  });
});

// ─── Writing ────────────────────────────────────────────────────────────────────────────────────

describe('POST/PUT /api/v3/accountviewdata', () => {
  const debtor = (fields: [string, string][], values: unknown[]) => body('AR1', 'CONTACT', fields, [values]);

  it('inserts a debtor, numbering it, and answers the stored record', async () => {
    clockOffsetMs = 0;
    const res = await api('/accountviewdata', { method: 'POST', body: debtor([['ACCT_NAME', 'C'], ['MAIL_BUS', 'C'], ['POST_CODE', 'C'], ['CITY', 'C']], ['Anna de Groot', 'anna@example.nl', '1017 AB', 'Amsterdam']) });
    expect(res.status).toBe(200);
    const stored = rows(res.body, 'CONTACT')[0];
    expect(stored).toMatchObject({ SUB_NR: '10241     ', ACCT_NR: '1300      ', CNT_CODE: 'NL ', CNG_DATE: '2025-06-02T10:00:00' });
    const back = await read('BusinessObject=AR1&FilterControlSource1=SUB_NR&FilterOperator1=Equal&FilterValue1=10241');
    expect(String(rows(back.body, 'CONTACT')[0]?.MAIL_BUS).trim()).toBe('anna@example.nl');
  });

  it('accepts what the known clients send: lower-case keys, numbers as text, TRUE/False, null text, Z dates', async () => {
    const loose = {
      bookDate: '2020-9-18T10:00:00.000Z',
      businessObject: 'ak1',
      table: { definition: { name: 'article', fields: [{ name: 'RowId', fieldType: 'I' }, { name: 'art_code' }, { name: 'ART_DESC1' }, { name: 'PX_SELL', fieldType: 'N' }, { name: 'rec_blk', fieldType: 'L' }, { name: 'ART_DESC2' }, { name: 'AG_CODE' }] }, detailDefinitions: null },
      tableData: { data: { rows: [{ values: [1, 'TEST-1', 'Testartikel', '12.50', 'TRUE', null, 'BAND'] }] }, detailData: null },
    };
    const res = await api('/accountviewdata', { method: 'POST', body: loose });
    expect(res.status).toBe(200);
    expect(rows(res.body, 'ARTICLE')[0]).toMatchObject({ PX_SELL: 12.5, REC_BLK: true, ART_DESC2: ' '.repeat(50), VAT_CODE: '2  ' });
  });

  it('refuses business-rule violations inside HTTP 200, storing nothing', async () => {
    const before = company().tables.CONTACT?.length;
    const noName = await api('/accountviewdata', { method: 'POST', body: debtor([['MAIL_BUS', 'C']], ['x@example.nl']) });
    expect(noName).toEqual({ status: 200, body: { ErrorType: 'AccountViewError', ErrorNumbers: [assumptions.ERROR_NUMBERS.mandatory], ErrorMessage: expect.stringMatching(/ACCT_NAME/) } });
    const tooLong = await api('/accountviewdata', { method: 'POST', body: debtor([['ACCT_NAME', 'C']], ['x'.repeat(41)]) });
    expect(tooLong.body.ErrorNumbers).toEqual([assumptions.ERROR_NUMBERS.tooLong]);
    const duplicate = await api('/accountviewdata', { method: 'POST', body: debtor([['SUB_NR', 'C'], ['ACCT_NAME', 'C']], ['10001', 'Dubbel']) });
    expect(duplicate.body.ErrorNumbers).toEqual([assumptions.ERROR_NUMBERS.duplicateKey]);
    expect(company().tables.CONTACT?.length).toBe(before);
  });

  it('answers 400 for bodies the web layer cannot read', async () => {
    expect((await api('/accountviewdata', { method: 'POST', body: '{"BusinessObject":' })).status).toBe(400);
    expect((await api('/accountviewdata', { method: 'POST', body: debtor([['NO_FIELD', 'C']], ['x']) })).status).toBe(400);
    const short = debtor([['ACCT_NAME', 'C'], ['CITY', 'C']], ['only one']);
    expect((await api('/accountviewdata', { method: 'POST', body: short })).body.ErrorMessage).toMatch(/waarden/);
    expect((await api('/accountviewdata', { method: 'POST', body: debtor([['ACCT_NAME', 'X']], ['x']) })).status).toBe(400);
  });

  const orderFields: [string, string][] = [['RPL_INV', 'C'], ['COMMENT1', 'C'], ['ORD_DATE', 'T']];
  const lineFields: [string, string][] = [['ART_CODE', 'C'], ['ORD_QTY', 'N'], ['ART_PX', 'N']];
  const order = (debtorNr: string, lines: unknown[][]) => body('SO1', 'SO_HDR', orderFields, [[debtorNr, 'BC-1001', '2025-06-01T14:03:00']], { table: 'SO_LINE', fields: lineFields, rows: lines });

  it('inserts a sales order with lines, numbering it and reserving stock', async () => {
    const article = company().tables.ARTICLE?.find((a) => a.REC_BLK !== true && a.ART_CODE === 'BAND-0003');
    const reserved = Number(article?.QTY_RES);
    const res = await api('/accountviewdata', { method: 'POST', body: order('10002', [['BAND-0003', 2, 20.62], ['BINN-0001', 1, 4.5]]) });
    expect(res.status).toBe(200);
    const header = rows(res.body, 'SO_HDR')[0];
    expect(header).toMatchObject({ ORD_NR: '250041    ', RPL_INV: '10002     ', ORD_DATE: '2025-06-01T14:03:00' });
    expect((header?.SO_LINE as Rows).map((l) => [String(l.ORD_NR).trim(), String(l.ART_CODE).trim(), l.ORD_QTY])).toEqual([['250041', 'BAND-0003', 2], ['250041', 'BINN-0001', 1]]);
    expect(article?.QTY_RES).toBe(reserved + 2);
    expect(article?.QTY_AVAIL).toBe(Number(article?.QTY_TECH) - reserved - 2);
  });

  it('refuses orders for unknown or blocked articles and unknown or blocked debtors', async () => {
    const blockedArticle = company().tables.ARTICLE?.find((a) => a.REC_BLK === true);
    const cases: [unknown, RegExp][] = [
      [order('10002', [['NOPE-0001', 1, 1]]), /Artikel 'NOPE-0001' bestaat niet/],
      [order('10002', [[blockedArticle?.ART_CODE, 1, 1]]), /geblokkeerd/],
      [order('99999', [['BAND-0003', 1, 1]]), /Factuurdebiteur '99999' bestaat niet/],
      [order('10004', [['BAND-0003', 1, 1]]), /geblokkeerd/],
      [order('10005', [['BAND-0003', 1, 1]]), /geblokkeerd voor verkooporders/],
      [body('SO1', 'SO_HDR', orderFields, [['10002', 'x', '']]), /orderregel/],
    ];
    const before = company().tables.SO_HDR?.length;
    for (const [request, message] of cases) {
      const res = await api('/accountviewdata', { method: 'POST', body: request });
      expect(res.status).toBe(200);
      expect(String(res.body.ErrorMessage)).toMatch(message);
    }
    expect(company().tables.SO_HDR?.length).toBe(before);
  });

  it('inserts a delivery address and answers its REC_ID', async () => {
    const res = await api('/accountviewdata', { method: 'POST', body: body('ADDR', 'DEL_ADDR', [['SUB_NR', 'C'], ['DEL_NAME', 'C'], ['ADDRESS1', 'C'], ['POST_CODE', 'C'], ['CITY', 'C']], [['10002', 'Magazijn', 'Havenstraat 1', '3011 AB', 'Rotterdam']]) });
    expect(rows(res.body, 'DEL_ADDR')[0]?.REC_ID).toBe((company().tables.DEL_ADDR?.length ?? 0));
  });

  it('books a sales invoice on DJ2 (header without RowId), numbers it, refuses a duplicate and any update', async () => {
    const page = {
      BookDate: '',
      BusinessObject: 'DJ2',
      Table: {
        Definition: { Name: 'DJ_PAGE', Fields: [{ Name: 'DJ_CODE', FieldType: 'C' }, { Name: 'SUB_NR', FieldType: 'C' }, { Name: 'TRN_DATE', FieldType: 'T' }, { Name: 'INV_NR', FieldType: 'C' }] },
        DetailDefinitions: [{ Name: 'DJ_LINE', Fields: [{ Name: 'ACCT_NR', FieldType: 'C' }, { Name: 'AMOUNT', FieldType: 'N' }, { Name: 'VAT_CODE', FieldType: 'C' }, { Name: 'HeaderId', FieldType: 'I' }, { Name: 'RowId', FieldType: 'I' }] }],
      },
      TableData: { Data: { Rows: [{ Values: ['VRK', '10002', '2025-06-01T00:00:00.000Z', ''] }] }, DetailData: [{ Rows: [{ Values: ['8000', '100.00', '2', 1, 1] }, { Values: ['8010', 50, '1', 1, 2] }] }] },
    };
    const res = await api('/accountviewdata', { method: 'POST', body: page });
    expect(res.status).toBe(200);
    const stored = rows(res.body, 'DJ_PAGE')[0];
    expect(stored).toMatchObject({ INV_NR: '25000036  ', PAGE_NR: 36, PERIOD: 6 });
    expect((stored?.DJ_LINE as Rows).map((l) => l.AMOUNT)).toEqual([100, 50]);

    const again = structuredClone(page);
    (again.TableData.Data.Rows[0] as { Values: unknown[] }).Values[3] = '25000036';
    expect((await api('/accountviewdata', { method: 'POST', body: again })).body.ErrorNumbers).toEqual([assumptions.ERROR_NUMBERS.duplicateKey]);
    expect((await api('/accountviewdata', { method: 'PUT', body: again })).body.ErrorNumbers).toEqual([assumptions.ERROR_NUMBERS.notAllowed]);
  });

  it('updates only the listed columns of the record named by its key', async () => {
    const before = structuredClone(company().tables.CONTACT?.[1]);
    const res = await api('/accountviewdata', { method: 'PUT', body: debtor([['SUB_NR', 'C'], ['TEL_BUS', 'C']], ['10002', '030-1234567']) });
    expect(res.status).toBe(200);
    const after = company().tables.CONTACT?.[1];
    expect(after).toMatchObject({ ...before, TEL_BUS: '030-1234567', CNG_DATE: '2025-06-02T10:00:00' });
    expect((await api('/accountviewdata', { method: 'PUT', body: debtor([['SUB_NR', 'C'], ['TEL_BUS', 'C']], ['99999', 'x']) })).body.ErrorNumbers).toEqual([assumptions.ERROR_NUMBERS.recordNotFound]);
    expect((await api('/accountviewdata', { method: 'PUT', body: debtor([['TEL_BUS', 'C']], ['x']) })).body.ErrorNumbers).toEqual([assumptions.ERROR_NUMBERS.mandatory]);
    expect((await api('/accountviewdata', { method: 'POST', body: body('GL1', 'LEDGER', [['ACCT_NR', 'C'], ['ACCT_NAME', 'C']], [['8888', 'x']]) })).body.ErrorNumbers).toEqual([assumptions.ERROR_NUMBERS.notAllowed]);
  });
});

// ─── Faults and admin ───────────────────────────────────────────────────────────────────────────

describe('faults', () => {
  it('goes down with a status fault that has no times, and comes back on clear', async () => {
    sim.faults.add({ kind: 'status', status: 503 });
    const down = await fetch(`${sim.url}/api/v3/companies`);
    expect(down.status).toBe(503);
    expect(await down.text()).toContain('Service Unavailable');
    const tokenDown = await fetch(`${sim.url}/api/v3/token`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'grant_type=refresh_token' });
    expect(tokenDown.status).toBe(503);
    sim.faults.clear();
    expect((await api('/companies', { company: null })).status).toBe(200);
  });

  it('matches on method, path prefix and business object, and stops after `times`', async () => {
    await api('/companies', { company: null });
    sim.faults.add({ match: { method: 'GET', pathPrefix: '/API/v3/accountviewdata', businessObject: 'ak1' }, kind: 'status', status: 500, times: 2 });
    expect((await read('BusinessObject=AG1')).status).toBe(200);
    expect((await read('BusinessObject=AK1&PageSize=1')).status).toBe(500);
    expect((await read('businessobject=AK1&PageSize=1')).status).toBe(500);
    expect((await read('BusinessObject=AK1&PageSize=1')).status).toBe(200);
    expect(sim.faults.list()[0]?.hits).toBe(2);
  });

  it('slows, drops, garbles and hides errors in a 200', async () => {
    await api('/companies', { company: null });
    sim.faults.add({ kind: 'slow', delayMs: 150, times: 1 });
    const started = Date.now();
    expect((await read('BusinessObject=VA1')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);

    sim.faults.add({ kind: 'drop', times: 1 });
    await expect(read('BusinessObject=VA1')).rejects.toThrow();

    sim.faults.add({ kind: 'malformed', times: 1 });
    const garbled = await fetch(`${sim.url}/api/v3/accountviewdata?BusinessObject=AK1`, { headers: { Authorization: `Bearer ${access}`, 'X-Company': FVR } });
    expect(garbled.status).toBe(200);
    await expect(garbled.json()).rejects.toThrow();

    sim.faults.add({ kind: 'error-in-200', times: 1 });
    expect(await read('BusinessObject=VA1')).toMatchObject({ status: 200, body: { ErrorType: 'AccountViewError', ErrorMessage: expect.any(String) } });
    expect(sim.requests.filter((r) => r.status === 0)).toHaveLength(1);
  });

  it('draws probabilities from the seed, so a run repeats exactly after reset', async () => {
    const run = async () => {
      sim.reset();
      access = '';
      await api('/companies', { company: null });
      sim.faults.add({ match: { pathPrefix: '/api/v3/accountviewdata' }, kind: 'status', status: 503, probability: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await read('BusinessObject=VA1')).status);
      return statuses;
    };
    const first = await run();
    expect(first).toContain(503);
    expect(first).toContain(200);
    expect(await run()).toEqual(first);
  });

  it('is driven over HTTP too: /__sim/faults, /__sim/requests, /__sim/state, /__sim/reset', async () => {
    const added = await fetch(`${sim.url}/__sim/faults`, { method: 'POST', body: JSON.stringify({ kind: 'status', status: 502, times: 1 }) });
    expect(added.status).toBe(201);
    expect((await fetch(`${sim.url}/__sim/faults`, { method: 'POST', body: JSON.stringify({ kind: 'explode' }) })).status).toBe(400);
    expect((await fetch(`${sim.url}/api/v3/companies`)).status).toBe(502);
    await fetch(`${sim.url}/__sim/faults`, { method: 'DELETE' });
    expect(sim.faults.list()).toEqual([]);

    const { refresh: r } = await tokensFor();
    await refresh(r);
    const recorded = (await (await fetch(`${sim.url}/__sim/requests`)).json()) as { path: string; grantType?: string }[];
    expect(recorded.map((x) => x.grantType).filter(Boolean)).toEqual(['authorization_code', 'refresh_token']);

    const state = (await (await fetch(`${sim.url}/__sim/state`)).json()) as { companies: { code: string; rows: Record<string, number> }[]; activeRefreshTokens: number };
    expect(state.companies.map((c) => c.code)).toEqual(['FVR', 'HANK', 'DEMO']);
    expect(state.activeRefreshTokens).toBe(1);
    await fetch(`${sim.url}/__sim/reset`, { method: 'POST' });
    expect(sim.state.refreshTokens).toEqual([]);
  });
});

// ─── Seed ───────────────────────────────────────────────────────────────────────────────────────

describe('seed', () => {
  it('is a realistic Dutch administration per company', () => {
    const fvr = company();
    expect(fvr.tables.ART_GRP).toHaveLength(20);
    expect(fvr.tables.ARTICLE?.length).toBeGreaterThan(2500);
    expect(fvr.tables.VAT?.map((v) => v.VAT_PCT)).toEqual([0, 9, 21, 0, 0]);
    expect(fvr.tables.LEDGER?.map((l) => l.ACCT_NR)).toEqual(expect.arrayContaining(['1300', '8000', '8010']));
    const families = new Map<string, number>();
    for (const a of fvr.tables.ARTICLE ?? []) {
      const family = String(a[assumptions.ARTICLE_FIELDS.variantGroup]);
      if (family) families.set(family, (families.get(family) ?? 0) + 1);
      const ean = String(a[assumptions.ARTICLE_FIELDS.ean]);
      if (ean) expect(ean13(ean.slice(0, 12))).toBe(ean);
    }
    expect(families.size).toBeGreaterThan(30);
    expect(Math.min(...families.values())).toBeGreaterThanOrEqual(3);
    const contacts = fvr.tables.CONTACT ?? [];
    expect(contacts.some((c) => c.MAIN_CONT !== '') && contacts.some((c) => c.MAIN_CONT === '')).toBe(true);
    expect(contacts.filter((c) => c.CNT_CODE === 'NL').every((c) => /^\d{4} [A-Z]{2}$/.test(String(c.POST_CODE)))).toBe(true);
  });

  it('fits every value in its column, so padding never cuts', () => {
    const tooLong: string[] = [];
    for (const c of sim.state.companies) {
      for (const bo of DATA_OBJECTS.values()) {
        for (const table of [bo.table, ...(bo.detail ? [bo.detail.table] : [])]) {
          const limited = table.fields.filter((f) => f.type === 'C' && f.len);
          for (const row of c.tables[table.name] ?? []) {
            for (const f of limited) if (String(row[f.name] ?? '').length > (f.len ?? 0)) tooLong.push(`${c.code} ${table.name}.${f.name}=${String(row[f.name])}`);
          }
        }
      }
    }
    expect(tooLong).toEqual([]);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(seedCompanies(DEFAULT_SEED)[0]?.tables.ARTICLE?.slice(0, 50)).toEqual(company().tables.ARTICLE?.slice(0, 50));
    expect(seedCompanies(7)[0]?.tables.ARTICLE?.slice(0, 50)).not.toEqual(company().tables.ARTICLE?.slice(0, 50));
  });
});

describe('cli', () => {
  it('starts with flags and prints its URL', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/simulators/accountview/cli.ts', '--port', '0', '--client-id', 'c', '--redirect-uri', REDIRECT], {
      env: { ...process.env, ACCOUNTVIEW_CLIENT_SECRET: 's' },
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) resolve(out.trim());
        });
        child.on('exit', (code) => reject(new Error(`cli exited with ${code}`)));
      });
      expect(line).toMatch(/^AccountView simulator listening on http:\/\/127\.0\.0\.1:\d+$/);
      const url = line.split(' ').pop() ?? '';
      expect((await fetch(`${url}/api/v3/companies`)).status).toBe(401);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
