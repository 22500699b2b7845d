import { brouwerijData } from './seed/brouwerij';
import { fietsenwinkelData } from './seed/fietsenwinkel';
import type { SeedStore, StoreInformation, Timezone } from './types';

/** Dutch date formats as a Dutch merchant would set them in Store Setup › Display. */
const DUTCH_DATE_FORMAT = { display: 'j M Y', export: 'd-m-Y', extended_display: 'j M Y @ H:i' };

const amsterdam: Timezone = {
  name: 'Europe/Amsterdam',
  raw_offset: 3600,
  dst_offset: 7200,
  dst_correction: true,
  date_format: DUTCH_DATE_FORMAT,
};

const brussels: Timezone = { ...amsterdam, name: 'Europe/Brussels' };

/** Settings a euro store in the Low Countries shares; each store overrides what identifies it. */
function euroStore(fields: Omit<StoreInformation, 'currency' | 'currency_symbol' | 'decimal_separator'
  | 'thousands_separator' | 'decimal_places' | 'currency_symbol_location' | 'weight_units'
  | 'dimension_units' | 'dimension_decimal_places' | 'dimension_decimal_token' | 'dimension_thousands_token'
  | 'status' | 'language' | 'active_comparison_modules' | 'default_channel_id' | 'default_site_id'>): StoreInformation {
  return {
    status: 'live',
    language: 'nl',
    currency: 'EUR',
    currency_symbol: '€',
    decimal_separator: ',',
    thousands_separator: '.',
    decimal_places: 2,
    currency_symbol_location: 'left',
    weight_units: 'kg',
    dimension_units: 'Centimeters',
    dimension_decimal_places: 2,
    dimension_decimal_token: ',',
    dimension_thousands_token: '.',
    default_channel_id: 1,
    default_site_id: 1000,
    active_comparison_modules: [],
    ...fields,
  };
}

/**
 * Fresh copies each call, so a test that mutates its stores never leaks into the next one.
 * Fietsenwinkel De Vries (abc123def): 12 orders, 8 products, 6 customers, 2 locations, prices incl. VAT.
 * Brouwerij Het Anker (xyz789ghi): 6 orders, 6 products, 4 customers, 1 location, prices excl. VAT.
 */
export function seedStores(): SeedStore[] {
  const stores: Omit<SeedStore, 'data'>[] = [
    {
      hash: 'abc123def',
      ownerId: 1001,
      users: [
        { id: 1001, email: 'eigenaar@fietsenwinkel.nl', username: 'Jan de Vries' },
        { id: 1002, email: 'boekhouder@fietsenwinkel.nl', username: 'Petra Jansen' },
      ],
      info: euroStore({
        id: 'abc123def',
        account_uuid: '5b6f1c2e-8a4d-4f3b-9c1e-2d7a8b9c0d11',
        domain: 'www.fietsenwinkel.nl',
        secure_url: 'https://www.fietsenwinkel.nl',
        control_panel_base_url: 'https://store-abc123def.mybigcommerce.com',
        name: 'Fietsenwinkel De Vries',
        first_name: 'Jan',
        last_name: 'de Vries',
        address: 'Fietsenwinkel De Vries\nOudegracht 112\n3511 AW Utrecht\nNederland',
        country: 'Netherlands',
        country_code: 'NL',
        infrastructure_region: 'europe-west4',
        phone: '+31 30 231 4455',
        admin_email: 'eigenaar@fietsenwinkel.nl',
        order_email: 'bestellingen@fietsenwinkel.nl',
        favicon_url: 'https://cdn11.bigcommerce.com/s-abc123def/product_images/favicon.ico',
        timezone: amsterdam,
        plan_name: 'Standard',
        plan_level: 'Standard',
        plan_is_trial: false,
        industry: 'Sport en recreatie',
        logo: { url: 'https://cdn11.bigcommerce.com/s-abc123def/product_images/logo-fietsenwinkel.png' },
        is_price_entered_with_tax: true,
        store_id: 1001234,
        features: {
          stencil_enabled: true,
          sitewidehttps_enabled: true,
          facebook_catalog_id: '',
          checkout_type: 'optimized',
          wishlists_enabled: true,
          graphql_storefront_api_enabled: true,
          shopper_consent_tracking_enabled: true,
          multi_storefront_enabled: false,
          storefront_limits: { active: 1, total_including_inactive: 1 },
        },
      }),
    },
    {
      hash: 'xyz789ghi',
      ownerId: 2001,
      users: [
        { id: 2001, email: 'info@hetanker.be', username: 'Lieve Peeters' },
        { id: 2002, email: 'boekhouding@hetanker.be', username: 'Wouter Claes' },
      ],
      info: euroStore({
        id: 'xyz789ghi',
        account_uuid: '9e2d4c6b-1f3a-4b5c-8d7e-6a5b4c3d2e1f',
        domain: 'shop.hetanker.be',
        secure_url: 'https://shop.hetanker.be',
        control_panel_base_url: 'https://store-xyz789ghi.mybigcommerce.com',
        name: 'Brouwerij Het Anker',
        first_name: 'Lieve',
        last_name: 'Peeters',
        address: 'Brouwerij Het Anker\nGuido Gezellelaan 49\n2800 Mechelen\nBelgië',
        country: 'Belgium',
        country_code: 'BE',
        infrastructure_region: 'europe-west1',
        phone: '+32 15 28 71 41',
        admin_email: 'info@hetanker.be',
        order_email: 'bestellingen@hetanker.be',
        favicon_url: 'https://cdn11.bigcommerce.com/s-xyz789ghi/product_images/favicon.ico',
        timezone: brussels,
        plan_name: 'Plus',
        plan_level: 'Plus',
        plan_is_trial: false,
        industry: 'Voeding en dranken',
        // No logo uploaded: BigCommerce then answers an empty array, which clients must tolerate.
        logo: [],
        // A brewery selling mostly to cafés enters prices without VAT.
        is_price_entered_with_tax: false,
        store_id: 1007890,
        features: {
          stencil_enabled: true,
          sitewidehttps_enabled: true,
          facebook_catalog_id: '',
          checkout_type: 'optimized',
          wishlists_enabled: false,
          graphql_storefront_api_enabled: true,
          shopper_consent_tracking_enabled: true,
          multi_storefront_enabled: true,
          storefront_limits: { active: 1, total_including_inactive: 2 },
        },
      }),
    },
  ];
  return stores.map((store) => ({ ...store, data: store.hash === 'abc123def' ? fietsenwinkelData(store.info) : brouwerijData(store.info) }));
}
