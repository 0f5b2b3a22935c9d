// Tracking credentials: a code (查询码) that names a submission and a secret (查询密码) that opens
// it. Both are read off paper or a phone, so they use Crockford's base32 (no I, L, O, U) in groups
// of four, and are forgiving of case, spaces, dashes and look-alikes. Only a keyed hash of the
// secret is stored; a wrong secret and an unknown code answer alike.
import { randomInt, timingSafeEqual } from 'node:crypto';
import { hmacSm3, type Keys } from '../crypto/keys.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 12; // 60 bits: unguessable as a name, unique by index
export const SECRET_LENGTH = 16; // 80 bits, and each wrong guess costs a rate-limited request

const draw = (length: number) => Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/** ABCD-EFGH-JKMN: how a code or secret is shown. */
export const grouped = (value: string) => value.match(/.{1,4}/g)!.join('-');

/** What a person typed, as stored: upper case, no separators, O→0 and I/L→1. */
export function normalise(typed: string): string {
  return typed.toUpperCase().replace(/[\s\-－—_.]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export const isWellFormed = (value: string, length: number) => value.length === length && [...value].every((c) => ALPHABET.includes(c));

export const newCode = () => draw(CODE_LENGTH);
export const newSecret = () => draw(SECRET_LENGTH);

/** A key of its own for public purposes, derived from the platform's (never the PII key itself). */
export const publicKey = (keys: Keys, purpose: string) => hmacSm3(keys.piiMac, `fazhi:public:${purpose}`);

export const secretHash = (keys: Keys, code: string, secret: string) => hmacSm3(publicKey(keys, 'secret'), `${code}:${secret}`).toString('hex');

/** Constant-time comparison; `stored` is null for an unknown code, which compares against a dummy. */
export function secretMatches(keys: Keys, code: string, secret: string, stored: string | null): boolean {
  const given = Buffer.from(secretHash(keys, code, secret), 'hex');
  const held = Buffer.from(stored ?? '0'.repeat(given.length * 2), 'hex');
  return held.length === given.length && timingSafeEqual(held, given) && stored !== null;
}
