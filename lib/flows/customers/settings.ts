import { z } from 'zod';

/**
 * What a merchant can set for the customers flow. Nothing is required: debtors are matched on e-mail
 * and their billing address becomes the customer's address. One schema for the page, the row and the flow.
 */
export const customerFlowSettings = z.object({
  /** The debtor's address (ADDRESS1, POST_CODE, CITY, CNT_CODE) becomes the customer's billing address. */
  includeAddresses: z.boolean().default(true),
  /** BigCommerce customer group new customers join; none when left out. */
  customerGroupId: z.number().int().positive().optional(),
});

export type CustomerFlowSettings = z.output<typeof customerFlowSettings>;
export type CustomerFlowSettingsInput = z.input<typeof customerFlowSettings>;

export function defaultCustomerFlowSettings(): CustomerFlowSettings {
  return customerFlowSettings.parse({});
}
