import { newCustomer } from '../customers/records';
import { buildOrder } from '../orders/build';
import type { OrderInput } from '../orders/input';
import { applyRefund, applyStatus, touch } from '../orders/mutations';
import { nextId, type StoreData } from '../store-data';
import type { StoreInformation } from '../types';
import { TAX_CLASS } from '../vat';
import { seedProduct } from './catalog';
import { category, defaultStoreData, location } from './defaults';

const at = (iso: string) => Date.parse(iso);

function catalog(data: StoreData, hash: string): void {
  const tree = data.trees[0]?.id ?? 1;
  const fietsen = category(data, tree, 0, 'Fietsen', '/fietsen/', 1);
  const stad = category(data, tree, fietsen.category_id, 'Stadsfietsen', '/fietsen/stadsfietsen/');
  const ebikes = category(data, tree, fietsen.category_id, 'E-bikes', '/fietsen/e-bikes/');
  const accessoires = category(data, tree, 0, 'Accessoires', '/accessoires/', 2);
  const sloten = category(data, tree, accessoires.category_id, 'Sloten', '/accessoires/sloten/');
  const helmen = category(data, tree, accessoires.category_id, 'Helmen', '/accessoires/helmen/');
  const boeken = category(data, tree, 0, 'Boeken & kaarten', '/boeken-kaarten/', 3);
  const voeding = category(data, tree, 0, 'Sportvoeding', '/sportvoeding/', 4);
  const cursussen = category(data, tree, 0, 'Cursussen', '/cursussen/', 5);

  seedProduct(data, hash, {
    name: 'Gazelle Ultimate C380 e-bike', type: 'physical', sku: 'GZ-ULT-C380', price: 3299, cost_price: 2350, weight: 26.5,
    categories: [fietsen.category_id, ebikes.category_id], inventory_tracking: 'variant', upc: '8718182345678', mpn: 'ULT-C380-HMB',
    description: '<p>Comfortabele e-bike met Bosch middenmotor en Enviolo-naaf.</p>',
    variants: ['49', '53', '57'].map((maat) => ({ sku: `GZ-ULT-C380-${maat}`, option_values: [{ option_display_name: 'Framemaat', label: `${maat} cm` }] })),
    images: [{ image_url: 'https://cdn11.bigcommerce.com/s-abc123def/product_images/gazelle-ultimate-c380.jpg', is_thumbnail: true }],
    custom_fields: [{ name: 'Motor', value: 'Bosch Performance Line' }, { name: 'Accu', value: '500 Wh' }],
  }, [{ sku: 'GZ-ULT-C380-49', quantity: 2 }, { sku: 'GZ-ULT-C380-53', quantity: 4 }, { sku: 'GZ-ULT-C380-57', quantity: 1 }]);
  seedProduct(data, hash, {
    name: 'Batavus Fonk stadsfiets N3', type: 'physical', sku: 'BTV-FONK-N3', price: 749, cost_price: 520, weight: 17.9,
    categories: [fietsen.category_id, stad.category_id], inventory_tracking: 'product', upc: '8715347123456',
  }, [{ quantity: 6 }, { location: 2, quantity: 10 }]);
  seedProduct(data, hash, {
    name: 'ABUS Bordo 6000 vouwslot', type: 'physical', sku: 'ABUS-BORDO-6000', price: 89.95, cost_price: 48, weight: 1.1,
    categories: [accessoires.category_id, sloten.category_id], inventory_tracking: 'product', gtin: '04003318123456',
  }, [{ quantity: 25 }, { location: 2, quantity: 40 }]);
  seedProduct(data, hash, {
    name: 'Fietsbel messing', type: 'physical', sku: 'BEL-MESSING', price: 12.95, cost_price: 4.1, weight: 0.1,
    categories: [accessoires.category_id], inventory_tracking: 'product',
    images: [{ image_url: 'https://cdn11.bigcommerce.com/s-abc123def/product_images/fietsbel-messing.jpg' }],
  }, [{ quantity: 120 }]);
  seedProduct(data, hash, {
    name: 'Fietshelm Urban', type: 'physical', sku: 'HELM-URBAN', price: 59.95, cost_price: 27, weight: 0.4,
    categories: [accessoires.category_id, helmen.category_id], inventory_tracking: 'variant',
    variants: ['S', 'M', 'L'].map((maat) => ({ sku: `HELM-URBAN-${maat}`, option_values: [{ option_display_name: 'Maat', label: maat }] })),
  }, [{ sku: 'HELM-URBAN-S', quantity: 5 }, { sku: 'HELM-URBAN-M', quantity: 8 }, { sku: 'HELM-URBAN-L', quantity: 3 }]);
  seedProduct(data, hash, {
    name: 'Fietsroutes Nederland (boek)', type: 'physical', sku: 'BOEK-FIETSROUTES-NL', price: 24.95, weight: 0.6,
    categories: [boeken.category_id], tax_class_id: TAX_CLASS.reduced, inventory_tracking: 'product',
  }, [{ quantity: 30 }]);
  seedProduct(data, hash, {
    name: 'Energiereep haver-honing (doos 24)', type: 'physical', sku: 'ENERGIE-24', price: 29.95, weight: 1.3,
    categories: [voeding.category_id], tax_class_id: TAX_CLASS.reduced, inventory_tracking: 'product',
  }, [{ quantity: 50 }]);
  seedProduct(data, hash, {
    name: 'Onderhoudscursus fietsreparatie (e-ticket)', type: 'digital', sku: 'CURSUS-ONDERHOUD', price: 49, weight: 0,
    categories: [cursussen.category_id],
  });
}

