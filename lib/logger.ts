import pino from 'pino';
import { env } from '@/lib/env';

/**
 * Structured server logs. Secrets are redacted by key wherever they appear, so a careless
 * `log.info({ store })` cannot leak a token.
 */
let instance: pino.Logger | undefined;

/** Created on first use: reading env() at import time would break `next build` without secrets. */
export function logger(): pino.Logger {
  instance ??= createLogger();
  return instance;
}

// Keys whose values are secrets, at the top level and one level down (pino's redact has no deep wildcard).
const SECRET_KEYS = [
  'access_token',
  'accessToken',
  'accessTokenEncrypted',
  'refresh_token',
  'refreshToken',
  'refreshTokenEncrypted',
  'client_secret',
  'clientSecret',
  'secret',
  'secretEncrypted',
  'signed_payload_jwt',
  'ticket',
  'password',
  'authorization',
  'Authorization',
  'x-auth-token',
  'X-Auth-Token',
];

/**
 * The app's pino logger. Tests pass a destination (and a level) to read what production would write;
 * everywhere else it writes JSON lines to stdout, silent under NODE_ENV=test.
 */
export function createLogger(options: { destination?: pino.DestinationStream; level?: string } = {}): pino.Logger {
  return pino(
    {
      level: options.level ?? (env().NODE_ENV === 'test' ? 'silent' : env().LOG_LEVEL),
      base: { app: 'accountview-bigcommerce' },
      redact: {
        paths: [...SECRET_KEYS, ...SECRET_KEYS.map((key) => `*.${key}`), '*.headers.authorization', '*.headers["x-auth-token"]'],
        censor: '[redacted]',
      },
    },
    options.destination,
  );
}
