// Import types `org_units` and `users` (domain.md §5; field names are API), written through the unit
// and user commands the API calls, so that their rules and audit entries are the API's.
import { z } from '../../../shared/zod.ts';
import { unitCode, creditCode, username, ORG_UNIT, USER } from '../../../shared/schemas/org.ts';
import type { RecordDef } from '../../../shared/records.ts';
import { importFields, importRow } from '../../kernel/imports/from-record.ts';
import { ROLES, isRole } from '../../../shared/roles.ts';
import type { ImportType, Importer, RowError } from '../../kernel/imports/types.ts';
import type { Tx } from '../../kernel/db/index.ts';
import { lookupHash } from '../../kernel/crypto/keys.ts';
import { permissionsOf, type Platform } from '../../kernel/platform.ts';
import { rowChecker } from '../../kernel/imports/rows.ts';
import { RowFailure, columnOf, refuseRow } from '../../kernel/imports/by-ref.ts';
import { createUnit, moveUnit, updateUnit } from './units.ts';
import { createUser, grantRoles, rolesOf, updateUser } from './users.ts';
import { assertRoleSet, holdsAdminRole, isSystem } from './policy.ts';

const optional = <T extends z.ZodType>(schema: T) => schema.optional();

/**
 * Units and accounts are keyed by their platform-wide code or username, not by a per-unit `ref`: the
 * kit's ref column is left out of their files.
 */
const withoutRef = <T extends { ref: string }>(row: z.ZodType<T>) => (row as unknown as z.ZodObject).omit({ ref: true }) as unknown as z.ZodType<Omit<T, 'ref'>>;
const fieldsWithoutRef = (def: RecordDef<any>) => importFields(def, '').filter((column) => column.name !== 'ref');

// The unit code keeps its character rule, the credit code its check digit (GB 32100-2015).
const orgUnitRow = withoutRef(importRow(ORG_UNIT, { code: unitCode, creditCode: optional(creditCode) }));
type OrgUnitRow = z.infer<typeof orgUnitRow>;

const unitFields = fieldsWithoutRef(ORG_UNIT);
const PARENT = columnOf(unitFields, 'parentCode');
/** The unit commands' fields as the file's columns (the parent is named by its code). */
const UNIT_COLUMNS: Record<string, string> = { ...Object.fromEntries(unitFields.map((f) => [f.name, columnOf(unitFields, f.name)])), parentId: PARENT };

/** Units are written parents first, each through the unit commands (create, move, edit) as the API does. */
export const orgUnitsImport: ImportType<OrgUnitRow> = {
  type: 'org_units',
  title: '组织机构',
  permission: 'org.manage',
  fields: unitFields,
  row: orgUnitRow,
  async apply(tx, rows, actor, platform) {
    const errors: RowError[] = [];
    const firstRow = new Map<string, number>();
    for (const r of rows) {
      const seen = firstRow.get(r.value.code);
      if (seen) errors.push({ row: r.row, column: UNIT_COLUMNS.code, message: `单位编码「${r.value.code}」与第 ${seen} 行重复` });
      else firstRow.set(r.value.code, r.row);
    }
    if (errors.length) return { created: 0, updated: 0, errors };

    const counts = { created: 0, updated: 0 };
    const check = rowChecker(errors);
    // Parents first: a row waits until its parent (in the file or already stored) has been written.
    let pending = rows;
    const done = new Set<string>();
    while (pending.length) {
      const next: typeof rows = [];
      for (const r of pending) {
        const { code, parentCode } = r.value;
        if (parentCode && parentCode !== code && firstRow.has(parentCode) && !done.has(parentCode)) {
          next.push(r);
          continue;
        }
        done.add(code);
        try {
          const outcome = await writeUnit(tx, platform, actor, r.value);
          if (outcome) counts[outcome]++;
        } catch (error) {
          if (error instanceof RowFailure) check(r.row).fail(error.column, error.message);
          else check(r.row).fromHttpError(error, UNIT_COLUMNS);
        }
      }
      if (next.length === pending.length) {
        for (const r of next) errors.push({ row: r.row, column: PARENT, message: `上级关系形成循环（${r.value.code} → ${r.value.parentCode}）` });
        break;
      }
      pending = next;
    }
    return { ...counts, errors };
  },
};

