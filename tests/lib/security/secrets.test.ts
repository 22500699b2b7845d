import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret, SecretDecryptionError } from '@/lib/security/secrets';

const key = randomBytes(32).toString('base64');

describe('secrets at rest', () => {
  it('round-trips and never stores the plaintext', () => {
    const sealed = encryptSecret('bc-access-token-123', key, 'abc123');
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('bc-access-token-123');
    expect(decryptSecret(sealed, key, 'abc123')).toBe('bc-access-token-123');
  });

  it('uses a fresh IV every time', () => {
    expect(encryptSecret('same', key, 's')).not.toBe(encryptSecret('same', key, 's'));
  });

  it('refuses another store, another key, and tampering', () => {
    const sealed = encryptSecret('token', key, 'store-a');
    expect(() => decryptSecret(sealed, key, 'store-b')).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(sealed, randomBytes(32).toString('base64'), 'store-a')).toThrow(SecretDecryptionError);
    const bytes = Buffer.from(sealed.slice(3), 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(() => decryptSecret(`v1:${bytes.toString('base64')}`, key, 'store-a')).toThrow(SecretDecryptionError);
    expect(() => decryptSecret('v0:abc', key, 'store-a')).toThrow(SecretDecryptionError);
  });
});
