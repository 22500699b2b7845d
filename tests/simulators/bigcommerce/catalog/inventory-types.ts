/** Locations (locations.v3.yml) and stock per location and variant (inventory.v3.yml). */
export interface Location {
  id: number;
  code: string;
  label: string;
  description: string;
  managed_by_external_source: boolean;
  type_id: 'PHYSICAL' | 'VIRTUAL';
  enabled: boolean;
  storefront_visibility: boolean;
  time_zone: string;
  created_at: string;
  updated_at: string;
  address: {
    address1: string;
    address2: string;
    city: string;
    state: string;
    zip: string;
    email: string;
    phone: string;
    geo_coordinates: { latitude: number; longitude: number };
    country_code: string;
  };
  operating_hours: Record<string, { open: boolean; opening: string; closing: string }>;
  special_hours: unknown[];
}

export interface StockLevel {
  location_id: number;
  product_id: number;
  variant_id: number;
  on_hand: number;
  safety_stock: number;
  is_in_stock: boolean;
  warning_level: number;
  bin_picking_number: string;
}

/** Location 1 is the default location and the store's shipping origin (reference §2.4). */
export const DEFAULT_LOCATION_ID = 1;
