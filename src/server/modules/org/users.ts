// User accounts: writes (transactional, audited, version-checked) and scoped reads.
import { sql } from 'kysely';
import type { Platform } from '../../kernel/platform.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import type { Executor, Tx } from '../../kernel/db/index.ts';
import type { UserTable } from '../../kernel/db/tables.ts';
import { likeEscape, preparedQuery } from '../../kernel/db/index.ts';
import { updateVersioned } from '../../kernel/db/versioned.ts';
import { HttpError, conflict, fieldError, forbidden, notFound } from '../../kernel/http/errors.ts';
import { assertInScope, scoped, subtreeOfUnitId, type DataScope } from '../../kernel/auth/scope.ts';
import { endUserSessions } from '../../kernel/auth/sessions.ts';
import { hashPassword, oneTimePassword } from '../../kernel/auth/passwords.ts';
import { decryptText, encryptText, lookupHash } from '../../kernel/crypto/keys.ts';
import { newId, nowIso } from '../../kernel/ids.ts';
import { maskIdNumber, maskPhone } from '../../../shared/validators.ts';
import type { CreateUserInput, GrantRolesInput, UpdateUserInput, UserListQuery, UserView } from '../../../shared/schemas/org.ts';
import { assertMayConfirmReset, assertMayGrant, assertMayManageAccount, assertMayResetPassword, assertRoleSet, userActions, type Acting } from './policy.ts';

type UserActor = Actor & Acting & { scope: DataScope };

/** Runs a user command; a refusal (403) is recorded in the audit log before it is answered. */
async function auditingRefusal<T>(platform: Platform, actor: UserActor, action: string, targetId: string | null, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HttpError && error.status === 403) {
      await platform.audit.record(platform.db, actor, { action, targetType: 'user', targetId, outcome: 'denied', detail: { reason: error.detail } });
    }
    throw error;
  }
}

/** Runs a user command (createUser, updateUser, grantRoles) in a transaction of its own, its refusal audited. */
export const inTransaction = <T>(platform: Platform, actor: UserActor, action: string, targetId: string | null, command: (tx: Tx) => Promise<T>): Promise<T> =>
  auditingRefusal(platform, actor, action, targetId, () => platform.db.transaction().execute(command));

type UserRow = UserTable & { unit_name: string; unit_code: string };

const USER_COLUMNS = [
  'u.id', 'u.username', 'u.name', 'u.unit_id', 'u.disabled', 'u.locked_until', 'u.must_change_password', 'u.last_login_at',
  'u.password_changed_at', 'u.phone_enc', 'u.id_number_enc', 'u.version', 'u.created_at', 'u.updated_at', 'u.password_reset_requested_at',
] as const;

export async function rolesOf(db: Executor, userIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return map;
  const rows = await db.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', userIds).orderBy('role').execute();
  for (const r of rows) map.get(r.user_id)?.push(r.role);
  return map;
}

export function present(platform: Platform, acting: Acting, u: Pick<UserRow, (typeof USER_COLUMNS)[number] extends `u.${infer K}` ? K : never> & { unit_name: string; unit_code: string }, roles: string[]): UserView {
  const locked = !!u.locked_until && Date.parse(u.locked_until) > Date.now();
  return {
    id: u.id,
    username: u.username,
    name: u.name,
    unitId: u.unit_id,
    unitName: u.unit_name,
    unitCode: u.unit_code,
    roles,
    phone: u.phone_enc ? maskPhone(decryptText(platform.keys, u.phone_enc)) : null,
    idNumber: u.id_number_enc ? maskIdNumber(decryptText(platform.keys, u.id_number_enc)) : null,
    disabled: !!u.disabled,
    lockedUntil: locked ? u.locked_until : null,
    mustChangePassword: !!u.must_change_password,
    lastLoginAt: u.last_login_at,
    passwordChangedAt: u.password_changed_at,
    version: u.version,
    createdAt: u.created_at,
    updatedAt: u.updated_at,
    passwordResetRequestedAt: u.password_reset_requested_at,
    actions: userActions(acting, { id: u.id, roles, disabled: !!u.disabled, locked, resetRequested: !!u.password_reset_requested_at }),
  };
}

