import type { RecordEntry, RunLogger, Step } from '@/lib/engine';

/**
 * A `Step` like Inngest's: each id runs once per run and its result is kept as JSON, so a "retried run"
 * (the same fake passed again) gets the saved result instead of running the call twice. A repeated id in
 * one attempt gets a counter, as in Inngest.
 */
export interface MemoryStep extends Step {
  /** Every id asked for, in order, across attempts. */
  readonly calls: string[];
  /** Ids whose function actually ran. */
  readonly executed: string[];
  /** Starts a new attempt of the same run: saved results stay, the per-attempt counters reset. */
  retry(): void;
  /** The worker dies when this step is next reached (before it runs), as a crash or deploy would. */
  crashAt(id: string): void;
}

export function memoryStep(): MemoryStep {
  const saved = new Map<string, string>();
  const calls: string[] = [];
  const executed: string[] = [];
  let seen = new Map<string, number>();
  const crashes = new Set<string>();
  return {
    calls,
    executed,
    retry() {
      seen = new Map();
    },
    crashAt(id) {
      crashes.add(id);
    },
    async run<T>(id: string, fn: () => Promise<T>): Promise<T> {
      if (crashes.delete(id)) throw new Error(`worker crashed before step ${id}`);
      const n = seen.get(id) ?? 0;
      seen.set(id, n + 1);
      const key = n === 0 ? id : `${id}:${n}`;
      calls.push(key);
      const kept = saved.get(key);
      if (kept !== undefined) return JSON.parse(kept) as T;
      const value = await fn();
      executed.push(key);
      saved.set(key, JSON.stringify(value ?? null));
      return JSON.parse(JSON.stringify(value ?? null)) as T;
    },
    async sleep() {},
  };
}

export interface MemoryLog extends RunLogger {
  readonly records: RecordEntry[];
  readonly messages: { level: 'info' | 'warn'; message: string; meta?: Record<string, unknown> }[];
  /** The last record for an entity and source id (a record written again in a run replaces the earlier one). */
  find(entity: string, sourceId: string): RecordEntry | undefined;
}

export function memoryLog(): MemoryLog {
  const records: RecordEntry[] = [];
  const messages: MemoryLog['messages'] = [];
  return {
    records,
    messages,
    async record(entry) {
      const i = records.findIndex((r) => r.entity === entry.entity && r.sourceId === entry.sourceId);
      // Stored as JSON, like the activity log: what cannot be serialised would fail here.
      const copy = JSON.parse(JSON.stringify(entry)) as RecordEntry;
      if (i >= 0) records[i] = copy;
      else records.push(copy);
    },
    info(message, meta) {
      messages.push({ level: 'info', message, ...(meta ? { meta } : {}) });
    },
    warn(message, meta) {
      messages.push({ level: 'warn', message, ...(meta ? { meta } : {}) });
    },
    find(entity, sourceId) {
      return records.find((r) => r.entity === entity && r.sourceId === sourceId);
    },
  };
}
