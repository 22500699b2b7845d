import { describe, expect, it } from 'vitest';
import { createRateLimiter, sharedRateLimiter, type RateLimitReport } from '@/lib/bigcommerce';
import { manualClock, type ManualClock } from './fakes';

/** BigCommerce's quota as a fixed window that starts at the first request, like the simulator's. */
function fixedWindow(clock: ManualClock, quota: number, windowMs = 30_000) {
  let startedAt = Number.NEGATIVE_INFINITY;
  let count = 0;
  const starts: number[] = [];
  /** Requests per window, in order. */
  const windows: number[][] = [];
  let refused = 0;
  return {
    starts,
    windows,
    get refused() {
      return refused;
    },
    /** Counts one request and answers with the headers BigCommerce would send. */
    hit(): RateLimitReport {
      const now = clock.now();
      if (now - startedAt >= windowMs) {
        startedAt = now;
        count = 0;
        windows.push([]);
      }
      windows.at(-1)?.push(now);
      if (count >= quota) refused += 1;
      else count += 1;
      starts.push(now);
      return { left: Math.max(0, quota - count), quota, windowMs, resetMs: startedAt + windowMs - now };
    },
  };
}

describe('rate limiter', () => {
  it('lets one request probe the quota before others start', async () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ clock });
    const first = await limiter.acquire();
    let secondStarted = false;
    const second = limiter.acquire().then((release) => {
      secondStarted = true;
      return release;
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(secondStarted).toBe(false);
    first({ left: 149, quota: 150, windowMs: 30_000, resetMs: 30_000 });
    (await second)();
    expect(secondStarted).toBe(true);
  });

  it('spreads what is left of the quota evenly over the time to the reset', async () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ clock, reserveRatio: 0, minReserve: 1 });
    (await limiter.acquire())({ left: 10, quota: 11, windowMs: 30_000, resetMs: 30_000 });
    // 10 left, 1 in reserve: 9 usable in 30 s, one every 3 s with the last a gap before the reset.
    await limiter.acquire();
    expect(clock.slept).toEqual([3000]);
  });

  it('waits for the reset once only the reserve is left', async () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ clock });
    (await limiter.acquire())({ left: 15, quota: 150, windowMs: 30_000, resetMs: 12_000 });
    await limiter.acquire();
    // 10% of 150 stays for other apps on the store, so 15 left means none for us until the reset.
    expect(clock.slept).toEqual([12_000]);
    expect(limiter.state?.estimated).toBe(true);
  });

  it('holds everyone while paused after a 429', async () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ clock });
    (await limiter.acquire())({ left: 100, quota: 150, windowMs: 30_000, resetMs: 30_000 });
    limiter.pauseUntil(clock.now() + 45_000);
    await limiter.acquire();
    expect(clock.slept[0]).toBe(45_000);
  });

  it('trusts the lowest count when answers from one window arrive out of order', async () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ clock });
    const a = await limiter.acquire();
    a({ left: 100, quota: 150, windowMs: 30_000, resetMs: 30_000 });
    const [b, c] = [await limiter.acquire(), await limiter.acquire()];
    c({ left: 97, quota: 150, windowMs: 30_000, resetMs: 29_000 });
    b({ left: 98, quota: 150, windowMs: 30_000, resetMs: 29_500 });
    expect(limiter.state?.left).toBe(97);
    expect(limiter.inFlight).toBe(0);
  });

  it('takes a new window as soon as the old one has ended', async () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ clock });
    (await limiter.acquire())({ left: 3, quota: 150, windowMs: 30_000, resetMs: 1_000 });
    clock.advance(2_000);
    (await limiter.acquire())({ left: 149, quota: 150, windowMs: 30_000, resetMs: 30_000 });
    expect(limiter.state).toMatchObject({ left: 149, estimated: false, resetAt: clock.now() + 30_000 });
  });

  it.each([
    ['one at a time', 1],
    ['four at a time', 4],
  ])('never exceeds the quota over a long run, %s', async (_label, workers) => {
    const clock = manualClock();
    const limiter = createRateLimiter({ clock });
    const bc = fixedWindow(clock, 10);
    let remaining = 60;
    async function worker(): Promise<void> {
      while (remaining > 0) {
        remaining -= 1;
        const release = await limiter.acquire();
        const report = bc.hit();
        await Promise.resolve();
        release(report);
      }
    }
    await Promise.all(Array.from({ length: workers }, worker));
    expect(bc.refused).toBe(0);
    // At most 9 per window (one stays in reserve), spread over the window rather than burst at its start.
    expect(Math.max(...bc.windows.map((w) => w.length))).toBeLessThanOrEqual(9);
    expect(bc.windows.length).toBeLessThanOrEqual(Math.ceil(60 / 9) + (workers > 1 ? 1 : 0));
    const firstWindow = bc.windows[0] ?? [];
    expect(firstWindow.at(-1)! - firstWindow[0]!).toBeGreaterThan(20_000);
  });

  it('lets the queue move on when a waiting caller gives up', async () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ clock });
    const first = await limiter.acquire();
    const controller = new AbortController();
    const abandoned = limiter.acquire(controller.signal);
    const next = limiter.acquire();
    controller.abort(new Error('caller gave up'));
    first({ left: 100, quota: 150, windowMs: 30_000, resetMs: 30_000 });
    await expect(abandoned).rejects.toThrow('caller gave up');
    (await next)();
    expect(limiter.inFlight).toBe(0);
  });

  it('is shared per store hash across the process', () => {
    expect(sharedRateLimiter('store1')).toBe(sharedRateLimiter('store1'));
    expect(sharedRateLimiter('store1')).not.toBe(sharedRateLimiter('store2'));
  });
});
