import { z } from 'zod';

/** `stores/{hash}`: BigCommerce store hashes are short lowercase alphanumerics. */
export const storeContext = z
  .string()
  .regex(/^stores\/[a-z0-9]{1,32}$/, 'must look like stores/{store_hash}')
  .transform((v) => v.slice('stores/'.length));

const bcUser = z.object({
  id: z.number().int().positive(),
  email: z.string().min(1),
  username: z.string().optional(),
});

/** The body of a successful POST {login}/oauth2/token (reference/bigcommerce.md §1.2). */
export const tokenResponse = z.object({
  access_token: z.string().min(1),
  scope: z.string(),
  user: bcUser,
  owner: bcUser,
  context: storeContext,
  account_uuid: z.string().optional(),
});
export type TokenResponse = z.output<typeof tokenResponse>;

/** Claims of a `signed_payload_jwt` after the signature, audience, issuer and expiry were checked. */
export const signedPayloadClaims = z.object({
  aud: z.string(),
  iss: z.literal('bc'),
  iat: z.number(),
  nbf: z.number().optional(),
  exp: z.number(),
  jti: z.string().min(1),
  sub: storeContext,
  user: z.object({ id: z.number().int().positive(), email: z.string().min(1), locale: z.string().optional() }),
  owner: z.object({ id: z.number().int().positive(), email: z.string().min(1) }),
  url: z.string().optional(),
  channel_id: z.number().int().nullable().optional(),
});
export type SignedPayload = z.output<typeof signedPayloadClaims>;

/** The parts of Store Information V2 the app uses; the rest passes through untouched. */
export const storeInformation = z.looseObject({
  id: z.string(),
  name: z.string(),
  domain: z.string().optional(),
  secure_url: z.string().optional(),
  control_panel_base_url: z.string().optional(),
  currency: z.string().optional(),
  weight_units: z.string().optional(),
  timezone: z.object({ name: z.string() }).partial().optional(),
});
export type StoreInformation = z.output<typeof storeInformation>;

/** v3 error body, and v2's array of {status, message}. */
export const v3ErrorBody = z.looseObject({
  status: z.number().optional(),
  title: z.string().optional(),
  errors: z.record(z.string(), z.unknown()).optional(),
});
export const v2ErrorBody = z.array(z.looseObject({ status: z.number().optional(), message: z.string() }));
