/** Shapes shared by every part of the simulator. State stays plain JSON so `/__sim/state` can dump it as is. */
import type { FaultsHelper } from './faults';
import type { OrdersHelper } from './orders/helper';
import type { StoreData } from './store-data';
import type { WebhookDelivery } from './webhooks/types';

export interface SimUser {
  id: number;
  email: string;
  username: string;
}

export interface DateFormat {
  display: string;
  export: string;
  extended_display: string;
}

export interface Timezone {
  name: string;
  raw_offset: number;
  dst_offset: number;
  dst_correction: boolean;
  date_format: DateFormat;
}

/** `StoreInformation` from store_information.v2.yml. */
export interface StoreInformation {
  id: string;
  account_uuid: string;
  domain: string;
  secure_url: string;
  control_panel_base_url: string;
  status: string;
  name: string;
  first_name: string;
  last_name: string;
  address: string;
  country: string;
  country_code: string;
  infrastructure_region: string;
  phone: string;
  admin_email: string;
  order_email: string;
  favicon_url: string;
  timezone: Timezone;
  language: string;
  currency: string;
  currency_symbol: string;
  decimal_separator: string;
  thousands_separator: string;
  decimal_places: number;
  currency_symbol_location: string;
  weight_units: string;
  dimension_units: string;
  dimension_decimal_places: number;
  dimension_decimal_token: string;
  dimension_thousands_token: string;
  plan_name: string;
  plan_level: string;
  plan_is_trial: boolean;
  industry: string;
  // The spec allows an empty array when the store has no logo.
  logo: { url: string } | unknown[];
  is_price_entered_with_tax: boolean;
  store_id: number;
  default_channel_id: number;
  default_site_id: number;
  active_comparison_modules: unknown[];
  features: {
    stencil_enabled: boolean;
    sitewidehttps_enabled: boolean;
    facebook_catalog_id: string;
    checkout_type: 'optimized' | 'single' | 'single_customizable' | 'klarna';
    wishlists_enabled: boolean;
    graphql_storefront_api_enabled: boolean;
    shopper_consent_tracking_enabled: boolean;
    multi_storefront_enabled: boolean;
    storefront_limits: { active: number; total_including_inactive: number };
  };
}

export interface SeedStore {
  hash: string;
  ownerId: number;
  users: SimUser[];
  info: StoreInformation;
  /** Orders, catalog, customers… behind the REST API; a default location and category tree when omitted. */
  data?: StoreData;
}

export interface SimStore extends SeedStore {
  data: StoreData;
  /** True only once the app has exchanged a grant code, as on BigCommerce. */
  installed: boolean;
  installedAt: string | null;
  installedByUserId: number | null;
  accessToken: string | null;
  grantedScope: string | null;
  /** Users removed from the app: Open is refused for them until the app is uninstalled. */
  usersWithoutAccess: number[];
}

export interface Grant {
  code: string;
  storeHash: string;
  userId: number;
  scope: string;
  context: string;
  accountUuid: string;
  expiresAt: number;
  used: boolean;
}

/** A server-to-server call from "BigCommerce" to the app (uninstall, remove-user). */
export interface AppCallback {
  kind: 'uninstall' | 'remove-user';
  storeHash: string;
  userId: number;
  actingUserId: number;
  url: string;
  /** The app's HTTP status, or null when it could not be reached. */
  status: number | null;
  error: string | null;
  at: string;
}

export interface RateWindow {
  startedAt: number;
  count: number;
}

export interface SimulatorState {
  stores: Record<string, SimStore>;
  grants: Grant[];
  appCallbacks: AppCallback[];
  rateWindows: Record<string, RateWindow>;
  /** Every webhook callback queued, with each attempt's outcome. */
  webhookDeliveries: WebhookDelivery[];
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  at: string;
}

export interface SignedPayloadClaims {
  aud: string;
  iss: string;
  iat: number;
  nbf: number;
  exp: number;
  jti: string;
  sub: string;
  user: { id: number; email: string; locale: string };
  owner: { id: number; email: string };
  url: string;
  channel_id: number | null;
}

export interface IssuedGrant {
  code: string;
  scope: string;
  context: string;
  accountUuid: string;
}

export interface BigCommerceSimulatorOptions {
  host?: string;
  port?: number;
  /** The app under test; a different site than the simulator, as in production. */
  appUrl: string;
  clientId: string;
  clientSecret: string;
  scopes?: string[];
  stores?: SeedStore[];
  /** API requests per store per 30 s window. */
  rateLimitQuota?: number;
  /** Clock in ms, so tests can expire grant codes and rate windows without waiting. */
  now?: () => number;
  /** Multiplies the webhook retry schedule (60 s … 86 400 s); e.g. 0.00001 runs all 11 retries in under 2 s. */
  webhookRetryScale?: number;
  /** How long a webhook destination may take to answer before the attempt counts as failed. */
  webhookTimeoutMs?: number;
  /**
   * Folder with BigCommerce's OpenAPI specs for request-body validation. Defaults to
   * `$BIGCOMMERCE_SPECS_DIR` or `../shared/specs/bigcommerce` beside the repo; `null` switches validation off.
   */
  specsDir?: string | null;
}

export interface BigCommerceSimulator {
  url: string;
  loginUrl: string;
  apiUrl: string;
  controlPanelUrl: string;
  state: SimulatorState;
  requests: RecordedRequest[];
  reset(): void;
  signPayload(storeHash: string, userId: number, overrides?: Partial<SignedPayloadClaims>): string;
  issueGrant(storeHash: string, userId: number): IssuedGrant;
  /** Orders as the storefront would create and the merchant would change them; each fires its webhooks. */
  orders: OrdersHelper;
  /** Injected failures for the REST API: errors, slowness, dropped connections, broken JSON, 429 bursts. */
  faults: FaultsHelper;
  webhooks: {
    /** Resolves once no callback is pending or on the wire. */
    settle(timeoutMs?: number): Promise<void>;
  };
  stores: {
    /** Changes store settings such as `is_price_entered_with_tax`; returns the new store information. */
    update(storeHash: string, info: Partial<StoreInformation>): StoreInformation;
  };
  stop(): Promise<void>;
}
