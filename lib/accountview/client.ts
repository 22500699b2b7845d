import { z } from 'zod';
import { knownObject } from './business-objects';
import { normaliseRow, pageSizeOf, readParams, rowsOf, tableFor, writeBody } from './data';
import { DEFAULT_TIME_ZONE } from './dates';
import { AccountViewApiError, AccountViewAuthError, AccountViewCompanyNotFoundError, AccountViewError } from './errors';
import { send, type HttpOutcome } from './http';
import { apiBase, WRITE_SCOPE } from './oauth';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from './retry';
import { companiesResponse, tableResponse } from './schemas';
import { createTokenSession, type TokenSession } from './session';
import type { AccountViewClient, AccountViewConfig, Company, Filter, ReadQuery, TokenStore, WriteRecord, WriteResult } from './types';

export interface AccountViewClientOptions {
  config: AccountViewConfig;
  tokens: TokenStore;
  /** The company (`Id` from /companies) data calls go to. */
  companyId?: string;
  fetch?: typeof fetch;
  now?: () => Date;
  /** Per request; AccountView relays to the customer's own installation, which can be slow. */
  timeoutMs?: number;
  /** For reads only: writes are never repeated, a lost answer may still have been stored. */
  retry?: Partial<RetryPolicy>;
}

interface Shared {
  config: AccountViewConfig;
  timeZone: string;
  session: TokenSession;
  fetch: typeof fetch;
  timeoutMs: number;
  retry: RetryPolicy;
}

interface Call {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  params?: URLSearchParams;
  body?: unknown;
  company: boolean;
  context: string;
}

/** An AccountView client for one store's tokens. Credentials and tokens are injected; nothing is read from the environment. */
export function createAccountViewClient(o: AccountViewClientOptions): AccountViewClient {
  const fetchImpl = o.fetch ?? fetch;
  const now = o.now ?? (() => new Date());
  const shared: Shared = {
    config: o.config,
    timeZone: o.config.timeZone ?? DEFAULT_TIME_ZONE,
    session: createTokenSession({ config: o.config, store: o.tokens, fetch: fetchImpl, now }),
    fetch: fetchImpl,
    timeoutMs: o.timeoutMs ?? 30_000,
    retry: { ...DEFAULT_RETRY, ...o.retry },
  };
  return bind(shared, o.companyId);
}

