// Rate limits of the public forms, counted in the database (every server process shares them) per
// address: one address that floods is refused, everyone else is not. Submissions are counted once
// they passed validation and the proof of work, so a citizen's typing mistakes never use them up.
import { countHit, readHits } from '../http/rate-limits.ts';
import { HttpError } from '../http/errors.ts';
import type { Db } from '../db/index.ts';

interface Limit {
  max: number;
  /** Milliseconds. */
  window: number;
}

export const LIMITS = {
  /** Accepted submissions of one form from one address. */
  perForm: { max: 5, window: 3_600_000 },
  /** Accepted submissions of every form from one address. */
  perAddress: { max: 10, window: 3_600_000 },
  /** Any public write (submission attempt, supplement, download) from one address. */
  writes: { max: 60, window: 600_000 },
  /** Wrong tracking code or secret from one address. */
  trackFailures: { max: 20, window: 900_000 },
} as const satisfies Record<string, Limit>;

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

function tooMany(what: string, limit: Limit, ttl: number): HttpError {
  return new HttpError(429, `${what}过于频繁：同一网络地址每 ${minutes(limit.window)} 分钟最多 ${limit.max} 次，请于 ${minutes(ttl)} 分钟后再试`);
}

/** Counts one hit of `key` and refuses past the limit. */
export async function spend(db: Db, key: string, limit: Limit, what: string): Promise<void> {
  const { current, ttl } = await countHit(db, `public:${key}`, limit.window);
  if (current > limit.max) throw tooMany(what, limit, ttl);
}

/** Refuses while `key` is at its limit, without counting (failures are counted when they happen). */
export async function assertUnder(db: Db, key: string, limit: Limit, what: string): Promise<void> {
  const { current, ttl } = await readHits(db, `public:${key}`, limit.window);
  if (current >= limit.max) throw tooMany(what, limit, ttl);
}

/** Counts one failure of `key` (refused later by assertUnder). */
export async function noteFailure(db: Db, key: string, limit: Limit): Promise<void> {
  await countHit(db, `public:${key}`, limit.window);
}