function userQuery(db: Executor, scope: DataScope) {
  return scoped(
    db.selectFrom('users as u').innerJoin('org_units as o', 'o.id', 'u.unit_id').select([...USER_COLUMNS, 'o.name as unit_name', 'o.code as unit_code']),
    scope,
    'u.unit_id',
  );
}

const fromUsers = (db: Executor) => db.selectFrom('users as u');

/** One condition of the user list: its values, in the order its SQL takes them, and that SQL. */
interface UserFilter {
  name: string;
  values: readonly unknown[];
  where(qb: ReturnType<typeof fromUsers>, slots: any[]): ReturnType<typeof fromUsers>;
}

async function userFilters(platform: Platform, scope: DataScope, query: UserListQuery): Promise<UserFilter[]> {
  const filters: UserFilter[] = [];
  if (!scope.all) filters.push({ name: 'scope', values: [...scope.unitIds], where: (qb, ids) => scoped(qb, { all: false, unitIds: ids }, 'u.unit_id') });
  if (query.unitId && query.includeSubunits === 'true') {
    const ids = await subtreeOfUnitId(platform.db, query.unitId);
    filters.push({ name: 'units', values: ids, where: (qb, slots) => qb.where('u.unit_id', 'in', slots) });
  } else if (query.unitId) {
    filters.push({ name: 'unit', values: [query.unitId], where: (qb, [id]) => qb.where('u.unit_id', '=', id) });
  }
  if (query.q) {
    const pattern = `%${likeEscape(query.q)}%`;
    filters.push({ name: 'q', values: [pattern, pattern], where: (qb, [a, b]) => qb.where(sql<boolean>`(u.username like ${a} escape '\\' or u.name like ${b} escape '\\')`) });
  }
  if (query.role) filters.push({ name: 'role', values: [query.role], where: (qb, [role]) => qb.where('u.id', 'in', (eb) => eb.selectFrom('user_roles').select('user_id').where('role', '=', role)) });
  if (query.status === 'disabled' || query.status === 'active') {
    filters.push({ name: 'disabled', values: [query.status === 'disabled' ? 1 : 0], where: (qb, [flag]) => qb.where('u.disabled', '=', flag) });
  }
  if (query.status === 'locked') filters.push({ name: 'locked', values: [nowIso()], where: (qb, [now]) => qb.where('u.locked_until', '>', now) });
  return filters;
}

/** The form of a filter list: which filters, each with how many values (an IN list's length changes the SQL). */
const formOf = (filters: UserFilter[]) => filters.map((f) => `${f.name}:${f.values.length}`).join(',');

function filteredUsers(db: Executor, slots: any[], filters: UserFilter[]) {
  let qb = fromUsers(db);
  let at = 0;
  for (const filter of filters) qb = filter.where(qb, slots.slice(at, (at += filter.values.length)));
  return qb;
}

// Compiled once per form: the list is the page every user administrator opens.
const countUsers = preparedQuery((db, slots, filters: UserFilter[]) => filteredUsers(db, slots, filters).select((eb) => eb.fn.countAll<number>().as('total')), formOf);
const pageOfUsers = preparedQuery((db, slots, filters: UserFilter[]) => {
  const [limit, offset] = slots.slice(-2);
  // The page's usernames come from the covering unique index (a derived table with LIMIT is not
  // flattened into the join); only those users are then joined to their unit and roles.
  return db
    .selectFrom(filteredUsers(db, slots.slice(0, -2), filters).select('u.username').orderBy('u.username').limit(limit).offset(offset).as('p'))
    .innerJoin('users as u', 'u.username', 'p.username')
    .innerJoin('org_units as o', 'o.id', 'u.unit_id')
    .leftJoin('user_roles as r', 'r.user_id', 'u.id')
    .select([...USER_COLUMNS, 'o.name as unit_name', 'o.code as unit_code', 'r.role'])
    .orderBy('u.username')
    .orderBy('r.role');
}, formOf);

