// argon2id password hashes (the library's default algorithm: argon2id, m=19456 KiB, t=2, p=1).
import { hash, verify } from '@node-rs/argon2';
import { randomInt } from 'node:crypto';
import { passwordProblems, PASSWORD_HISTORY, PASSWORD_MAX_AGE_DAYS } from '../../../shared/password-policy.ts';
import { HttpError } from '../http/errors.ts';
import type { Executor } from '../db/index.ts';
import { nowIso } from '../ids.ts';

export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Spent on unknown usernames so that they take as long as wrong passwords.
let dummyHash: Promise<string> | null = null;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hash('fazhi-dummy-password-Aa1!');
  await verifyPassword(await dummyHash, password);
}

export function assertPasswordAcceptable(password: string, username: string, field = 'newPassword'): void {
  const problems = passwordProblems(password, username);
  if (problems.length) {
    const message = `新密码（${field}）不符合要求：${problems.join('；')}`;
    throw new HttpError(400, message, [{ field, label: '新密码', message }]);
  }
}

/** Keeps a password hash in the account's history (the newest PASSWORD_HISTORY are kept). */
export async function rememberPassword(db: Executor, userId: string, passwordHash: string): Promise<void> {
  await db.insertInto('password_history').values({ user_id: userId, password_hash: passwordHash, changed_at: nowIso() }).execute();
  const kept = await db
    .selectFrom('password_history')
    .select('changed_at')
    .where('user_id', '=', userId)
    .orderBy('changed_at', 'desc')
    .limit(1)
    .offset(PASSWORD_HISTORY - 1)
    .executeTakeFirst();
  if (kept) await db.deleteFrom('password_history').where('user_id', '=', userId).where('changed_at', '<', kept.changed_at).execute();
}

/** Refuses the current password and the last PASSWORD_HISTORY ones (the current one included). */
export async function assertNotRecentPassword(db: Executor, userId: string, currentHash: string, password: string, field = 'newPassword'): Promise<void> {
  const history = await db
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', userId)
    .orderBy('changed_at', 'desc')
    .limit(PASSWORD_HISTORY)
    .execute();
  for (const candidate of [currentHash, ...history.map((h) => h.password_hash)]) {
    if (await verifyPassword(candidate, password)) {
      const message = `新密码（${field}）不能与最近 ${PASSWORD_HISTORY} 次使用过的密码相同`;
      throw new HttpError(400, message, [{ field, label: '新密码', message }]);
    }
  }
}

export function passwordExpired(passwordChangedAt: string, now = Date.now()): boolean {
  return now - Date.parse(passwordChangedAt) > PASSWORD_MAX_AGE_DAYS * 86_400_000;
}

export function passwordExpiresAt(passwordChangedAt: string): string {
  return new Date(Date.parse(passwordChangedAt) + PASSWORD_MAX_AGE_DAYS * 86_400_000).toISOString();
}

/** A random one-time password that satisfies the policy (for new accounts and resets). */
export function oneTimePassword(): string {
  for (;;) {
    const password = randomPassword();
    if (passwordProblems(password).length === 0) return password;
  }
}

function randomPassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '#%+=@'];
  const chars = sets.map((s) => s[randomInt(s.length)]);
  const all = sets.join('');
  while (chars.length < 12) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
