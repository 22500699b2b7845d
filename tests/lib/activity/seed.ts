import { sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { stores } from '@/lib/db/schema';

/**
 * A large activity log in one statement per table (generate_series), for the EXPLAIN test and the
 * benchmark: `runs` runs and `records` records for `storeHash`, spread over the last 30 days across the
 * four flows, 1 in 23 failed (a prime, so failures fall in every flow), plus the same again for a neighbour store so every query must select by
 * store. Order records search like the orders flow writes them: "<order id> <e-mail>".
 */
export async function seedActivityLog(database: Database, storeHash: string, size: { runs: number; records: number }): Promise<void> {
  const neighbour = `${storeHash.slice(0, 28)}nb`;
  await database.db
    .insert(stores)
    .values([storeHash, neighbour].map((hash) => ({ storeHash: hash, accessTokenEncrypted: 'sealed', scope: 'x', ownerUserId: 1 })))
    .onConflictDoNothing();
  for (const store of [storeHash, neighbour]) {
    await database.db.execute(sql`
      insert into sync_runs (store_hash, flow, handler, trigger, state, queued_at, started_at, ended_at, created, updated, skipped, failed)
      select ${store}, (array['orders','products','stock','customers'])[1 + g % 4], 'seed-' || g, 'schedule',
        case when g % 20 = 0 then 'partial' else 'success' end,
        now() - make_interval(secs => g * (30 * 86400.0 / ${size.runs})),
        now() - make_interval(secs => g * (30 * 86400.0 / ${size.runs})),
        now() - make_interval(secs => g * (30 * 86400.0 / ${size.runs})) + interval '3 seconds',
        ${Math.floor(size.records / size.runs)}, 0, 0, case when g % 20 = 0 then 1 else 0 end
      from generate_series(1, ${size.runs}) g`);
    await database.db.execute(sql`
      insert into sync_records (run_id, store_hash, flow, entity, source_id, outcome, message, hint, source, search_text, target_ref, created_at)
      select r.id, r.store_hash, r.flow,
        case r.flow when 'orders' then 'order' when 'products' then 'article' when 'stock' then 'stock' else 'debtor' end,
        case r.flow when 'orders' then (100000 + g)::text else 'ART-' || g end,
        case when g % 23 = 0 then 'failed' else 'created' end,
        case when g % 23 = 0 then 'Article ART-' || g || ' does not exist in AccountView.' end,
        case when g % 23 = 0 then 'Create the article in AccountView, then retry.' end,
        jsonb_build_object('id', 100000 + g, 'email', 'klant' || g || '@example.nl'),
        case r.flow when 'orders' then (100000 + g)::text || ' klant' || g || '@example.nl' else 'ART-' || g end,
        case when g % 23 = 0 then null else 'INV-' || g end,
        r.queued_at
      from generate_series(1, ${size.records}) g
      join sync_runs r on r.store_hash = ${store} and r.handler = 'seed-' || (1 + g % ${size.runs})`);
    // The id-map as the flows leave it: every record that did not fail has its target.
    await database.db.execute(sql`
      insert into id_map (store_hash, entity, source_id, target_id, state, updated_at)
      select store_hash, case entity when 'article' then 'product' when 'debtor' then 'customer' else entity end, source_id, target_ref,
        case when outcome = 'failed' then 'failed' else 'done' end, created_at
      from sync_records where store_hash = ${store}
      on conflict do nothing`);
  }
  await database.db.execute(sql`analyze sync_runs`);
  await database.db.execute(sql`analyze sync_records`);
  await database.db.execute(sql`analyze id_map`);
}
