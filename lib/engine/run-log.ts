import { z } from 'zod';
import { recordToRun, type Executor } from '@/lib/db/queries/runs';
import { RECORD_OUTCOMES } from '@/lib/db/schema/engine';
import { InvalidRecordError } from './errors';
import type { FlowName, RecordEntry, RunLogger } from './types';

/** The subset of pino both engines log through. */
export interface EngineLogger {
  info(meta: object, message: string): void;
  warn(meta: object, message: string): void;
  error(meta: object, message: string): void;
}

const text = z.string().max(10_000).optional();
const entrySchema = z.object({
  entity: z.string().min(1).max(100),
  sourceId: z.string().min(1).max(200),
  outcome: z.enum(RECORD_OUTCOMES),
  message: text,
  hint: text,
  source: z.unknown().optional(),
  sent: z.unknown().optional(),
  answer: z.unknown().optional(),
  targetRef: z.string().max(200).optional(),
  searchText: z.string().max(500).optional(),
});

export interface RunScope {
  storeHash: string;
  runId: string;
  flow: FlowName;
}

/** The `log` a flow gets: records go to sync_records, messages to the server log tagged with the run. */
export function createRunLogger(db: Executor, scope: RunScope, logger: EngineLogger): RunLogger {
  const tag = { storeHash: scope.storeHash, runId: scope.runId, flow: scope.flow };
  return {
    async record(entry: RecordEntry) {
      const parsed = entrySchema.safeParse(entry);
      if (!parsed.success) throw new InvalidRecordError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
      await recordToRun(db, scope.storeHash, scope.runId, scope.flow, parsed.data);
    },
    info(message, meta) {
      logger.info({ ...meta, ...tag }, message);
    },
    warn(message, meta) {
      logger.warn({ ...meta, ...tag }, message);
    },
  };
}
