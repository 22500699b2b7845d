import { iso8601, wholeSeconds } from '../dates';
import { nextId, type StoreData } from '../store-data';
import { countryName } from '../vat';
import type { Customer, CustomerAddress } from './types';

export interface AddressInput {
  first_name: string;
  last_name: string;
  address1: string;
  city: string;
  country_code: string;
  company?: string | undefined;
  address2?: string | undefined;
  state_or_province?: string | undefined;
  postal_code?: string | undefined;
  phone?: string | undefined;
  address_type?: 'residential' | 'commercial' | undefined;
}

export interface CustomerInput {
  email: string;
  first_name: string;
  last_name: string;
  company?: string | undefined;
  phone?: string | undefined;
  notes?: string | undefined;
  tax_exempt_category?: string | undefined;
  customer_group_id?: number | undefined;
  accepts_product_review_abandoned_cart_emails?: boolean | undefined;
  origin_channel_id?: number | undefined;
  channel_ids?: number[] | undefined;
  store_credit_amounts?: { amount: number }[] | undefined;
  authentication?: { force_password_reset?: boolean | undefined } | undefined;
  addresses?: AddressInput[] | undefined;
}

export function newAddress(data: StoreData, customerId: number, input: AddressInput): CustomerAddress {
  return {
    id: nextId(data, 'address'),
    customer_id: customerId,
    first_name: input.first_name,
    last_name: input.last_name,
    company: input.company ?? '',
    address1: input.address1,
    address2: input.address2 ?? '',
    city: input.city,
    state_or_province: input.state_or_province ?? '',
    postal_code: input.postal_code ?? '',
    country: countryName(input.country_code),
    country_code: input.country_code.toUpperCase(),
    phone: input.phone ?? '',
    address_type: input.address_type ?? 'residential',
    form_fields: [],
  };
}

/** The core fields that make two addresses of one customer the same address (customers.v3.yml). */
export function addressKey(a: Omit<CustomerAddress, 'id' | 'country' | 'form_fields'>): string {
  return JSON.stringify([
    a.customer_id, a.first_name, a.last_name, a.company, a.phone, a.address_type, a.address1, a.address2, a.city, a.country_code, a.state_or_province, a.postal_code,
  ]);
}

export function newCustomer(data: StoreData, input: CustomerInput, nowMs: number): Customer {
  const id = nextId(data, 'customer');
  const now = iso8601(wholeSeconds(nowMs));
  return {
    id,
    email: input.email,
    first_name: input.first_name,
    last_name: input.last_name,
    company: input.company ?? '',
    phone: input.phone ?? '',
    registration_ip_address: '',
    notes: input.notes ?? '',
    tax_exempt_category: input.tax_exempt_category ?? '',
    customer_group_id: input.customer_group_id ?? 0,
    date_created: now,
    date_modified: now,
    accepts_product_review_abandoned_cart_emails: input.accepts_product_review_abandoned_cart_emails ?? false,
    origin_channel_id: input.origin_channel_id ?? 1,
    channel_ids: input.channel_ids ?? null,
    store_credit_amounts: input.store_credit_amounts ?? [{ amount: 0 }],
    authentication: { force_password_reset: input.authentication?.force_password_reset ?? false },
    form_fields: [],
    attributes: [],
    addresses: (input.addresses ?? []).map((a) => newAddress(data, id, a)),
  };
}

export const CUSTOMER_INCLUDES = ['addresses', 'storecredit', 'attributes', 'formfields', 'shopper_profile_id', 'segment_ids'] as const;

/** Sub-resources appear only when included, as on BigCommerce. */
export function renderCustomer(customer: Customer, includes: ReadonlySet<string>): Record<string, unknown> {
  const { addresses, store_credit_amounts, attributes, form_fields, ...fields } = customer;
  return {
    ...structuredClone(fields),
    address_count: addresses.length,
    attribute_count: attributes.length,
    ...(includes.has('addresses') ? { addresses: structuredClone(addresses) } : {}),
    ...(includes.has('storecredit') ? { store_credit_amounts: structuredClone(store_credit_amounts) } : {}),
    ...(includes.has('attributes') ? { attributes: structuredClone(attributes) } : {}),
    ...(includes.has('formfields') ? { form_fields: structuredClone(form_fields) } : {}),
  };
}