function bind(shared: Shared, companyId: string | undefined): AccountViewClient {
  async function call(c: Call): Promise<HttpOutcome> {
    if (c.company && !companyId) {
      throw new AccountViewError(`${c.context}: no AccountView company chosen`, {
        userMessage: 'No AccountView administration is chosen yet.',
        hint: 'Choose the administration the app should use on the AccountView panel.',
      });
    }
    const url = new URL(`${apiBase(shared.config)}${c.path}`);
    if (c.params) url.search = c.params.toString();
    const attempt = (accessToken: string) => {
      const request = {
        method: c.method,
        url,
        context: c.context,
        body: c.body === undefined ? undefined : JSON.stringify(c.body),
        headers: {
          Authorization: `Bearer ${accessToken}`,
          Accept: 'application/json',
          ...(c.company && companyId ? { 'X-Company': companyId } : {}),
          ...(c.body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
        },
      };
      const once = () => send(request, { fetch: shared.fetch, timeoutMs: shared.timeoutMs });
      return c.method === 'GET' ? withRetry(once, shared.retry) : once();
    };
    const tokens = await shared.session.current();
    const first = await attempt(tokens.accessToken);
    if (first.kind !== 'unauthorized') return first;
    // Once: a token can expire early or be revoked; if even a fresh one is refused, retrying will not help.
    const replaced = await shared.session.replace(tokens.accessToken);
    const second = await attempt(replaced.accessToken);
    if (second.kind === 'unauthorized') throw new AccountViewAuthError('rejected', `${c.context}: AccountView refused a freshly refreshed token`, { status: 401 });
    return second;
  }

  function tableBody(outcome: HttpOutcome, context: string): Record<string, unknown> {
    if (outcome.kind !== 'ok') return {};
    const parsed = tableResponse.safeParse(outcome.body);
    if (!parsed.success) {
      throw new AccountViewError(`${context}: the answer is not an object of tables`, {
        userMessage: 'AccountView sent data this app did not expect.',
        hint: 'Contact support; the answer from AccountView had an unexpected shape.',
      });
    }
    return parsed.data;
  }

  async function* readPages<T>(businessObject: string, query: ReadQuery, rowSchema: z.ZodType<T>): AsyncGenerator<T[]> {
    const size = pageSizeOf(query);
    const table = tableFor(businessObject, query.table);
    for (let number = 1; ; number++) {
      const context = `GET ${businessObject} page ${number}`;
      const params = readParams(businessObject, query, { size, number }, shared.timeZone);
      const outcome = await call({ method: 'GET', path: '/accountviewdata', params, company: true, context });
      // A 404 without a body is "no rows" (PAS treats it so); with a body it was an error above.
      const rows = rowsOf(tableBody(outcome, context), table, context).map((row, i) => {
        const parsed = rowSchema.safeParse(normaliseRow(row, shared.timeZone));
        if (parsed.success) return parsed.data;
        const issue = parsed.error.issues[0];
        throw new AccountViewError(`${context}, row ${i + 1}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'does not match'}`, {
          userMessage: `AccountView sent ${/^[AEIOU]/i.test(businessObject) ? 'an' : 'a'} ${businessObject} record this app cannot read.`,
          hint: `Check field ${issue?.path.join('.') || '(unknown)'} of that record in AccountView, or contact support.`,
        });
      });
      if (rows.length > 0) yield rows;
      if (rows.length < size) return;
    }
  }

  async function write(method: 'POST' | 'PUT', businessObject: string, record: WriteRecord): Promise<WriteResult> {
    const context = `${method} ${businessObject}`;
    const body = writeBody(businessObject, record, shared.timeZone);
    const outcome = await call({ method, path: '/accountviewdata', body, company: true, context });
    if (outcome.kind === 'not-found') throw new AccountViewApiError('HttpError', [], 'Not found', 404, context);
    const table = body.Table.Definition.Name;
    const rows = rowsOf(tableBody(outcome, context), table, context).map((r) => normaliseRow(r, shared.timeZone));
    return { table, rows, row: rows[0] };
  }

  const client: AccountViewClient = {
    companyId,
    async listCompanies(): Promise<Company[]> {
      const outcome = await call({ method: 'GET', path: '/companies', company: false, context: 'GET /companies' });
      if (outcome.kind !== 'ok') return [];
      const parsed = companiesResponse.safeParse(outcome.body);
      if (!parsed.success) {
        throw new AccountViewError('GET /companies: unexpected answer', {
          userMessage: 'AccountView sent a list of companies this app cannot read.',
          hint: 'Contact support.',
        });
      }
      return parsed.data;
    },
    async resolveCompany(code: string): Promise<Company> {
      const wanted = code.trim().toUpperCase();
      const companies = await client.listCompanies();
      const found = companies.find((c) => c.code.toUpperCase() === wanted);
      if (!found) throw new AccountViewCompanyNotFoundError(code.trim(), companies.map((c) => c.code));
      return found;
    },
    forCompany: (id: string) => bind(shared, id.trim()),
    readPages,
    async readAll<T>(businessObject: string, query: ReadQuery, rowSchema: z.ZodType<T>): Promise<T[]> {
      const all: T[] = [];
      for await (const page of readPages(businessObject, query, rowSchema)) all.push(...page);
      return all;
    },
    async count(businessObject: string, filters: readonly Filter[] = []): Promise<number> {
      const field = knownObject(businessObject)?.countField;
      let n = 0;
      const query: ReadQuery = { filters, pageSize: 1000, ...(field ? { fields: [field] } : {}) };
      for await (const page of readPages(businessObject, query, z.unknown())) n += page.length;
      return n;
    },
    insert: (businessObject: string, record: WriteRecord) => write('POST', businessObject, record),
    update: (businessObject: string, record: WriteRecord) => write('PUT', businessObject, record),
    async canWrite(): Promise<boolean> {
      const tokens = await shared.session.current();
      // AccountView returns the granted scope with every token (CPM); without it we cannot show write access,
      // and claiming it would let a sync fail halfway. `*` is what GO asks for and grants everything.
      const granted = (tokens.scope ?? '').split(/\s+/);
      return granted.includes(WRITE_SCOPE) || granted.includes('*');
    },
  };
  return client;
}

