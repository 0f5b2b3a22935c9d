// Proof of work without an outside service: the server hands out a signed challenge; the browser
// finds a nonce whose SHA-256(challenge:nonce) starts with POW_BITS zero bits (about 65,000 tries,
// a second on a phone) and sends it with the form. One hash checks it; each challenge counts once
// and expires, so a flood costs the sender a second of work per submission.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hmacSm3 } from '../crypto/keys.ts';
import { countHit } from '../http/rate-limits.ts';
import { HttpError } from '../http/errors.ts';
import type { Platform } from '../platform.ts';
import { publicKey } from './credentials.ts';
import type { PowChallenge } from './types.ts';

export const POW_BITS = 16;
const LIFETIME = 30 * 60_000;

const sign = (platform: Platform, body: string) => hmacSm3(publicKey(platform.keys, 'pow'), body).toString('hex').slice(0, 32);

export function issueChallenge(platform: Platform, now = Date.now()): PowChallenge {
  const body = `${now + LIFETIME}.${randomBytes(12).toString('hex')}.${POW_BITS}`;
  return { challenge: `${body}.${sign(platform, body)}`, bits: POW_BITS };
}

/** Leading zero bits of a digest. */
export function zeroBits(digest: Buffer): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

export const powDigest = (challenge: string, nonce: string) => createHash('sha256').update(`${challenge}:${nonce}`).digest();

const refused = (why: string) => new HttpError(400, `安全校验（pow）${why}，请重新提交`, [{ field: 'pow', label: '安全校验', message: `安全校验（pow）${why}` }]);

/** Checks a solution and spends its challenge; throws a Chinese 400 naming the check. */
export async function spendChallenge(platform: Platform, solution: { challenge: string; nonce: string }, now = Date.now()): Promise<void> {
  const [expires, id, bits, mac] = solution.challenge.split('.');
  if (!expires || !id || !bits || !mac) throw refused('无效');
  const expected = Buffer.from(sign(platform, `${expires}.${id}.${bits}`));
  if (expected.length !== Buffer.from(mac).length || !timingSafeEqual(expected, Buffer.from(mac))) throw refused('无效');
  if (Number(expires) < now) throw refused('已过期');
  if (!/^\d{1,15}$/.test(solution.nonce) || zeroBits(powDigest(solution.challenge, solution.nonce)) < Number(bits)) throw refused('未通过');
  // Spent once: a replayed solution finds its challenge counted already.
  const { current } = await countHit(platform.db, `pow:${id}`, LIFETIME);
  if (current > 1) throw refused('已使用过');
}
