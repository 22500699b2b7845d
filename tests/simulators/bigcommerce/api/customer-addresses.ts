import { z } from 'zod';
import { iso8601, wholeSeconds } from '../dates';
import { addressKey, newAddress } from '../customers/records';
import type { Customer, CustomerAddress } from '../customers/types';
import { countryName } from '../vat';
import { emitEvent } from '../webhooks/delivery';
import { addressInput, CUSTOMER_READ, CUSTOMER_WRITE } from './customers';
import { ApiError, validate } from './errors';
import { v3List } from './paging';
import { csv, intCsv, parseQuery } from './query';
import type { ApiRequest, ApiRoute } from './route';

// The addresses endpoint needs more than an address inside a customer POST (reference §2.5).
const addressCreate = addressInput.extend({
  customer_id: z.number().int(),
  state_or_province: z.string().max(100),
  postal_code: z.string().max(30),
});
const addressUpdate = addressInput.partial().extend({ id: z.number().int() });

const listQuery = z.object({
  'id:in': intCsv.optional(),
  'customer_id:in': intCsv.optional(),
  'name:in': csv.optional(),
  'company:in': csv.optional(),
});

function allAddresses(req: ApiRequest): { customer: Customer; address: CustomerAddress }[] {
  return req.store.data.customers.flatMap((customer) => customer.addresses.map((address) => ({ customer, address })));
}

function touch(req: ApiRequest, customer: Customer): void {
  customer.date_modified = iso8601(wholeSeconds(req.rt.now()));
}

export const customerAddressRoutes: ApiRoute[] = [
  {
    method: 'GET',
    version: 'v3',
    path: '/customers/addresses',
    scopes: CUSTOMER_READ,
    handle: (req) => {
      const q = parseQuery(listQuery, req.query);
      const names = q['name:in']?.map((n) => n.toLowerCase());
      const rows = allAddresses(req)
        .map((r) => r.address)
        .filter(
          (a) =>
            (q['id:in'] === undefined || q['id:in'].includes(a.id)) &&
            (q['customer_id:in'] === undefined || q['customer_id:in'].includes(a.customer_id)) &&
            (names === undefined || names.includes(`${a.first_name} ${a.last_name}`.toLowerCase())) &&
            (q['company:in'] === undefined || q['company:in'].includes(a.company)),
        );
      return v3List(rows, req.query);
    },
  },
  {
    method: 'POST',
    version: 'v3',
    path: '/customers/addresses',
    scopes: CUSTOMER_WRITE,
    handle: async (req) => {
      const items = validate(z.array(addressCreate).min(1), await req.json(), 'addresses');
      const data = req.store.data;
      const customers = items.map((item, index) => {
        const customer = data.customers.find((c) => c.id === item.customer_id);
        if (!customer) throw new ApiError(422, 'Create addresses failed.', { [`${index}.customer_id`]: `Customer ${item.customer_id} does not exist.` });
        return customer;
      });
      const created: CustomerAddress[] = [];
      items.forEach((item, index) => {
        const customer = customers[index];
        if (!customer) return;
        const candidate = newAddress(data, customer.id, item);
        // An address that already exists is left alone and left out of the response (customers.v3.yml).
        if (customer.addresses.some((a) => addressKey(a) === addressKey(candidate))) return;
        customer.addresses.push(candidate);
        touch(req, customer);
        created.push(candidate);
        emitEvent(req.rt, req.store, 'store/customer/address/created', { type: 'customer', id: candidate.id, address: { customer_id: customer.id } });
      });
      return { status: 200, body: { data: created, meta: {} } };
    },
  },
  {
    method: 'PUT',
    version: 'v3',
    path: '/customers/addresses',
    scopes: CUSTOMER_WRITE,
    handle: async (req) => {
      const items = validate(z.array(addressUpdate).min(1), await req.json(), 'addresses');
      const rows = allAddresses(req);
      const targets = items.map((item, index) => {
        const row = rows.find((r) => r.address.id === item.id);
        if (!row) throw new ApiError(422, 'Update addresses failed.', { [`${index}.id`]: `Address ${item.id} does not exist.` });
        return { item, ...row };
      });
      const updated: CustomerAddress[] = [];
      for (const { item, customer, address } of targets) {
        const { id: _id, ...fields } = item;
        const next = { ...address, ...fields, ...(fields.country_code ? { country_code: fields.country_code.toUpperCase(), country: countryName(fields.country_code) } : {}) };
        // Becoming identical to another address of the customer changes nothing (customers.v3.yml).
        if (customer.addresses.some((a) => a.id !== address.id && addressKey(a) === addressKey(next))) continue;
        Object.assign(address, next);
        touch(req, customer);
        updated.push(address);
        emitEvent(req.rt, req.store, 'store/customer/address/updated', { type: 'customer', id: address.id, address: { customer_id: customer.id } });
      }
      return { status: 200, body: { data: updated, meta: {} } };
    },
  },
  {
    method: 'DELETE',
    version: 'v3',
    path: '/customers/addresses',
    scopes: CUSTOMER_WRITE,
    handle: (req) => {
      const ids = parseQuery(z.object({ 'id:in': intCsv.optional() }), req.query)['id:in'] ?? [];
      for (const { customer, address } of allAddresses(req).filter((r) => ids.includes(r.address.id))) {
        customer.addresses = customer.addresses.filter((a) => a.id !== address.id);
        touch(req, customer);
        emitEvent(req.rt, req.store, 'store/customer/address/deleted', { type: 'customer', id: address.id, address: { customer_id: customer.id } });
      }
      return { status: 204 };
    },
  },
];
