/** `webhook_Full` (webhooks.v3.yml); times are Unix seconds. */
export interface Webhook {
  id: number;
  client_id: string;
  store_hash: string;
  scope: string;
  destination: string;
  is_active: boolean;
  headers: Record<string, string> | null;
  created_at: number;
  updated_at: number;
}

/** The callback body BigCommerce POSTs (reference §2.2). */
export interface WebhookPayload {
  scope: string;
  store_id: string;
  data: Record<string, unknown>;
  hash: string;
  created_at: number;
  producer: string;
}

export interface DeliveryAttempt {
  at: string;
  /** The destination's HTTP status, or null when it could not be reached or timed out. */
  status: number | null;
  error: string | null;
  durationMs: number;
}

export interface WebhookDelivery {
  id: string;
  storeHash: string;
  hookId: number;
  destination: string;
  payload: WebhookPayload;
  attempts: DeliveryAttempt[];
  state: 'pending' | 'delivered' | 'failed';
  /** ISO time of the next retry while pending. */
  nextAttemptAt: string | null;
}