export async function listUsers(platform: Platform, acting: Acting, scope: DataScope, query: UserListQuery) {
  const filters = await userFilters(platform, scope, query);
  const values = filters.flatMap((f) => f.values);
  const [[counted], rows] = await Promise.all([
    countUsers(platform.db, values, filters),
    pageOfUsers(platform.db, [...values, query.pageSize, (query.page - 1) * query.pageSize], filters),
  ]);
  const items: UserView[] = [];
  for (let i = 0; i < rows.length; ) {
    const roles: string[] = [];
    let j = i;
    for (; j < rows.length && rows[j]!.id === rows[i]!.id; j++) if (rows[j]!.role) roles.push(rows[j]!.role!);
    items.push(present(platform, acting, rows[i]!, roles));
    i = j;
  }
  return { items, total: Number(counted!.total), page: query.page, pageSize: query.pageSize };
}

export async function getUser(platform: Platform, db: Executor, scope: DataScope, id: string) {
  const row = await userQuery(db, scope).where('u.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('用户');
  const roles = (await rolesOf(db, [id])).get(id)!;
  return { row, roles };
}

async function assertUnitUsable(tx: Tx, scope: DataScope, unitId: string) {
  const unit = await tx.selectFrom('org_units').select(['id', 'active']).where('id', '=', unitId).executeTakeFirst();
  if (!unit) throw fieldError('unitId', '所属单位', '不存在');
  assertInScope(scope, unitId, '单位');
  if (!unit.active) throw fieldError('unitId', '所属单位', '已停用');
}

function piiColumns(platform: Platform, field: 'phone' | 'id_number', value: string | null | undefined) {
  if (value === undefined) return {};
  return {
    [`${field}_enc`]: value === null ? null : encryptText(platform.keys, value),
    [`${field}_hash`]: value === null ? null : lookupHash(platform.keys, value),
  };
}

/** Inserts an account with a one-time password. Shared by the API, the import and the demo. */
export async function insertUser(
  platform: Platform,
  tx: Tx,
  actorId: string | null,
  values: { username: string; name: string; unitId: string; roles: readonly string[]; phone?: string | null; idNumber?: string | null },
  password: string,
  mustChange = true,
): Promise<string> {
  const id = newId();
  const now = nowIso();
  await tx
    .insertInto('users')
    .values({
      id,
      username: values.username,
      name: values.name,
      unit_id: values.unitId,
      password_hash: await hashPassword(password),
      password_changed_at: now,
      must_change_password: mustChange ? 1 : 0,
      disabled: 0,
      failed_logins: 0,
      first_failed_at: null,
      locked_until: null,
      phone_enc: null,
      phone_hash: null,
      id_number_enc: null,
      id_number_hash: null,
      ...piiColumns(platform, 'phone', values.phone),
      ...piiColumns(platform, 'id_number', values.idNumber),
      last_login_at: null,
      version: 1,
      created_at: now,
      created_by: actorId,
      updated_at: now,
      updated_by: actorId,
    })
    .execute();
  if (values.roles.length) await tx.insertInto('user_roles').values(values.roles.map((role) => ({ user_id: id, role }))).execute();
  return id;
}

export async function replaceRoles(tx: Tx, userId: string, roles: readonly string[]) {
  await tx.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length) await tx.insertInto('user_roles').values(roles.map((role) => ({ user_id: userId, role }))).execute();
}

export async function createUser(tx: Tx, platform: Platform, actor: UserActor, input: CreateUserInput): Promise<{ id: string; initialPassword: string }> {
  const roles = input.roles ?? [];
  assertRoleSet(roles);
  assertMayGrant(actor, null, [], roles);
  if (await tx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst()) {
    throw new HttpError(409, `用户名（username）「${input.username}」已被使用`, [{ field: 'username', message: '用户名已被使用' }]);
  }
  await assertUnitUsable(tx, actor.scope, input.unitId);
  const password = oneTimePassword();
  const id = await insertUser(platform, tx, actor.id, { ...input, roles }, password);
  await platform.audit.record(tx, actor, { action: 'user.create', targetType: 'user', targetId: id, detail: { username: input.username, unitId: input.unitId, roles } });
  return { id, initialPassword: password };
}

