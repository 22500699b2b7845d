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

function createLogger(): pino.Logger {
  return pino({
  level: env().NODE_ENV === 'test' ? 'silent' : env().LOG_LEVEL,
  base: { app: 'accountview-bigcommerce' },
  redact: {
    paths: [
      '*.access_token',
      '*.accessToken',
      '*.accessTokenEncrypted',
      '*.client_secret',
      '*.clientSecret',
      '*.refresh_token',
      '*.refreshToken',
      '*.signed_payload_jwt',
      '*.ticket',
      '*.password',
      'access_token',
      'accessToken',
      'signed_payload_jwt',
      'ticket',
    ],
    censor: '[redacted]',
  },
  });
}
