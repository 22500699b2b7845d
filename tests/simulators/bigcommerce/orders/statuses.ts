/** `GET /v2/order_statuses`: fixed ids (reference §2.1), texts and control-panel order from the spec example. */
export interface OrderStatus {
  id: number;
  name: string;
  system_label: string;
  custom_label: string;
  system_description: string;
  sort_order: number;
}

const STATUSES: readonly [number, string, string][] = [
  [0, 'Incomplete', 'An incomplete order happens when a shopper reached the payment page, but did not complete the transaction.'],
  [1, 'Pending', 'Customer started the checkout process, but did not complete it.'],
  [7, 'Awaiting Payment', 'Customer has completed checkout process, but payment has yet to be confirmed.'],
  [11, 'Awaiting Fulfillment', 'Customer has completed the checkout process and payment has been confirmed.'],
  [9, 'Awaiting Shipment', 'Order has been pulled and packaged, and is awaiting collection from a shipping provider.'],
  [8, 'Awaiting Pickup', 'Order has been pulled, and is awaiting customer pickup from a seller-specified location.'],
  [3, 'Partially Shipped', 'Only some items in the order have been shipped, due to some products being pre-order only or other reasons.'],
  [10, 'Completed', 'Client has paid for their digital product and their file(s) are available for download.'],
  [2, 'Shipped', 'Order has been shipped, but receipt has not been confirmed; seller has used the Ship Items action.'],
  [5, 'Cancelled', 'Seller has cancelled an order, due to a stock inconsistency or other reasons.'],
  [6, 'Declined', 'Seller has marked the order as declined for lack of manual payment, or other reasons.'],
  [4, 'Refunded', 'Seller has used the Refund action.'],
  [13, 'Disputed', 'Customer has initiated a dispute resolution process for the PayPal transaction that paid for the order.'],
  [12, 'Manual Verification Required', 'Order is on hold while some aspect needs to be manually confirmed.'],
  [14, 'Partially Refunded', 'Seller has partially refunded the order.'],
];

export const ORDER_STATUSES: readonly OrderStatus[] = STATUSES.map(([id, name, description], sortOrder) => ({
  id,
  name,
  system_label: name,
  custom_label: name,
  system_description: description,
  sort_order: sortOrder,
}));

export const STATUS_IDS = ORDER_STATUSES.map((s) => s.id);

export function statusName(id: number): string {
  const status = ORDER_STATUSES.find((s) => s.id === id);
  if (!status) throw new Error(`Unknown order status id ${id}`);
  return status.name;
}

/** The payment state a fresh order in this status has; refunds move it on from there. */
export function paymentStatusFor(statusId: number): string {
  switch (statusId) {
    case 0:
      return '';
    case 1:
    case 7:
      return 'pending';
    case 5:
      return 'void';
    case 6:
      return 'declined';
    case 12:
      return 'held for review';
    case 4:
      return 'refunded';
    case 14:
      return 'partially refunded';
    default:
      return 'captured';
  }
}
