import { newCustomer } from '../customers/records';
import { buildOrder } from '../orders/build';
import type { OrderInput } from '../orders/input';
import { applyRefund, applyStatus, touch } from '../orders/mutations';
import type { StoreData } from '../store-data';
import type { StoreInformation } from '../types';
import { TAX_CLASS } from '../vat';
import { seedProduct } from './catalog';
import { category, defaultStoreData, location } from './defaults';

const at = (iso: string) => Date.parse(iso);

/** Prices here are entered without VAT: the brewery sells mostly to cafés (`is_price_entered_with_tax: false`). */
function catalog(data: StoreData, hash: string): void {
  const tree = data.trees[0]?.id ?? 1;
  const bieren = category(data, tree, 0, 'Bieren', '/bieren/', 1);
  const geschenken = category(data, tree, 0, 'Geschenken', '/geschenken/', 2);
  const streek = category(data, tree, 0, 'Streekproducten', '/streekproducten/', 3);
  const bezoeken = category(data, tree, 0, 'Bezoeken', '/bezoeken/', 4);
  // The second storefront (multi-storefront is on) has its own tree.
  data.trees.push({ id: 2, name: 'Gouden Carolus Horeca', channels: [2] });
  data.lastIds.tree = 2;
  category(data, 2, 0, 'Vaten en bakken', '/vaten-en-bakken/', 1);

  seedProduct(data, hash, {
    name: 'Gouden Carolus Classic 33cl (bak 24)', type: 'physical', sku: 'GC-CLASSIC-24', price: 41.32, cost_price: 22.1, weight: 14.5,
    categories: [bieren.category_id], inventory_tracking: 'product', upc: '5411223001234',
  }, [{ quantity: 80 }]);
  seedProduct(data, hash, {
    name: 'Gouden Carolus Tripel 75cl', type: 'physical', sku: 'GC-TRIPEL-75', price: 7.85, weight: 1.4,
    categories: [bieren.category_id], inventory_tracking: 'product',
  }, [{ quantity: 150 }]);
  seedProduct(data, hash, {
    name: 'Cuvée van de Keizer Blauw 75cl', type: 'physical', sku: 'GC-CUVEE-BLAUW-75', price: 12.4, weight: 1.5,
    categories: [bieren.category_id], inventory_tracking: 'product',
  }, [{ quantity: 60 }]);
  seedProduct(data, hash, {
    name: 'Geschenkdoos Gouden Carolus met glas', type: 'physical', sku: 'GC-GESCHENK', price: 24.79, weight: 2.2,
    categories: [geschenken.category_id], inventory_tracking: 'product',
  }, [{ quantity: 20 }]);
  seedProduct(data, hash, {
    name: 'Gouden Carolus kaas (500 g)', type: 'physical', sku: 'KAAS-GC-500', price: 9.43, weight: 0.5,
    categories: [streek.category_id], tax_class_id: TAX_CLASS.reduced, inventory_tracking: 'product',
  }, [{ quantity: 35 }]);
  seedProduct(data, hash, {
    name: 'Brouwerijbezoek met proeverij', type: 'digital', sku: 'BEZOEK-PROEVERIJ', price: 15.7, weight: 0,
    categories: [bezoeken.category_id],
  });
}

function customers(data: StoreData): void {
  const c = (iso: string, input: Parameters<typeof newCustomer>[1]) => data.customers.push(newCustomer(data, input, at(iso)));
  c('2025-10-20T09:00:00Z', {
    email: 'hilde@cafedezwaan.be', first_name: 'Hilde', last_name: 'Verbruggen', company: 'Café De Zwaan BV', phone: '+32 15 20 11 22',
    customer_group_id: 2, notes: 'Horeca, BTW BE0123.456.789',
    addresses: [{ first_name: 'Hilde', last_name: 'Verbruggen', company: 'Café De Zwaan BV', address1: 'Grote Markt 20', city: 'Mechelen', state_or_province: 'Antwerpen', postal_code: '2800', country_code: 'BE', address_type: 'commercial' }],
  });
  c('2025-11-05T17:45:00Z', {
    email: 'jeroen.maes@telenet.be', first_name: 'Jeroen', last_name: 'Maes',
    addresses: [{ first_name: 'Jeroen', last_name: 'Maes', address1: 'Kouter 10', city: 'Gent', state_or_province: 'Oost-Vlaanderen', postal_code: '9000', country_code: 'BE' }],
  });
  c('2025-12-12T12:12:00Z', {
    email: 'sofie.wouters@gmail.com', first_name: 'Sofie', last_name: 'Wouters',
    addresses: [{ first_name: 'Sofie', last_name: 'Wouters', address1: 'Bondgenotenlaan 80', city: 'Leuven', state_or_province: 'Vlaams-Brabant', postal_code: '3000', country_code: 'BE' }],
  });
  c('2026-01-15T10:30:00Z', {
    email: 'luc.janssens@proximus.be', first_name: 'Luc', last_name: 'Janssens', phone: '+32 3 225 10 10',
    addresses: [{ first_name: 'Luc', last_name: 'Janssens', address1: 'Meir 24', city: 'Antwerpen', state_or_province: 'Antwerpen', postal_code: '2000', country_code: 'BE' }],
  });
}