/** Changes an account's profile (and, with user.grant, its roles); returns its new version. */
export async function updateUser(tx: Tx, platform: Platform, actor: UserActor, id: string, input: UpdateUserInput): Promise<number> {
  const { roles } = await getUser(platform, tx, actor.scope, id);
  assertMayManageAccount(actor, roles, input.roles);
  if (input.roles) {
    assertRoleSet(input.roles);
    assertMayGrant(actor, id, roles, input.roles);
  }
  if (input.unitId) await assertUnitUsable(tx, actor.scope, input.unitId);
  const changes: Record<string, unknown> = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.unitId !== undefined ? { unit_id: input.unitId } : {}),
    ...piiColumns(platform, 'phone', input.phone),
    ...piiColumns(platform, 'id_number', input.idNumber),
  };
  const moved = input.unitId !== undefined && input.unitId !== (await tx.selectFrom('users').select('unit_id').where('id', '=', id).executeTakeFirstOrThrow()).unit_id;
  const version = await updateVersioned(tx, 'users', id, input.version, changes, actor.id);
  // A unit is a data scope: moving an account with roles would hand them another unit's records
  // without the security administrator. So its roles go with the move, to be granted anew.
  const withdrawn = moved && roles.length > 0 && !actor.permissions.has('user.grant') ? [] : undefined;
  const nextRoles = withdrawn ?? input.roles;
  const rolesChanged = !!nextRoles && [...nextRoles].sort().join() !== roles.join();
  if (rolesChanged) {
    await replaceRoles(tx, id, nextRoles!);
    if (withdrawn) await platform.audit.record(tx, actor, { action: 'user.roles', targetType: 'user', targetId: id, detail: { from: roles, to: [], via: 'unit_change' } });
  }
  // A changed unit or role set changes what the account may see: its sessions end.
  if (rolesChanged || input.unitId) await endUserSessions(tx, id);
  const logged = { ...input, phone: input.phone === undefined ? undefined : '***', idNumber: input.idNumber === undefined ? undefined : '***' };
  await platform.audit.record(tx, actor, { action: 'user.update', targetType: 'user', targetId: id, detail: { changes: logged } });
  return version;
}

/** The security administrator grants or withdraws roles (never their own); the account's sessions end. `via` names a caller other than the roles page (an import). */
export async function grantRoles(tx: Tx, platform: Platform, actor: UserActor, id: string, input: GrantRolesInput, via?: string): Promise<void> {
  assertRoleSet(input.roles);
  const { roles } = await getUser(platform, tx, actor.scope, id);
  if (actor.id === id) throw new HttpError(403, '不能修改自己的角色（roles）', [{ field: 'roles', message: '不能修改自己的角色' }]);
  assertMayGrant(actor, id, roles, input.roles);
  await updateVersioned(tx, 'users', id, input.version, {}, actor.id);
  await replaceRoles(tx, id, input.roles);
  await endUserSessions(tx, id);
  await platform.audit.record(tx, actor, { action: 'user.roles', targetType: 'user', targetId: id, detail: { from: roles, to: [...input.roles].sort(), ...(via ? { via } : {}) } });
}

/**
 * The system administrator resets a password. An account that holds roles is not reset there and
 * then: the request waits for the security administrator (confirmResetPassword), so that neither
 * administrator alone learns the password of an account with a role.
 */
export async function resetPassword(platform: Platform, actor: UserActor, id: string): Promise<{ initialPassword: string | null; pending: boolean }> {
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const pending = await auditingRefusal(platform, actor, 'user.reset_password', id, () =>
    platform.db.transaction().execute(async (tx) => {
      const { roles } = await getUser(platform, tx, actor.scope, id);
      assertMayResetPassword(actor, roles);
      if (roles.length) {
        await tx.updateTable('users').set({ password_reset_requested_by: actor.id, password_reset_requested_at: nowIso() }).where('id', '=', id).execute();
        await platform.audit.record(tx, actor, { action: 'user.reset_password_request', targetType: 'user', targetId: id, detail: { roles } });
        return true;
      }
      await setOneTimePassword(tx, actor, id, passwordHash);
      await platform.audit.record(tx, actor, { action: 'user.reset_password', targetType: 'user', targetId: id });
      return false;
    }),
  );
  return { initialPassword: pending ? null : password, pending };
}

