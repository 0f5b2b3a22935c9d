// First start: the platform's own unit and the three separated administrator accounts (三员),
// each with a one-time password that is printed once and must be changed at first login.
import type { Platform } from './platform.ts';
import { hashPassword, oneTimePassword } from './auth/passwords.ts';
import { newId, nowIso } from './ids.ts';
import { SYSTEM_ACTOR } from './audit/index.ts';
import { ROLES, type Role } from '../../shared/roles.ts';

export const PLATFORM_UNIT_CODE = 'SYS';

export const INITIAL_ADMINS = [
  { username: 'admin', name: '系统管理员', role: 'sys_admin' },
  { username: 'secadmin', name: '安全管理员', role: 'sec_admin' },
  { username: 'auditadmin', name: '审计管理员', role: 'audit_admin' },
] as const;

/** Creates the initial accounts when the database has no user at all; returns their one-time passwords. */
export async function bootstrap(platform: Platform): Promise<{ username: string; role: string; password: string }[]> {
  const { db } = platform;
  const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyUser) return [];
  const accounts = INITIAL_ADMINS.map((a) => ({ ...a, password: oneTimePassword() }));
  const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password)));
  try {
    await createAccounts(platform, accounts, hashes);
  } catch (error) {
    // Two nodes started together on a new database: the other one created the accounts first.
    if (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) return [];
    throw error;
  }
  return accounts.map(({ username, role, password }) => ({ username, role, password }));
}

async function createAccounts(platform: Platform, accounts: { username: string; name: string; role: string }[], hashes: string[]): Promise<void> {
  await platform.db.transaction().execute(async (tx) => {
    const now = nowIso();
    let unit = await tx.selectFrom('org_units').select('id').where('code', '=', PLATFORM_UNIT_CODE).executeTakeFirst();
    if (!unit) {
      const id = newId();
      await tx
        .insertInto('org_units')
        .values({ id, code: PLATFORM_UNIT_CODE, name: '平台管理', kind: 'other', category: null, parent_id: null, path: `/${id}/`, credit_code: null, active: 1, sort_order: 9999, version: 1, created_at: now, created_by: null, updated_at: now, updated_by: null })
        .execute();
      unit = { id };
    }
    for (const [i, account] of accounts.entries()) {
      const id = newId();
      await tx
        .insertInto('users')
        .values({
          id, username: account.username, name: account.name, unit_id: unit.id, password_hash: hashes[i], password_changed_at: now,
          must_change_password: 1, disabled: 0, failed_logins: 0, first_failed_at: null, locked_until: null,
          phone_enc: null, phone_hash: null, id_number_enc: null, id_number_hash: null, last_login_at: null,
          version: 1, created_at: now, created_by: null, updated_at: now, updated_by: null,
        })
        .execute();
      await tx.insertInto('user_roles').values({ user_id: id, role: account.role }).execute();
    }
    await platform.audit.record(tx, SYSTEM_ACTOR, { action: 'system.init', targetType: 'user', detail: { accounts: accounts.map((a) => a.username) } });
  });
}

export function printInitialAccounts(accounts: { username: string; role: string; password: string }[], print: (line: string) => void): void {
  if (accounts.length === 0) return;
  print('已创建初始管理员账号（一次性密码只显示这一次，首次登录须修改）：');
  for (const a of accounts) print(`  ${a.username.padEnd(12)} ${(ROLES[a.role as Role] ?? a.role).padEnd(8, '　')} ${a.password}`);
}
