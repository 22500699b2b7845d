import type { IncomingMessage } from 'node:http';
import { validAccessToken } from '../oauth/tokens';
import type { SimRuntime } from '../runtime';
import type { AccessTokenRecord } from '../types';

/** The presented access token if it is known, unexpired and not revoked. */
export function bearerToken(rt: SimRuntime, req: IncomingMessage): AccessTokenRecord | undefined {
  const m = /^bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return m?.[1] ? validAccessToken(rt, m[1]) : undefined;
}
