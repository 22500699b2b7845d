import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { loadEnv, MissingConfigError, REQUIRED_IN_PRODUCTION } from '@/lib/env';

describe('env', () => {
  it('refuses to start in production without its keys, naming each missing one', () => {
    let error: unknown;
    try {
      loadEnv({ NODE_ENV: 'production', APP_URL: 'https://app.example.com' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MissingConfigError);
    const message = (error as Error).message;
    for (const key of REQUIRED_IN_PRODUCTION.filter((k) => k !== 'APP_URL')) expect(message).toContain(key);
    expect(message).not.toContain('APP_URL is not set');
  });

  it('accepts a complete production environment and never generates secrets there', () => {
    const e = loadEnv({
      NODE_ENV: 'production',
      APP_URL: 'https://app.example.com/',
      BIGCOMMERCE_CLIENT_ID: 'id',
      BIGCOMMERCE_CLIENT_SECRET: 'secret',
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      NEXTAUTH_SECRET: 'a-long-enough-session-secret',
    });
    expect(e.APP_URL).toBe('https://app.example.com');
    expect(e.BIGCOMMERCE_LOGIN_URL).toBe('https://login.bigcommerce.com');
    expect(e.DATABASE_URL).toBeUndefined();
  });

  it('rejects a malformed encryption key', () => {
    expect(() =>
      loadEnv({
        NODE_ENV: 'production',
        APP_URL: 'https://app.example.com',
        BIGCOMMERCE_CLIENT_ID: 'id',
        BIGCOMMERCE_CLIENT_SECRET: 'secret',
        ENCRYPTION_KEY: 'short',
        NEXTAUTH_SECRET: 'a-long-enough-session-secret',
      }),
    ).toThrow(/ENCRYPTION_KEY/);
  });

  it('generates development secrets once, keeps them, and says so once', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'avbc-env-'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const first = loadEnv({ NODE_ENV: 'development', DATA_DIR: dir });
    const second = loadEnv({ NODE_ENV: 'development', DATA_DIR: dir });
    expect(second.ENCRYPTION_KEY).toBe(first.ENCRYPTION_KEY);
    expect(second.NEXTAUTH_SECRET).toBe(first.NEXTAUTH_SECRET);
    expect(Buffer.from(first.ENCRYPTION_KEY, 'base64')).toHaveLength(32);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(JSON.parse(readFileSync(path.join(dir, 'dev-secrets.json'), 'utf8')).ENCRYPTION_KEY).toBe(first.ENCRYPTION_KEY);
    warn.mockRestore();
  });
});
