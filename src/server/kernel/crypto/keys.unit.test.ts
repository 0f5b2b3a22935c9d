import { describe, expect, it } from 'vitest';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decryptText, encryptText, ensureKeyFile, loadKeys, lookupHash } from './keys.ts';

const dir = mkdtempSync(join(tmpdir(), 'fazhi-keys-'));
const file = join(dir, 'secret.key');
ensureKeyFile(file);
const keys = loadKeys(file);

describe('personal-data encryption (SM4-CBC + HMAC-SM3)', () => {
  it('creates the key file once with mode 0600', () => {
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(ensureKeyFile(file)).toBe(false);
  });
  it('round-trips, with a fresh IV each time', () => {
    const a = encryptText(keys, '11010519491231002X');
    const b = encryptText(keys, '11010519491231002X');
    expect(a).not.toBe(b);
    expect(decryptText(keys, a)).toBe('11010519491231002X');
  });
  it('detects a changed ciphertext', () => {
    const sealed = encryptText(keys, '13812345678').split(':');
    const ct = Buffer.from(sealed[2], 'base64');
    ct[0] ^= 1;
    sealed[2] = ct.toString('base64');
    expect(() => decryptText(keys, sealed.join(':'))).toThrow('完整性');
  });
  it('gives stable keyed lookup hashes', () => {
    expect(lookupHash(keys, '11010519491231002x')).toBe(lookupHash(keys, '11010519491231002X'));
    expect(lookupHash(keys, '13812345678')).not.toBe(lookupHash(keys, '13812345679'));
  });
});
