import { idSegment } from '../batch';
import { specShaped, v3Data } from '../envelope';
import { listV3 } from '../paging';
import type { Call } from '../request';
import type { Webhook, WebhookCreate, WebhookListQuery, WebhookUpdate } from '../types';

/** Hooks are visible only to the token that created them, so these list and change only our own. */
export function webhookEndpoints(call: Call) {
  return {
    listHooks(query: WebhookListQuery = {}): AsyncGenerator<Webhook> {
      return listV3<Webhook>(call, '/v3/hooks', query);
    },

    async createHook(hook: WebhookCreate): Promise<Webhook> {
      return specShaped<Webhook>(v3Data(await call('POST', '/v3/hooks', { body: hook }), 'POST', '/v3/hooks'));
    },

    /** Also how a hook BigCommerce deactivated after failed deliveries is switched back on (`is_active: true`). */
    async updateHook(id: number, changes: WebhookUpdate): Promise<Webhook> {
      const path = `/v3/hooks/${idSegment(id)}` as const;
      return specShaped<Webhook>(v3Data(await call('PUT', path, { body: changes }), 'PUT', path));
    },

    async deleteHook(id: number): Promise<void> {
      await call('DELETE', `/v3/hooks/${idSegment(id)}`);
    },
  };
}
