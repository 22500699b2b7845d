import { z } from 'zod';
import { iso8601, wholeSeconds } from '../dates';
import { CUSTOMER_INCLUDES, newCustomer, renderCustomer } from '../customers/records';
import type { Customer } from '../customers/types';
import type { StoreData } from '../store-data';
import { emitEvent } from '../webhooks/delivery';
import { ApiError, validate } from './errors';
import { v3List } from './paging';
import { csv, intCsv, parseQuery, queryDate } from './query';
import type { ApiRoute } from './route';

export const CUSTOMER_READ = ['store_v2_customers_read_only', 'store_v2_customers'];
export const CUSTOMER_WRITE = ['store_v2_customers'];

/** Arrays of at most 10 customers per call (reference §2.5). */
const MAX_BATCH = 10;

export const addressInput = z.object({
  first_name: z.string().min(1).max(255),
  last_name: z.string().min(1).max(255),
  address1: z.string().min(1),
  city: z.string().min(1).max(100),
  country_code: z.string().length(2),
  company: z.string().max(255).optional(),
  address2: z.string().optional(),
  state_or_province: z.string().max(100).optional(),
  postal_code: z.string().max(30).optional(),
  phone: z.string().max(50).optional(),
  address_type: z.enum(['residential', 'commercial']).optional(),
});

const customerFields = {
  company: z.string().max(255).optional(),
  phone: z.string().max(50).optional(),
  notes: z.string().optional(),
  tax_exempt_category: z.string().max(255).optional(),
  customer_group_id: z.number().int().optional(),
  accepts_product_review_abandoned_cart_emails: z.boolean().optional(),
  origin_channel_id: z.number().int().optional(),
  channel_ids: z.array(z.number().int()).optional(),
  store_credit_amounts: z.array(z.object({ amount: z.number() })).optional(),
  authentication: z.object({ force_password_reset: z.boolean().optional(), new_password: z.string().optional() }).optional(),
};

const customerCreate = z.object({
  email: z.string().email().max(250),
  first_name: z.string().min(1).max(100),
  last_name: z.string().min(1).max(100),
  addresses: z.array(addressInput).optional(),
  ...customerFields,
});

const customerUpdate = z.object({
  id: z.number().int(),
  email: z.string().email().max(255).optional(),
  first_name: z.string().min(1).max(100).optional(),
  last_name: z.string().min(1).max(100).optional(),
  ...customerFields,
});

const listQuery = z.object({
  'id:in': intCsv.optional(),
  'email:in': csv.optional(),
  'name:in': csv.optional(),
  'name:like': csv.optional(),
  'company:in': csv.optional(),
  'customer_group_id:in': intCsv.optional(),
  'phone:in': csv.optional(),
  'date_created:min': queryDate.optional(),
  'date_created:max': queryDate.optional(),
  'date_modified:min': queryDate.optional(),
  'date_modified:max': queryDate.optional(),
  include: csv.pipe(z.array(z.enum(CUSTOMER_INCLUDES))).optional(),
  sort: z.enum(['date_created:asc', 'date_created:desc', 'last_name:asc', 'last_name:desc', 'date_modified:asc', 'date_modified:desc']).optional(),
});

const lower = (s: string) => s.toLowerCase();

function listed(c: Customer, q: z.output<typeof listQuery>): boolean {
  const name = lower(`${c.first_name} ${c.last_name}`);
  const created = Date.parse(c.date_created);
  const modified = Date.parse(c.date_modified);
  return (
    (q['id:in'] === undefined || q['id:in'].includes(c.id)) &&
    (q['email:in'] === undefined || q['email:in'].map(lower).includes(lower(c.email))) &&
    (q['name:in'] === undefined || q['name:in'].map(lower).includes(name)) &&
    (q['name:like'] === undefined || q['name:like'].some((n) => name.includes(lower(n)))) &&
    (q['company:in'] === undefined || q['company:in'].map(lower).includes(lower(c.company))) &&
    (q['customer_group_id:in'] === undefined || q['customer_group_id:in'].includes(c.customer_group_id)) &&
    (q['phone:in'] === undefined || q['phone:in'].includes(c.phone)) &&
    (q['date_created:min'] === undefined || created >= q['date_created:min']) &&
    (q['date_created:max'] === undefined || created <= q['date_created:max']) &&
    (q['date_modified:min'] === undefined || modified >= q['date_modified:min']) &&
    (q['date_modified:max'] === undefined || modified <= q['date_modified:max'])
  );
}