/** The security administrator carries out (or turns down) a reset the system administrator asked for. */
export async function confirmResetPassword(platform: Platform, actor: UserActor, id: string, confirm: boolean): Promise<{ initialPassword: string | null }> {
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const action = confirm ? 'user.reset_password' : 'user.reset_password_refuse';
  await auditingRefusal(platform, actor, action, id, () =>
    platform.db.transaction().execute(async (tx) => {
      const { roles } = await getUser(platform, tx, actor.scope, id);
      assertMayConfirmReset(actor, id, roles);
      const request = await tx.selectFrom('users').select(['password_reset_requested_by', 'password_reset_requested_at']).where('id', '=', id).executeTakeFirstOrThrow();
      if (!request.password_reset_requested_at) throw conflict('该账号没有待确认的密码重置申请');
      if (request.password_reset_requested_by === actor.id) throw forbidden('不能确认自己提出的密码重置申请');
      await tx.updateTable('users').set({ password_reset_requested_by: null, password_reset_requested_at: null }).where('id', '=', id).execute();
      if (confirm) await setOneTimePassword(tx, actor, id, passwordHash);
      await platform.audit.record(tx, actor, { action, targetType: 'user', targetId: id, detail: { requestedBy: request.password_reset_requested_by, requestedAt: request.password_reset_requested_at } });
    }),
  );
  return { initialPassword: confirm ? password : null };
}

/** A one-time password in place of the account's own: changed at the next sign-in; every session ends. */
async function setOneTimePassword(tx: Tx, actor: UserActor, id: string, passwordHash: string): Promise<void> {
  await tx
    .updateTable('users')
    .set({ password_hash: passwordHash, password_changed_at: nowIso(), must_change_password: 1, failed_logins: 0, first_failed_at: null, locked_until: null, updated_at: nowIso(), updated_by: actor.id, version: (eb) => eb('version', '+', 1) })
    .where('id', '=', id)
    .execute();
  await endUserSessions(tx, id);
}

export async function setUserDisabled(platform: Platform, actor: UserActor, id: string, version: number, disabled: boolean) {
  const action = disabled ? 'user.disable' : 'user.enable';
  await auditingRefusal(platform, actor, action, id, async () => {
    if (actor.id === id) throw forbidden('不能停用或启用自己的账号');
    await platform.db.transaction().execute(async (tx) => {
      const { roles } = await getUser(platform, tx, actor.scope, id);
      assertMayManageAccount(actor, roles);
      await updateVersioned(tx, 'users', id, version, { disabled: disabled ? 1 : 0 }, actor.id);
      if (disabled) await endUserSessions(tx, id);
      await platform.audit.record(tx, actor, { action, targetType: 'user', targetId: id });
    });
  });
}

export async function unlockUser(platform: Platform, actor: UserActor, id: string) {
  await platform.db.transaction().execute(async (tx) => {
    await getUser(platform, tx, actor.scope, id);
    await tx.updateTable('users').set({ locked_until: null, failed_logins: 0, first_failed_at: null }).where('id', '=', id).execute();
    await platform.audit.record(tx, actor, { action: 'user.unlock', targetType: 'user', targetId: id });
  });
}

/** Reveals one personal-data field in full; every unmasking is audited. */
export async function unmaskUserField(platform: Platform, actor: UserActor, id: string, field: 'phone' | 'idNumber') {
  const { row } = await getUser(platform, platform.db, actor.scope, id);
  const sealed = field === 'phone' ? row.phone_enc : row.id_number_enc;
  await platform.audit.record(platform.db, actor, { action: 'pii.unmask', targetType: 'user', targetId: id, detail: { field } });
  return { field, value: sealed ? decryptText(platform.keys, sealed) : null };
}
