import { Writable } from 'node:stream';
import { createLogger } from '@/lib/logger';

/** The app's real pino logger (with its redaction), writing JSON lines into memory for a test to read. */
export function captureLogs(level = 'debug') {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger({ destination, level });
  return {
    logger,
    /** Everything written so far, as it would reach stdout. */
    text: () => chunks.join(''),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
