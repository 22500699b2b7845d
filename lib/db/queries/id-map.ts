import { and, asc, eq, inArray, like, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { createKeyedMutex } from '../keyed-mutex';
import { idMap } from '../schema/orders';

/** One source → target pair (see the `id_map` table). */
export interface IdMapEntry {
  entity: string;
  sourceId: string;
  targetId: string | null;
  targetNumber: string | null;
  contentHash: string | null;
  state: 'done' | 'failed';
  message: string | null;
  attempts: number;
  data: unknown;
  updatedAt: Date;
}

export interface IdMapDone {
  entity: string;
  sourceId: string;
  targetId?: string | null;
  targetNumber?: string | null;
  contentHash?: string | null;
  data?: unknown;
}

/**
 * A store's id-map, the port flows use: every method is scoped to the store it was made for.
 * `lock` runs `fn` alone for a key (across processes on Postgres), so two runs that handle the same
 * record at once cannot both create it.
 */
export interface IdMap {
  get(entity: string, sourceId: string): Promise<IdMapEntry | undefined>;
  getMany(entity: string, sourceIds: readonly string[]): Promise<Map<string, IdMapEntry>>;
  /** Entries whose source id starts with `prefix` (e.g. every refund of one order: `"123:"`). */
  listByPrefix(entity: string, prefix: string): Promise<IdMapEntry[]>;
  /** The target exists: upsert as `done`, clearing any failure. */
  putDone(entry: IdMapDone): Promise<void>;
  /** An expected problem: keep (or make) the row `failed` with the reason, counting attempts. Never downgrades `done`. */
  putFailed(entity: string, sourceId: string, message: string): Promise<void>;
  /** Failed rows, least recently tried first. */
  listFailed(entity: string, limit: number): Promise<IdMapEntry[]>;
  remove(entity: string, sourceId: string): Promise<void>;
  lock<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

type Row = typeof idMap.$inferSelect;

function entryOf(row: Row): IdMapEntry {
  return {
    entity: row.entity,
    sourceId: row.sourceId,
    targetId: row.targetId,
    targetNumber: row.targetNumber,
    contentHash: row.contentHash,
    state: row.state,
    message: row.message,
    attempts: row.attempts,
    data: row.data,
    updatedAt: row.updatedAt,
  };
}

/** `%` and `_` are wildcards in LIKE; a prefix is matched literally. */
function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function findIdMapEntry(db: Db, storeHash: string, entity: string, sourceId: string): Promise<IdMapEntry | undefined> {
  const [row] = await db
    .select()
    .from(idMap)
    .where(and(eq(idMap.storeHash, storeHash), eq(idMap.entity, entity), eq(idMap.sourceId, sourceId)))
    .limit(1);
  return row && entryOf(row);
}

export async function deleteIdMapEntry(db: Db, storeHash: string, entity: string, sourceId: string): Promise<boolean> {
  const removed = await db
    .delete(idMap)
    .where(and(eq(idMap.storeHash, storeHash), eq(idMap.entity, entity), eq(idMap.sourceId, sourceId)))
    .returning({ sourceId: idMap.sourceId });
  return removed.length > 0;
}

/** The id-map of one store. `lock` defaults to an in-process one; pass `Database.lock` for a cross-process one. */
export function createIdMap(db: Db, storeHash: string, lock?: <T>(key: string, fn: () => Promise<T>) => Promise<T>): IdMap {
  const scoped = (entity: string) => and(eq(idMap.storeHash, storeHash), eq(idMap.entity, entity));
  const local = lock ?? createKeyedMutex();
  return {
    get: (entity, sourceId) => findIdMapEntry(db, storeHash, entity, sourceId),
    async getMany(entity, sourceIds) {
      const found = new Map<string, IdMapEntry>();
      if (sourceIds.length === 0) return found;
      const rows = await db
        .select()
        .from(idMap)
        .where(and(scoped(entity), inArray(idMap.sourceId, [...new Set(sourceIds)])));
      for (const row of rows) found.set(row.sourceId, entryOf(row));
      return found;
    },
    async listByPrefix(entity, prefix) {
      const rows = await db
        .select()
        .from(idMap)
        .where(and(scoped(entity), like(idMap.sourceId, likePrefix(prefix))))
        .orderBy(asc(idMap.updatedAt));
      return rows.map(entryOf);
    },
    async putDone(entry) {
      const values = {
        targetId: entry.targetId ?? null,
        targetNumber: entry.targetNumber ?? null,
        contentHash: entry.contentHash ?? null,
        data: entry.data ?? null,
        state: 'done' as const,
        message: null,
      };
      await db
        .insert(idMap)
        .values({ storeHash, entity: entry.entity, sourceId: entry.sourceId, ...values, attempts: 1 })
        .onConflictDoUpdate({
          target: [idMap.storeHash, idMap.entity, idMap.sourceId],
          set: { ...values, attempts: sql`${idMap.attempts} + 1`, updatedAt: sql`now()` },
        });
    },
    async putFailed(entity, sourceId, message) {
      await db
        .insert(idMap)
        .values({ storeHash, entity, sourceId, state: 'failed', message, attempts: 1 })
        .onConflictDoUpdate({
          target: [idMap.storeHash, idMap.entity, idMap.sourceId],
          set: { message, attempts: sql`${idMap.attempts} + 1`, updatedAt: sql`now()` },
          // A row that is done stays done: a later failure (e.g. of a refund) must not hide the export.
          setWhere: eq(idMap.state, 'failed'),
        });
    },
    async listFailed(entity, limit) {
      const rows = await db
        .select()
        .from(idMap)
        .where(and(scoped(entity), eq(idMap.state, 'failed')))
        .orderBy(asc(idMap.updatedAt))
        .limit(limit);
      return rows.map(entryOf);
    },
    async remove(entity, sourceId) {
      await deleteIdMapEntry(db, storeHash, entity, sourceId);
    },
    lock: (key, fn) => local(`id-map:${storeHash}:${key}`, fn),
  };
}
