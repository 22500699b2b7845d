import type { Executor } from '@/lib/db/queries/runs';
import type { Step } from '../types';
import { saveStep, type JobRow } from './jobs';

/** Why a run stopped short of its end: it sleeps until later, the runner stops, or it lost its lease. */
export type Interrupt = { kind: 'suspend'; until: Date } | { kind: 'stop' } | { kind: 'lost' };

/**
 * Parks a run. Once interrupted, the next step call never settles, so the handler goes no further;
 * the runner has already moved on (like Inngest, which ends a request at a step). Nothing is thrown
 * into the handler, so a flow's own try/catch cannot swallow the interruption.
 */
export class RunControl {
  interrupted: Interrupt | undefined;
  readonly signal: Promise<Interrupt>;
  private fire!: (interrupt: Interrupt) => void;

  constructor() {
    this.signal = new Promise((resolve) => (this.fire = resolve));
  }

  interrupt(interrupt: Interrupt): void {
    if (this.interrupted) return;
    this.interrupted = interrupt;
    this.fire(interrupt);
  }

  async proceed(): Promise<void> {
    // A fresh promise each time: nothing keeps a parked handler alive, so it is garbage-collected.
    if (this.interrupted) await new Promise<never>(() => {});
  }
}

export interface DurableStepOptions {
  db: Executor;
  job: JobRow;
  /** Steps this run completed in earlier attempts, by step id. */
  memo: Map<string, unknown>;
  control: RunControl;
  now: () => Date;
  /** Sleeps up to this long wait in-process; longer ones free the run's slot and resume from the queue. */
  inlineSleepMaxMs: number;
}

export interface DurableStep extends Step {
  /** Resolves once no step function of this run is still executing. */
  settled(): Promise<void>;
}

/** Steps are saved as `{ value }`, so that a step returning undefined is remembered too. */
const unwrap = (saved: unknown): unknown =>
  typeof saved === 'object' && saved !== null ? (saved as { value?: unknown }).value : undefined;

const wakeAtOf = (value: unknown): number | undefined => {
  const wakeAt = typeof value === 'object' && value !== null ? (value as { wakeAt?: unknown }).wakeAt : undefined;
  return typeof wakeAt === 'number' ? wakeAt : undefined;
};

/** Inngest's step semantics on our own tables: each completed step is saved and never run twice. */
export function createDurableStep(options: DurableStepOptions): DurableStep {
  const { db, job, memo, control, now } = options;
  const seen = new Map<string, number>();
  const executing = new Set<Promise<unknown>>();

  // As Inngest does, a repeated id (a step inside a loop) becomes id, id:1, id:2 … in call order.
  const keyOf = (id: string) => {
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    return n === 0 ? id : `${id}:${n}`;
  };

  const remember = async (key: string, value: unknown) => {
    // Saved as JSON, so an attempt that reads it back gets what the first one got.
    const output = { value: value === undefined ? undefined : JSON.parse(JSON.stringify(value)) };
    await saveStep(db, job, key, output);
    memo.set(key, output);
    return output.value;
  };

  return {
    async run<T>(id: string, fn: () => Promise<T>): Promise<T> {
      await control.proceed();
      const key = keyOf(id);
      if (memo.has(key)) return unwrap(memo.get(key)) as T;
      const work = fn().then((value) => remember(key, value));
      const tracked = work.catch(() => undefined);
      executing.add(tracked);
      try {
        const value = await work;
        await control.proceed();
        return value as T;
      } finally {
        executing.delete(tracked);
      }
    },

    async sleep(id: string, ms: number): Promise<void> {
      await control.proceed();
      const key = keyOf(id);
      // The wake-up time is saved, so a run resumed after a crash sleeps only what is left.
      let wakeAt = wakeAtOf(unwrap(memo.get(key)));
      if (wakeAt === undefined) {
        wakeAt = now().getTime() + Math.max(0, ms);
        await remember(key, { wakeAt });
      }
      const remaining = wakeAt - now().getTime();
      if (remaining > options.inlineSleepMaxMs) control.interrupt({ kind: 'suspend', until: new Date(wakeAt) });
      else if (remaining > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([new Promise((resolve) => (timer = setTimeout(resolve, remaining))), control.signal]);
        clearTimeout(timer);
      }
      await control.proceed();
    },

    async settled() {
      await Promise.all([...executing]);
    },
  };
}
