import { createBigCommerceClient, createRateLimiter, type BigCommerceClientOptions, type Clock } from '@/lib/bigcommerce';

/** A clock that jumps instead of waiting; share it with the limiter (and the simulator) so waits cost nothing. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
  /** Every wait asked for, in order. */
  readonly slept: number[];
}

export function manualClock(start = Date.parse('2026-03-02T09:00:00Z')): ManualClock {
  let now = start;
  const slept: number[] = [];
  return {
    now: () => now,
    async sleep(ms, signal) {
      signal?.throwIfAborted();
      slept.push(ms);
      now += Math.max(0, ms);
    },
    advance(ms) {
      now += ms;
    },
    slept,
  };
}

export interface SeenRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

export type FakeHandler = (request: SeenRequest, index: number) => Response | Promise<Response>;

/** A `fetch` that answers from a handler and remembers what it was asked. */
export function fakeFetch(handler: FakeHandler): typeof fetch & { seen: SeenRequest[] } {
  const seen: SeenRequest[] = [];
  const impl = async (input: string | URL | Request, init: RequestInit = {}) => {
    const text = typeof init.body === 'string' ? init.body : undefined;
    const request: SeenRequest = {
      method: init.method ?? 'GET',
      url: new URL(input instanceof Request ? input.url : input),
      headers: new Headers(init.headers),
      body: text === undefined ? undefined : JSON.parse(text),
    };
    seen.push(request);
    init.signal?.throwIfAborted();
    return handler(request, seen.length - 1);
  };
  return Object.assign(impl as typeof fetch, { seen });
}

/** Answers in order; the last one repeats. */
export function answers(...responses: (() => Response)[]): FakeHandler {
  return (_request, index) => {
    const next = responses[Math.min(index, responses.length - 1)];
    if (!next) throw new Error('no answers given');
    return next();
  };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function noContent(headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 204, headers });
}

export const STORE_HASH = 'abc123def';

/** A client on a fake fetch with its own limiter and a manual clock; jitter fixed at the midpoint. */
export function testClient(fetchImpl: typeof fetch, clock: ManualClock = manualClock(), overrides: Partial<BigCommerceClientOptions> = {}) {
  return createBigCommerceClient({
    apiUrl: 'https://api.bigcommerce.test',
    storeHash: STORE_HASH,
    accessToken: 'token-1',
    fetch: fetchImpl,
    clock,
    rateLimiter: createRateLimiter({ clock }),
    retry: { random: () => 0.5 },
    ...overrides,
  });
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** The real fetch, counting calls per `METHOD path` (dropped connections never reach the simulator's log). */
export function countingFetch(): typeof fetch & { calls: string[] } {
  const calls: string[] = [];
  const impl = (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input);
    calls.push(`${init?.method ?? 'GET'} ${url.pathname.replace(/^\/stores\/[^/]+/, '')}`);
    return fetch(input, init);
  };
  return Object.assign(impl as typeof fetch, { calls });
}
