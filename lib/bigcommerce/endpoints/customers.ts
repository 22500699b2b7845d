import { BATCH_LIMITS, checkBatch } from '../batch';
import { specShaped, v3Array } from '../envelope';
import { listV3 } from '../paging';
import type { Call } from '../request';
import type { Customer, CustomerCreate, CustomerListQuery, CustomerUpdate } from '../types';

export function customerEndpoints(call: Call) {
  async function write(method: 'POST' | 'PUT', customers: readonly unknown[]): Promise<Customer[]> {
    if (customers.length === 0) return [];
    return specShaped<Customer[]>(v3Array(await call(method, '/v3/customers', { body: customers }), method, '/v3/customers'));
  }

  return {
    /** Email is BigCommerce's natural key: `{ 'email:in': [...] }` finds which customers exist already. */
    listCustomers(query: CustomerListQuery = {}): AsyncGenerator<Customer> {
      return listV3<Customer>(call, '/v3/customers', query);
    },

    async createCustomers(customers: readonly CustomerCreate[]): Promise<Customer[]> {
      checkBatch('createCustomers', customers.length, BATCH_LIMITS.customers);
      return write('POST', customers);
    },

    /** BigCommerce allows 3 of these at once per store; sequential calls from one sync stay well inside that. */
    async updateCustomers(customers: readonly CustomerUpdate[]): Promise<Customer[]> {
      checkBatch('updateCustomers', customers.length, BATCH_LIMITS.customers);
      return write('PUT', customers);
    },
  };
}
