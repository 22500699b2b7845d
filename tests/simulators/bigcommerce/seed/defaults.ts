import type { Category } from '../catalog/category-types';
import { DEFAULT_LOCATION_ID, type Location } from '../catalog/inventory-types';
import { iso8601 } from '../dates';
import { emptyStoreData, nextId, stableUuid, type StoreData } from '../store-data';
import type { StoreInformation } from '../types';

const SEED_TIME = Date.parse('2025-09-01T08:00:00Z');

const HOURS = (open: boolean, opening = '09:00', closing = '18:00') => ({ open, opening: open ? opening : '00:00', closing: open ? closing : '00:00' });

export interface LocationSeed {
  code: string;
  label: string;
  address1: string;
  city: string;
  zip: string;
  state: string;
  phone: string;
  email: string;
  country_code: string;
  latitude: number;
  longitude: number;
  storefront_visibility?: boolean;
}

export function location(id: number, seed: LocationSeed, timeZone: string): Location {
  return {
    id,
    code: seed.code,
    label: seed.label,
    description: '',
    managed_by_external_source: false,
    type_id: 'PHYSICAL',
    enabled: true,
    storefront_visibility: seed.storefront_visibility ?? id === DEFAULT_LOCATION_ID,
    time_zone: timeZone,
    created_at: iso8601(SEED_TIME),
    updated_at: iso8601(SEED_TIME),
    address: {
      address1: seed.address1,
      address2: '',
      city: seed.city,
      state: seed.state,
      zip: seed.zip,
      email: seed.email,
      phone: seed.phone,
      geo_coordinates: { latitude: seed.latitude, longitude: seed.longitude },
      country_code: seed.country_code,
    },
    operating_hours: {
      sunday: HOURS(false),
      monday: HOURS(true, '13:00'),
      tuesday: HOURS(true),
      wednesday: HOURS(true),
      thursday: HOURS(true),
      friday: HOURS(true),
      saturday: HOURS(true, '09:00', '17:00'),
    },
    special_hours: [],
  };
}

export function category(data: StoreData, treeId: number, parentId: number, name: string, path: string, sortOrder = 0): Category {
  const id = nextId(data, 'category');
  const c: Category = {
    category_id: id,
    category_uuid: stableUuid(`category:${treeId}:${id}:${name}`),
    tree_id: treeId,
    parent_id: parentId,
    name,
    description: '',
    views: 0,
    sort_order: sortOrder,
    page_title: '',
    meta_keywords: [],
    meta_description: '',
    layout_file: 'category.html',
    image_url: '',
    is_visible: true,
    search_keywords: '',
    default_product_sort: 'use_store_settings',
    url: { path, is_customized: false },
  };
  data.categories.push(c);
  return c;
}

/**
 * What every store has even without seeded data: the default location (id 1, the shipping origin)
 * and the category tree of channel 1.
 */
export function defaultStoreData(info: StoreInformation): StoreData {
  const data = emptyStoreData();
  const [street = '', zipCity = ''] = info.address.split('\n').slice(1);
  // Dutch postcodes have a space ("3511 AW"), Belgian ones are four digits.
  const [, zip = '', city = ''] = /^(\d{4}(?: ?[A-Z]{2})?)\s+(.*)$/.exec(zipCity) ?? [];
  data.locations.push(
    location(nextId(data, 'location'), {
      code: 'DEFAULT',
      label: info.name,
      address1: street,
      city,
      zip,
      state: '',
      phone: info.phone,
      email: info.admin_email,
      country_code: info.country_code,
      latitude: 0,
      longitude: 0,
    }, info.timezone.name),
  );
  data.trees.push({ id: nextId(data, 'tree'), name: info.name, channels: [info.default_channel_id] });
  return data;
}
