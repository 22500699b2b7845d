import type { IncomingMessage, ServerResponse } from 'node:http';
import { ASP_NET_MESSAGES, MISSING_SCOPE_STATUS, SCOPES, UNAUTHORIZED_BODY, UNKNOWN_COMPANY_STATUS } from '../assumptions';
import { lowerCaseQuery, sendJson } from '../http';
import { wallClock } from '../local-time';
import { DATA_OBJECTS } from '../model/data-objects';
import { tableRows } from '../model/lookups';
import { SYSTEM_OBJECTS } from '../model/objects/system';
import { AvBadRequest } from '../model/refusal';
import { hasScope } from '../oauth/scopes';
import { findCompany, type SimRuntime } from '../runtime';
import type { SimCompany } from '../types';
import { sendAvError, sendThrown } from './av-error';
import { bearerToken } from './bearer';
import { companyList } from './companies';
import { businessObjectList, fieldsOf } from './metadata';
import { readPage } from './read';
import { insert, update } from './write';
import { parseWriteBody } from './write-body';

interface Call {
  rt: SimRuntime;
  req: IncomingMessage;
  res: ServerResponse;
  query: Map<string, string>;
  rawBody: string;
  /** Set for every route that needs X-Company. */
  company: SimCompany | undefined;
}

function companyOf(call: Call): SimCompany {
  if (!call.company) throw new Error('route needs a company but was registered without one');
  return call.company;
}

interface Route {
  methods: Record<string, { scope: string | null; company: boolean; run: (call: Call) => unknown }>;
}

function readData(call: Call): unknown {
  const code = (call.query.get('businessobject') ?? '').trim().toUpperCase();
  const bo = DATA_OBJECTS.get(code);
  if (!bo) throw new AvBadRequest(code === '' ? 'De parameter BusinessObject ontbreekt.' : `Onbekend bedrijfsobject '${code}'.`);
  const company = companyOf(call);
  const rows = tableRows(company, bo.table.name);
  const details = bo.detail ? tableRows(company, bo.detail.table.name) : [];
  return readPage(bo, rows, details, call.query);
}

function readSystem(call: Call): unknown {
  const code = (call.query.get('businessobject') ?? '').trim().toUpperCase();
  const bo = SYSTEM_OBJECTS.get(code);
  if (!bo?.rows) throw new AvBadRequest(`Onbekend systeemobject '${code}'.`);
  return readPage(bo, bo.rows(companyOf(call)), [], call.query);
}

const write = (kind: 'insert' | 'update') => (call: Call) => {
  const parsed = parseWriteBody(call.rawBody, DATA_OBJECTS);
  const now = wallClock(call.rt.now());
  return kind === 'insert' ? insert(parsed, companyOf(call), now) : update(parsed, companyOf(call), now);
};

const ROUTES: Record<string, Route> = {
  '/companies': { methods: { GET: { scope: null, company: false, run: (c) => companyList(c.rt.state.companies) } } },
  '/accountviewdata': {
    methods: {
      GET: { scope: SCOPES.read, company: true, run: readData },
      POST: { scope: SCOPES.update, company: true, run: write('insert') },
      PUT: { scope: SCOPES.update, company: true, run: write('update') },
    },
  },
  '/accountviewsystembusinessobjects': { methods: { GET: { scope: SCOPES.read, company: true, run: () => businessObjectList() } } },
  '/accountviewfields': { methods: { GET: { scope: SCOPES.read, company: true, run: (c) => fieldsOf(c.query) } } },
  '/accountviewsystemdata': { methods: { GET: { scope: SCOPES.read, company: true, run: readSystem } } },
};

function companyHeader(req: IncomingMessage): string {
  const value = req.headers['x-company'];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/**
 * `/api/v3/*` apart from the token endpoint. Checks in the order ASP.NET would: route, bearer token, scope,
 * then the company. Path case does not matter (reference §1).
 */
export function handleApi(rt: SimRuntime, req: IncomingMessage, res: ServerResponse, path: string, url: URL, rawBody: string): void {
  const route = ROUTES[path];
  if (!route) return sendJson(res, 404, { Message: ASP_NET_MESSAGES.notFound(url.pathname) });
  const method = req.method ?? 'GET';
  const entry = route.methods[method];
  if (!entry) {
    return sendJson(res, 405, { Message: ASP_NET_MESSAGES.methodNotAllowed(method) }, { Allow: Object.keys(route.methods).join(', ') });
  }
  const token = bearerToken(rt, req);
  if (!token) return sendJson(res, 401, UNAUTHORIZED_BODY, { 'WWW-Authenticate': 'Bearer' });
  if (entry.scope && !hasScope(token.scope, entry.scope)) {
    return sendAvError(res, MISSING_SCOPE_STATUS, `Deze koppeling heeft geen toestemming '${entry.scope}'.`);
  }
  let company: SimCompany | undefined;
  if (entry.company) {
    const id = companyHeader(req);
    if (id.trim() === '') return sendAvError(res, UNKNOWN_COMPANY_STATUS, 'De header X-Company ontbreekt.');
    company = findCompany(rt, id);
    if (!company) return sendAvError(res, UNKNOWN_COMPANY_STATUS, `Onderneming '${id}' bestaat niet of u hebt er geen toegang toe.`);
  }
  const call: Call = { rt, req, res, query: lowerCaseQuery(url.searchParams), rawBody, company };
  try {
    sendJson(res, 200, entry.run(call));
  } catch (err) {
    sendThrown(res, err);
  }
}
