export { createRunner, type Runner, type RunnerOptions } from './runner';
export { defaultBackoffMs } from './backoff';