/** Creates the unit, or moves and edits it where the row differs; says which (nothing for an unchanged row). */
async function writeUnit(tx: Tx, platform: Platform, actor: Importer, v: OrgUnitRow): Promise<'created' | 'updated' | null> {
  const byCode = (code: string) => tx.selectFrom('org_units').selectAll().where('code', '=', code).executeTakeFirst();
  if (v.parentCode === v.code) refuseRow(PARENT, '上级单位不能是自身');
  const parent = v.parentCode ? await byCode(v.parentCode) : null;
  if (v.parentCode && !parent) refuseRow(PARENT, `上级单位编码「${v.parentCode}」不存在`);
  const values = { name: v.name, kind: v.kind, category: v.category ?? null, creditCode: v.creditCode ?? null };
  const existing = await byCode(v.code);
  if (!existing) {
    await createUnit(tx, platform, actor, { code: v.code, ...values, parentId: parent?.id ?? null });
    return 'created';
  }
  let { version } = existing;
  const moved = (parent?.id ?? null) !== existing.parent_id;
  if (moved) ({ version } = await moveUnit(tx, platform, actor, existing.id, { version, parentId: parent?.id ?? null }));
  const edited = values.name !== existing.name || values.kind !== existing.kind || values.category !== existing.category || values.creditCode !== existing.credit_code;
  if (edited) await updateUnit(tx, platform, actor, existing.id, { version, ...values });
  return moved || edited ? 'updated' : null;
}

const roleLabels = new Map<string, string>(Object.entries(ROLES).map(([k, v]) => [v, k]));
// The username keeps its character rule; the roles column is the import's own (roles live in user_roles).
const userRow = withoutRef(
  importRow(USER, {
    username,
    roles: optional(
      z
        .string()
        .transform((v, ctx) => {
          const parts = v.split(/[;；,，]/).map((s) => s.trim()).filter(Boolean);
          const out: string[] = [];
          for (const p of parts) {
            const role = isRole(p) ? p : roleLabels.get(p);
            if (!role) ctx.addIssue({ code: 'custom', message: `角色「${p}」无效，可选：${Object.entries(ROLES).map(([k, v]) => `${k}/${v}`).join('、')}` });
            else if (!out.includes(role)) out.push(role);
          }
          return out;
        })
        .meta({ title: '角色' }),
    ),
  }),
);
type UserRow = z.infer<typeof userRow>;

const ROLES_COLUMN = '角色（roles）';
const USER_COLUMNS = { username: '用户名（username）', name: '姓名（name）', unitId: '所属单位编码（unitCode）', roles: ROLES_COLUMN, phone: '手机号码（phone）' };

/**
 * 三员分立 holds for imports as for the web: the system administrator imports accounts (without
 * roles), the security administrator imports the roles of existing accounts (creating none); no
 * one changes their own account, and admin accounts are left to the web and the server's CLI.
 */