function customers(data: StoreData): void {
  const c = (iso: string, input: Parameters<typeof newCustomer>[1]) => data.customers.push(newCustomer(data, input, at(iso)));
  c('2025-11-02T10:15:00Z', {
    email: 'sanne.bakker@gmail.com', first_name: 'Sanne', last_name: 'Bakker', phone: '+31 6 12345678',
    addresses: [{ first_name: 'Sanne', last_name: 'Bakker', address1: 'Prinsengracht 263', city: 'Amsterdam', state_or_province: 'Noord-Holland', postal_code: '1016 GV', country_code: 'NL', phone: '+31 6 12345678' }],
  });
  c('2025-11-14T19:40:00Z', {
    email: 'pieter.vandijk@kpnmail.nl', first_name: 'Pieter', last_name: 'van Dijk', phone: '+31 10 4123456',
    addresses: [{ first_name: 'Pieter', last_name: 'van Dijk', address1: 'Witte de Withstraat 41', city: 'Rotterdam', state_or_province: 'Zuid-Holland', postal_code: '3012 BM', country_code: 'NL' }],
  });
  c('2025-12-01T08:05:00Z', {
    email: 'fleur.degroot@outlook.com', first_name: 'Fleur', last_name: 'de Groot', phone: '+31 6 23456789',
    addresses: [
      { first_name: 'Fleur', last_name: 'de Groot', address1: 'Laan van Meerdervoort 150', city: 'Den Haag', state_or_province: 'Zuid-Holland', postal_code: '2517 AZ', country_code: 'NL' },
      { first_name: 'Ineke', last_name: 'de Groot', address1: 'Nachtegaalstraat 12', city: 'Utrecht', state_or_province: 'Utrecht', postal_code: '3581 AC', country_code: 'NL' },
    ],
  });
  c('2025-12-09T13:30:00Z', {
    email: 'bram@visserfietskoeriers.nl', first_name: 'Bram', last_name: 'Visser', company: 'Visser Fietskoeriers B.V.', phone: '+31 40 2345678',
    customer_group_id: 1, notes: 'Zakelijke klant, factuur op rekening.',
    addresses: [{ first_name: 'Bram', last_name: 'Visser', company: 'Visser Fietskoeriers B.V.', address1: 'Stratumseind 12', city: 'Eindhoven', state_or_province: 'Noord-Brabant', postal_code: '5611 ET', country_code: 'NL', address_type: 'commercial' }],
  });
  c('2026-01-03T16:20:00Z', {
    email: 'emma.smit@hotmail.com', first_name: 'Emma', last_name: 'Smit',
    addresses: [{ first_name: 'Emma', last_name: 'Smit', address1: 'Vismarkt 8', city: 'Groningen', state_or_province: 'Groningen', postal_code: '9711 KS', country_code: 'NL' }],
  });
  c('2026-01-20T11:00:00Z', {
    email: 'koen.maes@skynet.be', first_name: 'Koen', last_name: 'Maes', phone: '+32 3 233 12 12',
    addresses: [{ first_name: 'Koen', last_name: 'Maes', address1: 'Lange Nieuwstraat 5', city: 'Antwerpen', state_or_province: 'Antwerpen', postal_code: '2000', country_code: 'BE' }],
  });
}