function billing(data: StoreData, customerId: number) {
  const customer = data.customers.find((c) => c.id === customerId);
  const a = customer?.addresses[0];
  if (!customer || !a) throw new Error(`Seed customer ${customerId} has no address`);
  return {
    first_name: a.first_name, last_name: a.last_name, company: a.company, street_1: a.address1, street_2: '', city: a.city,
    state: a.state_or_province, zip: a.postal_code, country: a.country, country_iso2: a.country_code, phone: a.phone || customer.phone, email: customer.email,
  };
}

function orders(data: StoreData, info: StoreInformation): void {
  const sku = (s: string) => {
    const p = data.products.find((x) => x.sku === s);
    if (!p) throw new Error(`No seed product ${s}`);
    return { product_id: p.id };
  };
  const place = (iso: string, input: OrderInput) => {
    const order = buildOrder({ info, data, nowMs: at(iso) }, { date_created: at(iso), ...input });
    data.orders.push(order);
    return order;
  };
  const bpost = { shipping_method: 'Verzending bpost', cost: 8.26, tax_rate: 21 };

  // 100: a café's weekly crates, tax-exclusive prices, invoice payment.
  place('2026-01-07T08:30:00Z', {
    customer_id: 1, billing_address: billing(data, 1), payment_method: 'Op factuur', order_source: 'manual',
    shipping_addresses: [{ ...billing(data, 1), shipping_method: 'Levering eigen vervoer', cost: 0 }],
    products: [{ ...sku('GC-CLASSIC-24'), quantity: 10 }, { ...sku('GC-TRIPEL-75'), quantity: 12 }],
  });
  // 101: beer at 21 % and cheese at 6 % with a fixed coupon; shipped.
  const o101 = place('2026-01-18T19:05:00Z', {
    customer_id: 2, billing_address: billing(data, 2), payment_method: 'Bancontact',
    shipping_addresses: [{ ...billing(data, 2), ...bpost }],
    products: [{ ...sku('GC-CUVEE-BLAUW-75'), quantity: 3 }, { ...sku('KAAS-GC-500'), quantity: 2 }],
    coupons: [{ code: 'PROEF5', type: 2, amount: 5 }],
  });
  touch(o101, at('2026-01-19T10:00:00Z'));
  applyStatus(o101, 2, at('2026-01-19T10:00:00Z'));
  // 102: a brewery visit: digital, completed.
  place('2026-02-01T14:00:00Z', {
    customer_id: 3, status_id: 10, billing_address: billing(data, 3), payment_method: 'Bancontact',
    products: [{ ...sku('BEZOEK-PROEVERIJ'), quantity: 2 }],
  });
  // 103: a Dutch guest, shipped to Breda.
  place('2026-02-09T20:20:20Z', {
    billing_address: { first_name: 'Joris', last_name: 'de Wit', street_1: 'Ginnekenweg 100', city: 'Breda', state: 'Noord-Brabant', zip: '4818 JK', country_iso2: 'NL', email: 'joris.dewit@ziggo.nl', phone: '+31 76 520 1234' },
    payment_method: 'iDEAL', shipping_addresses: [{ shipping_method: 'Verzending PostNL', cost: 10.74, tax_rate: 21 }],
    products: [{ ...sku('GC-GESCHENK'), quantity: 2 }], customer_locale: 'nl-NL',
  });
  // 104: partially refunded by amount (a broken bottle).
  const o104 = place('2026-02-15T11:11:11Z', {
    customer_id: 4, billing_address: billing(data, 4), payment_method: 'Bancontact',
    shipping_addresses: [{ ...billing(data, 4), ...bpost }], products: [{ ...sku('GC-TRIPEL-75'), quantity: 6 }],
  });
  applyRefund({ data, userId: 2001, nowMs: at('2026-02-18T09:45:00Z') }, o104, { amount: 9.5, reason: 'Fles gebroken bij levering' });
  // 105: awaiting payment.
  place('2026-03-03T07:50:00Z', {
    customer_id: 1, status_id: 7, billing_address: billing(data, 1), payment_method: 'Overschrijving',
    shipping_addresses: [{ ...billing(data, 1), shipping_method: 'Levering eigen vervoer', cost: 0 }],
    products: [{ ...sku('GC-CLASSIC-24'), quantity: 5 }],
  });
}

export function brouwerijData(info: StoreInformation): StoreData {
  const data = defaultStoreData(info);
  const main = data.locations[0];
  if (main) Object.assign(main, location(main.id, {
    code: 'MECHELEN', label: 'Brouwerij Mechelen', address1: 'Guido Gezellelaan 49', city: 'Mechelen', zip: '2800', state: 'Antwerpen',
    phone: '+32 15 28 71 41', email: 'info@hetanker.be', country_code: 'BE', latitude: 51.0259, longitude: 4.4776,
  }, info.timezone.name));
  catalog(data, info.id);
  customers(data);
  orders(data, info);
  return data;
}