export const usersImport: ImportType<UserRow> = {
  type: 'users',
  title: '用户',
  permission: 'user.import',
  // The definition's columns, with the roles column where it has always been (after the unit).
  fields: fieldsWithoutRef(USER).flatMap((column) =>
    column.name === 'unitCode'
      ? [
          column,
          {
            name: 'roles',
            label: '角色',
            note: `只有安全管理员导入时生效（系统管理员导入账号时请留空，留空则不改角色）；用 ; 分隔；可用代码或中文名：${Object.entries(ROLES).map(([k, v]) => `${k}/${v}`).join('、')}；管理员角色不能导入`,
            example: 'unit_liaison',
          },
        ]
      : [column],
  ),
  row: userRow,
  async apply(tx, rows, actor, platform) {
    const errors: RowError[] = [];
    const credentials: { username: string; password: string }[] = [];
    const system = isSystem(actor);
    const permissions = permissionsOf(platform, actor.roles);
    const mayManage = system || permissions.has('user.manage');
    const mayGrant = system || permissions.has('user.grant');
    const units = new Map((await tx.selectFrom('org_units').select(['id', 'code', 'active']).execute()).map((u) => [u.code, u]));
    const existing = new Map((await tx.selectFrom('users').select(['id', 'username', 'name', 'unit_id', 'phone_hash', 'version']).execute()).map((u) => [u.username, u]));
    const existingRoles = await rolesOf(tx, [...existing.values()].map((u) => u.id));
    const seen = new Map<string, number>();
    let created = 0;
    let updated = 0;
    for (const { row, value } of rows) {
      const rowErrors: RowError[] = [];
      const error = (column: string, message: string) => rowErrors.push({ row, column, message });
      if (seen.has(value.username)) error('用户名（username）', `与第 ${seen.get(value.username)} 行重复`);
      seen.set(value.username, row);
      const unit = units.get(value.unitCode);
      if (!unit) error('所属单位编码（unitCode）', `单位编码「${value.unitCode}」不存在`);
      else if (!unit.active) error('所属单位编码（unitCode）', `单位「${value.unitCode}」已停用`);
      const roles = value.roles ?? [];
      try {
        assertRoleSet(roles);
      } catch (e) {
        error(ROLES_COLUMN, (e as Error).message);
      }
      const current = existing.get(value.username);
      const currentRoles = current ? existingRoles.get(current.id) ?? [] : [];
      // An empty roles cell leaves an existing account's roles as they are.
      const movedUnit = !!current && !!unit && current.unit_id !== unit.id;
      // Moving an account with roles to another unit hands it that unit's records: without the right
      // to grant roles, the move takes the roles away (updateUser does; here it tells what the file may say).
      const newRoles = movedUnit && currentRoles.length > 0 && !mayGrant ? [] : current && roles.length === 0 ? currentRoles : roles;
      const rolesChanged = [...newRoles].sort().join() !== currentRoles.join();
      const phoneHash = value.phone ? lookupHash(platform.keys, value.phone) : null;
      // The security administrator sees phone numbers masked: their file's phone column is not compared.
      const profileChanged = !!current && (current.name !== value.name || current.unit_id !== unit?.id || (mayManage && current.phone_hash !== phoneHash));
      if (current && current.id === actor.id) error('用户名（username）', '不能通过导入修改自己的账号（包括角色）');
      else if (!system && (holdsAdminRole(roles) || holdsAdminRole(currentRoles))) {
        error(ROLES_COLUMN, '管理员账号不能通过导入创建或修改：由安全管理员在「用户」页面授权，或由运维人员在服务器上用 fazhi 命令维护');
      } else {
        if (!current && !mayManage) error('用户名（username）', `用户「${value.username}」不存在；账号由系统管理员创建，安全管理员导入只授予已有账号的角色`);
        if (profileChanged && !mayManage) error('姓名（name）', '姓名、所属单位、手机号码只能由系统管理员修改；安全管理员导入时请与现有资料一致');
        if (rolesChanged && !mayGrant && !(movedUnit && newRoles.length === 0)) error(ROLES_COLUMN, '角色只能由安全管理员授予；系统管理员导入账号时请将角色留空');
      }
      if (rowErrors.length || !unit) {
        errors.push(...rowErrors);
        continue;
      }
      try {
        if (!current) {
          const { initialPassword } = await createUser(tx, platform, actor, { username: value.username, name: value.name, unitId: unit.id, phone: value.phone, roles });
          credentials.push({ username: value.username, password: initialPassword });
          created++;
        } else if (profileChanged || rolesChanged) {
          let { version } = current;
          // Moved without the right to grant roles: the profile command itself withdraws them.
          const withdrawn = movedUnit && !mayGrant;
          if (profileChanged) version = await updateUser(tx, platform, actor, current.id, { version, name: value.name, ...(movedUnit ? { unitId: unit.id } : {}), phone: value.phone ?? null });
          if (rolesChanged && !withdrawn) await grantRoles(tx, platform, actor, current.id, { version, roles: newRoles }, 'import');
          updated++;
        }
      } catch (refusal) {
        rowChecker(errors)(row).fromHttpError(refusal, USER_COLUMNS);
      }
    }
    return { created, updated, errors, credentials };
  },
};