/** Billing and first shipping address of a seeded customer, in V2 order shape. */
function customerAddress(data: StoreData, customerId: number, index = 0) {
  const customer = data.customers.find((c) => c.id === customerId);
  const a = customer?.addresses[index];
  if (!customer || !a) throw new Error(`Seed customer ${customerId} has no address ${index}`);
  return {
    first_name: a.first_name, last_name: a.last_name, company: a.company, street_1: a.address1, street_2: a.address2, city: a.city,
    state: a.state_or_province, zip: a.postal_code, country: a.country, country_iso2: a.country_code, phone: a.phone || customer.phone, email: customer.email,
  };
}

function orders(data: StoreData, info: StoreInformation): void {
  const ctx = (iso: string) => ({ info, data, nowMs: at(iso) });
  const product = (sku: string) => {
    const p = data.products.find((x) => x.sku === sku || x.variants.some((v) => v.sku === sku));
    if (!p) throw new Error(`No seed product ${sku}`);
    const variant = p.variants.find((v) => v.sku === sku);
    return { product_id: p.id, ...(variant ? { variant_id: variant.id } : {}) };
  };
  const place = (iso: string, input: OrderInput) => {
    const order = buildOrder(ctx(iso), { date_created: at(iso), ...input });
    data.orders.push(order);
    return order;
  };
  const later = (order: ReturnType<typeof place>, iso: string, statusId: number) => {
    touch(order, at(iso));
    applyStatus(order, statusId, at(iso));
  };

  // 100: two accessories, standard rate, iDEAL, awaiting fulfillment.
  place('2026-01-06T09:12:44Z', {
    customer_id: 1, billing_address: customerAddress(data, 1),
    products: [{ ...product('BEL-MESSING'), quantity: 2 }, { ...product('HELM-URBAN-M') }],
  });
  // 101: 21 % and 9 % lines with a 10 % coupon; shipped.
  const o101 = place('2026-01-08T20:31:05Z', {
    customer_id: 2, billing_address: customerAddress(data, 2),
    products: [{ ...product('ABUS-BORDO-6000') }, { ...product('BOEK-FIETSROUTES-NL') }, { ...product('ENERGIE-24'), quantity: 2 }],
    coupons: [{ code: 'WELKOM10', type: 1, amount: 10 }],
  });
  later(o101, '2026-01-09T14:02:00Z', 2);
  // 102: a guest buys a course: digital only, no shipping address; completed.
  place('2026-01-12T07:45:10Z', {
    status_id: 10, billing_address: { first_name: 'Daan', last_name: 'Hendriks', street_1: 'Oudegracht 45', city: 'Utrecht', state: 'Utrecht', zip: '3511 AB', country_iso2: 'NL', email: 'daan.hendriks@gmail.com', phone: '' },
    products: [{ ...product('CURSUS-ONDERHOUD') }],
  });
  // 103: an e-bike to her mother and a helmet to herself: two shipping addresses; partially shipped.
  place('2026-01-19T18:22:31Z', {
    customer_id: 3, status_id: 3, billing_address: customerAddress(data, 3),
    shipping_addresses: [
      { ...customerAddress(data, 3, 1), shipping_method: 'Bezorging met montage', cost: 49.95 },
      { ...customerAddress(data, 3, 0), shipping_method: 'Verzending PostNL', cost: 6.95 },
    ],
    products: [{ ...product('GZ-ULT-C380-53'), address: 0 }, { ...product('HELM-URBAN-S'), address: 1, quantity_shipped: 1 }],
    customer_message: 'Graag na 17:00 bezorgen bij mijn moeder.',
  });
  // 104: a business customer pays partly with a gift certificate.
  place('2026-02-02T11:05:00Z', {
    customer_id: 4, billing_address: customerAddress(data, 4), payment_method: 'Bankoverschrijving',
    products: [{ ...product('BTV-FONK-N3') }, { ...product('ABUS-BORDO-6000') }],
    gift_certificate_amount: 50,
  });
  // 105: a guest buys a gift certificate for someone else: no VAT, e-mail consignment.
  place('2026-02-05T15:48:19Z', {
    status_id: 10, billing_address: { first_name: 'Marieke', last_name: 'Jansen', street_1: 'Dorpsstraat 3', city: 'Zeist', state: 'Utrecht', zip: '3701 AA', country_iso2: 'NL', email: 'marieke.jansen@planet.nl', phone: '' },
    products: [{ name: 'Cadeaubon € 25', type: 'giftcertificate', price: 25, recipient_email: 'tim.jansen@gmail.com' }],
  });
  // 106: partially refunded: one of two bells came back.
  const o106 = place('2026-02-10T10:00:00Z', {
    customer_id: 1, billing_address: customerAddress(data, 1),
    products: [{ ...product('BEL-MESSING'), quantity: 2 }, { ...product('BOEK-FIETSROUTES-NL') }],
  });
  later(o106, '2026-02-11T09:00:00Z', 2);
  applyRefund({ data, userId: 1001, nowMs: at('2026-02-20T13:37:00Z') }, o106, { items: [{ order_product_id: o106.products[0]?.id ?? 0, quantity: 1 }], reason: 'Retour: beschadigd' });
  // 107: fully refunded, shipping included.
  const o107 = place('2026-02-14T21:15:42Z', { customer_id: 5, billing_address: customerAddress(data, 5), products: [{ ...product('HELM-URBAN-L') }] });
  applyRefund({ data, userId: 1001, nowMs: at('2026-02-16T08:30:00Z') }, o107, { reason: 'Klant heeft geannuleerd' });
  // 108: abandoned at the payment page.
  place('2026-02-21T22:40:03Z', { status_id: 0, products: [{ ...product('GZ-ULT-C380-49') }] });
  // 109: cancelled by the merchant.
  const o109 = place('2026-03-01T12:00:00Z', { customer_id: 2, billing_address: customerAddress(data, 2), products: [{ ...product('ENERGIE-24') }] });
  later(o109, '2026-03-02T08:15:00Z', 5);
  // 110: awaiting a bank transfer, with a manual discount.
  place('2026-03-05T16:30:00Z', {
    customer_id: 4, status_id: 7, billing_address: customerAddress(data, 4), payment_method: 'Bankoverschrijving',
    products: [{ ...product('GZ-ULT-C380-57') }, { ...product('HELM-URBAN-M'), quantity: 2 }], discount_amount: 100, staff_notes: 'Korting i.o.m. Jan',
  });
  // 111: a Belgian customer, shipped abroad, with a custom insurance fee; awaiting shipment.
  place('2026-03-12T09:09:09Z', {
    customer_id: 6, status_id: 9, billing_address: customerAddress(data, 6),
    shipping_addresses: [{ ...customerAddress(data, 6), shipping_method: 'Verzending bpost', cost: 12.5 }],
    products: [{ ...product('BTV-FONK-N3') }], fees: [{ name: 'Transportverzekering', cost: 9.95 }],
  });
}

export function fietsenwinkelData(info: StoreInformation): StoreData {
  const data = defaultStoreData(info);
  const main = data.locations[0];
  if (main) Object.assign(main, location(main.id, {
    code: 'UTR-WINKEL', label: 'Winkel Utrecht', address1: 'Oudegracht 112', city: 'Utrecht', zip: '3511 AW', state: 'Utrecht',
    phone: '+31 30 231 4455', email: 'winkel@fietsenwinkel.nl', country_code: 'NL', latitude: 52.0907, longitude: 5.1214,
  }, info.timezone.name));
  data.locations.push(location(nextId(data, 'location'), {
    code: 'NWG-MAGAZIJN', label: 'Magazijn Nieuwegein', address1: 'Atoomweg 8', city: 'Nieuwegein', zip: '3433 BW', state: 'Utrecht',
    phone: '+31 30 231 4456', email: 'magazijn@fietsenwinkel.nl', country_code: 'NL', latitude: 52.0294, longitude: 5.0901, storefront_visibility: false,
  }, info.timezone.name));
  catalog(data, info.id);
  customers(data);
  orders(data, info);
  return data;
}