function sortCustomers(customers: Customer[], sort: string | undefined): Customer[] {
  if (!sort) return customers;
  const [field, direction] = sort.split(':') as ['date_created' | 'date_modified' | 'last_name', string];
  const sign = direction === 'desc' ? -1 : 1;
  return [...customers].sort((a, b) => (a[field] === b[field] ? a.id - b.id : (a[field] < b[field] ? -1 : 1) * sign));
}

/** A duplicate e-mail address refuses the whole batch with 422, in the spec's `.customer_create` shape. */
function assertEmails(data: StoreData, emails: { email: string; index: number; exceptId?: number }[], title: string): void {
  const seen = new Map<string, number>();
  for (const { email, index, exceptId } of emails) {
    const key = lower(email);
    const taken = data.customers.some((c) => c.id !== exceptId && lower(c.email) === key) || seen.has(key);
    if (taken) {
      throw new ApiError(422, title, {
        '.customer_create': `The email address ${email} is already in use by another customer.`,
        [`${index}.email`]: `The email address ${email} is already in use by another customer.`,
      });
    }
    seen.set(key, index);
  }
}

const includeAll = new Set(['addresses', 'storecredit']);

export const customerRoutes: ApiRoute[] = [
  {
    method: 'GET',
    version: 'v3',
    path: '/customers',
    scopes: CUSTOMER_READ,
    handle: (req) => {
      const q = parseQuery(listQuery, req.query);
      const includes = new Set<string>(q.include ?? []);
      const customers = sortCustomers(req.store.data.customers.filter((c) => listed(c, q)), q.sort);
      return v3List(customers, req.query, 50, undefined, (c) => renderCustomer(c, includes));
    },
  },
  {
    method: 'POST',
    version: 'v3',
    path: '/customers',
    scopes: CUSTOMER_WRITE,
    batchLimit: { max: MAX_BATCH },
    handle: async (req) => {
      const items = validate(z.array(customerCreate).min(1), await req.json(), 'customers');
      const data = req.store.data;
      assertEmails(data, items.map((c, index) => ({ email: c.email, index })), 'Create customers failed.');
      const created = items.map((item) => {
        const customer = newCustomer(data, item, req.rt.now());
        data.customers.push(customer);
        emitEvent(req.rt, req.store, 'store/customer/created', { type: 'customer', id: customer.id });
        return customer;
      });
      return { status: 200, body: { data: created.map((c) => renderCustomer(c, includeAll)), meta: {} } };
    },
  },
  {
    method: 'PUT',
    version: 'v3',
    path: '/customers',
    scopes: CUSTOMER_WRITE,
    batchLimit: { max: MAX_BATCH },
    handle: async (req) => {
      const items = validate(z.array(customerUpdate).min(1), await req.json(), 'customers');
      const data = req.store.data;
      const targets = items.map((item, index) => {
        const customer = data.customers.find((c) => c.id === item.id);
        if (!customer) throw new ApiError(422, 'Update customers failed.', { [`${index}.id`]: `Customer ${item.id} does not exist.` });
        return { item, customer };
      });
      assertEmails(
        data,
        items.flatMap((c, index) => (c.email === undefined ? [] : [{ email: c.email, index, exceptId: c.id }])),
        'Update customers failed.',
      );
      for (const { item, customer } of targets) {
        const { id: _id, authentication, ...fields } = item;
        Object.assign(customer, fields);
        if (authentication?.force_password_reset !== undefined) customer.authentication.force_password_reset = authentication.force_password_reset;
        customer.date_modified = iso8601(wholeSeconds(req.rt.now()));
        emitEvent(req.rt, req.store, 'store/customer/updated', { type: 'customer', id: customer.id });
      }
      return { status: 200, body: { data: targets.map((t) => renderCustomer(t.customer, includeAll)), meta: {} } };
    },
  },
  {
    method: 'DELETE',
    version: 'v3',
    path: '/customers',
    scopes: CUSTOMER_WRITE,
    handle: (req) => {
      // Without `id:in` BigCommerce answers 204 and deletes nothing (reference §2.5).
      const ids = parseQuery(z.object({ 'id:in': intCsv.optional() }), req.query)['id:in'] ?? [];
      const data = req.store.data;
      for (const id of ids.filter((id) => data.customers.some((c) => c.id === id))) {
        emitEvent(req.rt, req.store, 'store/customer/deleted', { type: 'customer', id });
      }
      data.customers = data.customers.filter((c) => !ids.includes(c.id));
      return { status: 204 };
    },
  },
];

