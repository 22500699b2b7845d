import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@/lib/db/client';
import { createKeyedMutex } from '@/lib/db/keyed-mutex';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../helpers/databases';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `n` critical sections through `lock`, recording overlaps. */
async function contend(locks: Array<Database['lock']>, key: string, n: number) {
  let inside = 0;
  let maxInside = 0;
  const order: number[] = [];
  await Promise.all(
    Array.from({ length: n }, (_, i) =>
      locks[i % locks.length]!(key, async () => {
        inside += 1;
        maxInside = Math.max(maxInside, inside);
        await sleep(5);
        order.push(i);
        inside -= 1;
      }),
    ),
  );
  return { maxInside, order };
}

describe('keyed mutex', () => {
  it('serialises one key and lets other keys run alongside', async () => {
    const lock = createKeyedMutex();
    const { maxInside } = await contend([lock], 'a', 8);
    expect(maxInside).toBe(1);
    let concurrent = 0;
    let peak = 0;
    const hold = (key: string) =>
      lock(key, async () => {
        concurrent += 1;
        peak = Math.max(peak, concurrent);
        await sleep(10);
        concurrent -= 1;
      });
    await Promise.all([hold('x'), hold('y')]);
    expect(peak).toBe(2);
  });

  it('keeps going after a failing holder', async () => {
    const lock = createKeyedMutex();
    await expect(lock('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(lock('k', async () => 42)).resolves.toBe(42);
  });
});

describe.each(testDatabaseKinds())('database lock on %s', (kind) => {
  let database: TestDatabase;
  let second: Database | undefined;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    // A second pool on the same database stands in for a second app process.
    if (database.url) second = await openDatabase({ url: database.url });
  });
  afterAll(async () => {
    await second?.close();
    await database?.dispose();
  });

  it('never lets two holders of one key overlap', async () => {
    const locks = second ? [database.lock, second.lock] : [database.lock];
    const { maxInside, order } = await contend(locks, 'refresh:abc', 10);
    expect(maxInside).toBe(1);
    expect(order).toHaveLength(10);
  });
});
