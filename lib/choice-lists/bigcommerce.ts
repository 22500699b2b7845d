import { BigCommerceAuthError, BigCommerceError, type BigCommerceClient } from '@/lib/bigcommerce';
import type { ChoiceList } from './types';

type Lists = Pick<BigCommerceClient, 'listPaymentMethods' | 'listTaxClasses' | 'listOrderStatuses' | 'listOrders' | 'listShippingZones' | 'listShippingZoneMethods'>;

const UNREACHABLE = {
  message: 'BigCommerce could not be reached just now, so this list is empty.',
  hint: 'Reload the page in a minute. The value saved before is kept.',
};

async function guarded(read: () => Promise<ChoiceList>): Promise<ChoiceList> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof BigCommerceError) return { ok: false, choices: [], ...UNREACHABLE };
    throw error;
  }
}

/** BigCommerce's order statuses by id, with the store's own names for them. */
export function orderStatusChoices(bc: Lists): Promise<ChoiceList> {
  return guarded(async () => ({
    ok: true,
    choices: (await bc.listOrderStatuses()).map((s) => ({ value: String(s.id), label: s.custom_label || s.name || `Status ${s.id}` })),
  }));
}

/**
 * Payment methods by the name orders carry (`payment_method`), which is what the payment maps are keyed
 * on. Without the "Payment methods read" scope BigCommerce answers 403: the names then come from the
 * store's latest 250 orders, and the page says how to get the full list.
 */
export function paymentMethodChoices(bc: Lists): Promise<ChoiceList> {
  return guarded(async () => {
    try {
      const methods = await bc.listPaymentMethods();
      return { ok: true, choices: methods.map((m) => ({ value: m.name, label: m.test_mode ? `${m.name} (test mode)` : m.name })) };
    } catch (error) {
      if (!(error instanceof BigCommerceAuthError)) throw error;
      const seen = new Set<string>();
      for await (const order of bc.listOrders({ sort: 'date_created:desc', limit: 250 })) {
        if (typeof order.payment_method === 'string' && order.payment_method.trim() !== '') seen.add(order.payment_method.trim());
        if (seen.size >= 250) break;
      }
      return {
        ok: false,
        choices: [...seen].sort().map((name) => ({ value: name, label: name })),
        message: 'BigCommerce did not let the app read your payment methods; these are the ones your recent orders used.',
        hint: 'Reinstall the app and approve "Payment methods: read" to see every method.',
      };
    }
  });
}

/** The shipping method names of an order's consignments (`include=consignments`, object or array structure). */
function shippingMethodsOf(order: { consignments?: unknown }): string[] {
  const consignments: unknown = Array.isArray(order.consignments) ? order.consignments[0] : order.consignments;
  if (consignments === null || typeof consignments !== 'object' || !('shipping' in consignments) || !Array.isArray(consignments.shipping)) return [];
  return consignments.shipping.flatMap((s: unknown) =>
    s !== null && typeof s === 'object' && 'shipping_method' in s && typeof s.shipping_method === 'string' && s.shipping_method.trim() !== '' ? [s.shipping_method.trim()] : [],
  );
}

/**
 * Shipping methods by the name orders carry (`shipping_method`), which is what the shipping-method map is
 * keyed on: every zone's methods, each name once. When BigCommerce refuses the shipping settings (no
 * "Information & settings" scope) the names come from the store's latest 250 orders.
 */
export function shippingMethodChoices(bc: Lists): Promise<ChoiceList> {
  return guarded(async () => {
    try {
      const names = new Map<string, string>();
      for (const zone of await bc.listShippingZones()) {
        for (const method of await bc.listShippingZoneMethods(zone.id)) {
          const name = method.name.trim();
          if (name !== '' && !names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
        }
      }
      return { ok: true, choices: [...names.values()].sort().map((name) => ({ value: name, label: name })) };
    } catch (error) {
      if (!(error instanceof BigCommerceAuthError)) throw error;
      const seen = new Set<string>();
      let read = 0;
      for await (const order of bc.listOrders({ sort: 'date_created:desc', limit: 250 })) {
        for (const name of shippingMethodsOf(order as { consignments?: unknown })) seen.add(name);
        if (++read >= 250) break;
      }
      return {
        ok: false,
        choices: [...seen].sort().map((name) => ({ value: name, label: name })),
        message: 'BigCommerce did not let the app read your shipping settings; these are the methods your recent orders used.',
        hint: 'Reinstall the app and approve "Information & settings: read-only" to see every method.',
      };
    }
  });
}

export function taxClassChoices(bc: Lists): Promise<ChoiceList> {
  return guarded(async () => ({ ok: true, choices: (await bc.listTaxClasses()).map((t) => ({ value: String(t.id), label: t.name })) }));
}
