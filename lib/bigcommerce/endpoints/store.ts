import { BigCommerceResponseError } from '../errors';
import type { Call } from '../request';
import { storeInformation, type StoreInformation } from '../schemas';

export function storeEndpoints(call: Call) {
  return {
    /** Store Information V2: name, currency, weight unit and time zone, which the sync depends on. */
    async getStoreInformation(): Promise<StoreInformation> {
      const response = await call('GET', '/v2/store');
      const parsed = storeInformation.safeParse(response.body);
      if (!parsed.success) throw new BigCommerceResponseError('the store information is not understood', 'GET', '/v2/store', { cause: parsed.error });
      return parsed.data;
    },
  };
}
