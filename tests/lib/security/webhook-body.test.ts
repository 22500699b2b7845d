import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useDatabase } from '@/lib/db/client';
import { MAX_WEBHOOK_BYTES } from '@/lib/webhooks/receive';
import { respondToOrderWebhook } from '@/lib/webhooks/http';
import { openTestDatabase, type TestDatabase } from '../../helpers/databases';

/**
 * The webhook endpoint is public. A body sent without Content-Length (chunked) is counted while it is
 * read: an oversized one is refused after the limit, not buffered whole into memory first.
 */
describe('webhook bodies without a declared length', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    useDatabase(database);
  });
  afterAll(async () => {
    useDatabase(undefined);
    await database.dispose();
  });

  /** A streamed body of `chunks` × 64 KiB; counts how many chunks the server pulled. */
  function streamed(chunks: number) {
    let pulled = 0;
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= chunks) return controller.close();
        pulled += 1;
        controller.enqueue(chunk);
      },
    });
    const request = new Request('http://app.test/api/webhooks/bigcommerce', { method: 'POST', body, duplex: 'half' } as RequestInit);
    return { request, pulled: () => pulled };
  }

  it('refuses a chunked body over the limit after reading just past the limit', async () => {
    const total = 16 * 1024; // 1 GiB if it were read to the end
    const { request, pulled } = streamed(total);
    const response = await respondToOrderWebhook(request);
    expect(response.status).toBe(413);
    expect(pulled() * 64 * 1024).toBeLessThanOrEqual(MAX_WEBHOOK_BYTES + 3 * 64 * 1024);
  });

  it('reads a small chunked body and judges it on its content', async () => {
    const response = await respondToOrderWebhook(new Request('http://app.test/api/webhooks/bigcommerce', { method: 'POST', body: '{"scope":' }));
    expect(response.status).toBe(400);
  });
});
