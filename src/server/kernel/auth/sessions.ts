// Server-side sessions: the cookie holds a random token, the database only its SM3 hash.
import { randomBytes } from 'node:crypto';
import { sm3Hex } from '../crypto/keys.ts';
import { isDatabaseBusy, preparedQuery, type Executor } from '../db/index.ts';
import { adoptRequestGenerations, GENERATIONS_JSON, requestAwaitsGenerations, type GenerationRow } from '../db/generations.ts';
import { nowIso } from '../ids.ts';
import type { Config } from '../../config.ts';

export const SESSION_COOKIE = 'fazhi_sid';
export const CSRF_COOKIE = 'fazhi_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export interface SessionRow {
  sessionId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  userId: string;
  username: string;
  name: string;
  unitId: string;
  disabled: number;
  mustChangePassword: number;
  passwordChangedAt: string;
  totpEnabledAt: string | null;
  unitPath: string;
  unitCode: string;
  unitName: string;
  unitKind: string;
  phoneEnc: string | null;
  roles: string[];
}

export async function createSession(db: Executor, userId: string, ip: string | null, userAgent: string | null) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = nowIso();
  await db
    .insertInto('sessions')
    .values({ id: sm3Hex(token), user_id: userId, csrf_token: csrfToken, created_at: now, last_seen_at: now, ip, user_agent: userAgent?.slice(0, 300) ?? null })
    .execute();
  return { token, csrfToken };
}

export async function deleteSessionByToken(db: Executor, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sm3Hex(token)).execute();
}

export async function endUserSessions(db: Executor, userId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows ?? 0);
}

/** The session, its user and unit, one row per role: every authenticated request runs it. */
const sessionQuery = (db: Executor, id: unknown) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('org_units as o', 'o.id', 'u.unit_id')
    .leftJoin('user_roles as r', 'r.user_id', 'u.id')
    .select([
      's.id as sessionId', 's.csrf_token as csrfToken', 's.created_at as createdAt', 's.last_seen_at as lastSeenAt',
      'u.id as userId', 'u.username', 'u.name', 'u.unit_id as unitId', 'u.disabled', 'u.must_change_password as mustChangePassword',
      'u.password_changed_at as passwordChangedAt', 'u.totp_enabled_at as totpEnabledAt', 'u.phone_enc as phoneEnc',
      'o.path as unitPath', 'o.code as unitCode', 'o.name as unitName', 'o.kind as unitKind', 'r.role',
    ])
    .where('s.id', '=', id as string);
const sessionWithRoles = preparedQuery((db, [id]) => sessionQuery(db, id));
// PostgreSQL: a read request's data scope and caches read the write generations next; they come
// along with the session, one round trip instead of two on every authenticated read.
const sessionWithGenerations = preparedQuery((db, [id]) => sessionQuery(db, id).select(GENERATIONS_JSON.as('generations')));

/** Loads a live session with its user's roles; deletes it and returns null if it expired (idle or absolute limit). */
export async function loadSession(db: Executor, config: Config, token: string): Promise<SessionRow | null> {
  const id = sm3Hex(token);
  const carried = requestAwaitsGenerations(db);
  const rows = carried ? await sessionWithGenerations(db, [id]) : await sessionWithRoles(db, [id]);
  if (rows.length === 0) return null;
  const { role: _role, generations, ...first } = rows[0]! as (typeof rows)[number] & { generations?: GenerationRow[] | null };
  if (carried) adoptRequestGenerations(db, generations ?? null);
  const row: SessionRow = { ...first, roles: rows.flatMap((r) => (r.role ? [r.role] : [])) };
  const now = Date.now();
  const idleExpired = now - Date.parse(row.lastSeenAt) > config.sessionIdleMinutes * 60_000;
  const maxExpired = now - Date.parse(row.createdAt) > config.sessionMaxHours * 3_600_000;
  if (idleExpired || maxExpired || row.disabled) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  // Touch at most once a minute: the idle clock does not need finer grain, and reads stay reads.
  if (now - Date.parse(row.lastSeenAt) > 60_000) {
    // Best effort: when another process holds SQLite's write lock past the busy timeout (a large
    // import), a read request must not fail for its touch; the next request touches instead.
    await db
      .updateTable('sessions')
      .set({ last_seen_at: nowIso() })
      .where('id', '=', id)
      .execute()
      .catch((error) => {
        if (!isDatabaseBusy(error)) throw error;
      });
  }
  return row;
}
