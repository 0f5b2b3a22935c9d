// Secret keys (国密): one master key in a 0600 file outside the database; purpose keys derived by HMAC-SM3.
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Keys {
  /** SM4 key for personal data. */
  pii: Buffer;
  /** HMAC-SM3 key for the integrity tag of encrypted personal data. */
  piiMac: Buffer;
  /** HMAC-SM3 key for exact-match lookup hashes of personal data. */
  piiLookup: Buffer;
  /** HMAC-SM3 key for the audit log chain. */
  audit: Buffer;
}

export function hmacSm3(key: Buffer, data: string | Buffer): Buffer {
  return createHmac('sm3', key).update(data).digest();
}

export function sm3Hex(data: string | Buffer): string {
  return createHash('sm3').update(data).digest('hex');
}

function derive(master: Buffer, purpose: string, length = 32): Buffer {
  return hmacSm3(master, `fazhi:${purpose}`).subarray(0, length);
}

/** Creates the key file (mode 0600) if it is missing; returns whether it was created. */
export function ensureKeyFile(file: string): boolean {
  if (existsSync(file)) return false;
  mkdirSync(dirname(file), { recursive: true });
  const body = JSON.stringify({ format: 'fazhi-key', version: 1, master: randomBytes(32).toString('base64') });
  writeFileSync(file, body + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return true;
}

export function loadKeys(file: string): Keys {
  if (!existsSync(file)) throw new Error(`密钥文件不存在：${file}（请先运行 fazhi init）`);
  const mode = statSync(file).mode & 0o777;
  if (mode & 0o077) chmodSync(file, 0o600);
  let master: Buffer;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8'));
    master = Buffer.from(parsed.master, 'base64');
  } catch {
    throw new Error(`密钥文件无法读取：${file}`);
  }
  if (master.length !== 32) throw new Error(`密钥文件内容无效：${file}`);
  return {
    pii: derive(master, 'pii-sm4', 16),
    piiMac: derive(master, 'pii-mac'),
    piiLookup: derive(master, 'pii-lookup'),
    audit: derive(master, 'audit-chain'),
  };
}

/** SM4-CBC with a random IV, then HMAC-SM3 over IV and ciphertext (encrypt-then-MAC). */
export function encryptText(keys: Keys, plain: string): string {
  const iv = randomBytes(16);
  const cipher = createCipheriv('sm4-cbc', keys.pii, iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const tag = hmacSm3(keys.piiMac, Buffer.concat([iv, ct]));
  return ['v1', iv.toString('base64'), ct.toString('base64'), tag.toString('base64')].join(':');
}

export function decryptText(keys: Keys, sealed: string): string {
  const [v, ivB64, ctB64, tagB64] = sealed.split(':');
  if (v !== 'v1' || !ivB64 || !ctB64 || !tagB64) throw new Error('加密数据格式无效');
  const iv = Buffer.from(ivB64, 'base64');
  const ct = Buffer.from(ctB64, 'base64');
  const expected = hmacSm3(keys.piiMac, Buffer.concat([iv, ct]));
  const tag = Buffer.from(tagB64, 'base64');
  if (tag.length !== expected.length || !timingSafeEqual(tag, expected)) throw new Error('加密数据完整性校验失败');
  const decipher = createDecipheriv('sm4-cbc', keys.pii, iv);
  return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
}

/** Keyed hash for exact lookup of an encrypted value, without decrypting every row. */
export function lookupHash(keys: Keys, value: string): string {
  return hmacSm3(keys.piiLookup, value.trim().toUpperCase()).toString('hex');
}
