// Organisation units and user accounts: their record definitions, and the inputs and views shared by
// the server, the API docs and the forms.
import { z, text, version, pageQuery } from '../zod.ts';
import { createInput, defineRecord, f, fieldSchema, type RecordView } from '../records.ts';
import { isValidCreditCode } from '../validators.ts';
import { ROLE_NAMES, ROLES } from '../roles.ts';

export const UNIT_KINDS = { county: '县政府', department: '部门', town: '乡镇街道', village: '村社区', other: '其他' } as const;
export type UnitKind = keyof typeof UNIT_KINDS;
export const UNIT_KIND_NAMES = Object.keys(UNIT_KINDS) as UnitKind[];

/** Accepts the English code or the Chinese name of an enum value. */
export function enumFromLabels<K extends string>(labels: Record<K, string>, label: string) {
  const keys = Object.keys(labels) as K[];
  const byLabel = new Map<string, K>(keys.map((k) => [labels[k], k]));
  return z
    .string()
    .trim()
    .transform((v, ctx) => {
      const key = (keys as string[]).includes(v) ? (v as K) : byLabel.get(v);
      if (!key) {
        ctx.addIssue({ code: 'custom', message: `${label}「${v}」无效，可选：${keys.map((k) => `${k}/${labels[k]}`).join('、')}` });
        return z.NEVER;
      }
      return key;
    })
    .meta({ title: label });
}

export const unitCode = z
  .string()
  .trim()
  .min(1, { error: '单位编码不能为空' })
  .max(32, { error: '单位编码不能超过 32 个字符' })
  .regex(/^[A-Za-z0-9_-]+$/, { error: '单位编码只能包含字母、数字、下划线和连字符' })
  .meta({ title: '单位编码' });

export const creditCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidCreditCode, { error: '统一社会信用代码无效（应为 18 位，且校验码正确）' })
  .meta({ title: '统一社会信用代码' });

const sortOrder = z.number().int().min(0).max(100000).meta({ title: '排序号' });

/**
 * 组织机构. Units are keyed by their platform-wide code (no per-unit `ref`, no `unit_id`: a unit is the
 * scope itself), so the import drops the kit's ref column and the table stays out of the drift test.
 */
export const ORG_UNIT = defineRecord({
  type: 'org_unit',
  title: '单位',
  table: 'org_units',
  key: 'code',
  unitColumn: 'id',
  fields: {
    code: f.text('单位编码', { max: 32, required: true, list: true, sort: true, search: true, note: '单位唯一编码（字母、数字、-、_），再次导入同一编码时更新该单位', example: 'SFX-D01' }),
    name: f.text('单位名称', { max: 100, required: true, list: true, sort: true, search: true, note: '单位全称', example: '示范县司法局' }),
    kind: f.enum('单位类型', UNIT_KINDS, { required: true, list: true, filter: true, importNote: 'county/department/town/village/other，或 县政府/部门/乡镇街道/村社区/其他', example: '部门' }),
    category: f.text('考评类别', { max: 50, list: true, note: '考评时的分类，如 部门、乡镇；可空', example: '部门' }),
    parentId: f.unit('上级单位', { display: 'parentName', note: '上级单位的编码（可为本文件中的单位）；为空则成为根单位', example: 'SFX' }),
    creditCode: f.text('统一社会信用代码', { max: 18, note: '18 位，按 GB 32100-2015 校验；可空', example: '11430000MB12345670' }),
    active: f.boolean('启用', { input: false, importName: false, list: true, filter: true }),
    sortOrder: f.integer('排序号', { importName: false }),
  },
});

/** One field's input schema from the definition (messages naming the field). */
const unitField = <K extends keyof typeof ORG_UNIT.fields>(name: K) => fieldSchema(name, ORG_UNIT.fields[name]) as z.ZodType<NonNullable<RecordView<typeof ORG_UNIT.fields>[K]>>;

/** The unit name keeps the wording the API has always answered ("…不能超过 100 个字符"). */
const unitName = text('单位名称', 100);

/**
 * The unit code keeps its character rule and the credit code its check digit; an emptied category or
 * credit code is sent as null. Kind and parent derive from the definition.
 */
export const createUnitInput = createInput(
  ORG_UNIT,
  { code: unitCode, name: unitName, category: unitField('category').nullable().optional(), creditCode: creditCode.nullable().optional(), sortOrder: sortOrder.optional() },
  ['kind', 'parentId'],
);
export type CreateUnitInput = z.infer<typeof createUnitInput>;

export const updateUnitInput = z.strictObject({
  version,
  code: unitCode.optional(),
  name: unitName.optional(),
  kind: unitField('kind').optional(),
  category: unitField('category').nullable().optional(),
  creditCode: creditCode.nullable().optional(),
  sortOrder: sortOrder.optional(),
});
export type UpdateUnitInput = z.infer<typeof updateUnitInput>;

export const moveUnitInput = z.strictObject({
  version,
  parentId: z.string().min(1).max(64).nullable().meta({ title: '新的上级单位' }),
});

export const versionInput = z.strictObject({ version });

export const unitListQuery = z.strictObject({
  includeInactive: z.enum(['true', 'false']).optional().meta({ title: '包含已停用' }),
  q: z.string().trim().max(50).optional().meta({ title: '关键字' }),
});

export interface UnitView {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  category: string | null;
  parentId: string | null;
  creditCode: string | null;
  active: boolean;
  sortOrder: number;
  version: number;
  updatedAt: string;
  actions: string[];
}

// ---- users ----

export const username = z
  .string()
  .trim()
  .min(3, { error: '用户名至少需要 3 个字符' })
  .max(32, { error: '用户名不能超过 32 个字符' })
  .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, { error: '用户名须以字母开头，只能包含字母、数字、下划线、点和连字符' })
  .meta({ title: '用户名' });

const roleName = z.enum(ROLE_NAMES as [string, ...string[]], { error: `角色无效，可选：${ROLE_NAMES.join('、')}` });
export const roles = z.array(roleName).min(1, { error: '角色至少选择一个' }).max(ROLE_NAMES.length).meta({ title: '角色' });
/** Roles as granted by the security administrator: may be empty (all roles withdrawn). */
export const grantedRoles = z.array(roleName).max(ROLE_NAMES.length).meta({ title: '角色' });

/**
 * 用户. Accounts are keyed by their platform-wide username (no per-unit `ref`), so the import drops the
 * kit's ref column and the table stays out of the drift test. Roles live in `user_roles`, not here.
 */
export const USER = defineRecord({
  type: 'user',
  title: '用户',
  table: 'users',
  key: 'username',
  fields: {
    username: f.text('用户名', { max: 32, required: true, list: true, search: true, note: '登录名，字母开头，3–32 位；再次导入同一用户名时更新该用户（不改密码）', example: 'zhangsan' }),
    name: f.text('姓名', { max: 50, required: true, list: true, search: true, note: '真实姓名', example: '张三' }),
    unitId: f.unit('所属单位', { required: true, list: true, filter: true, note: '已存在的单位编码', example: 'SFX-D01' }),
    phone: f.phone('手机号码', { note: '11 位手机号，加密保存；可空', example: '13800138000' }),
    idNumber: f.idNumber('身份证号码', { importName: false }),
    disabled: f.boolean('已停用', { input: false, importName: false, list: true }),
  },
});

/** One field's input schema from the definition (messages naming the field). */
const userField = <K extends keyof typeof USER.fields>(name: K) => fieldSchema(name, USER.fields[name]) as z.ZodType<NonNullable<RecordView<typeof USER.fields>[K]>>;
/** Personal data: null clears it. */
const phone = userField('phone').nullable().optional();
const idNumber = userField('idNumber').nullable().optional();

/** The username keeps its character rule; name, unit, phone and ID number derive from the definition. */
export const createUserInput = createInput(
  USER,
  {
    username,
    /** Only the security administrator grants roles (user.grant): an account created by the system administrator has none. */
    roles: grantedRoles.optional(),
    phone,
    idNumber,
  },
  ['name', 'unitId'],
);
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = z.strictObject({
  version,
  name: userField('name').optional(),
  unitId: userField('unitId').optional(),
  roles: roles.optional(),
  phone,
  idNumber,
});
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const grantRolesInput = z.strictObject({
  version,
  roles: grantedRoles,
});
export type GrantRolesInput = z.infer<typeof grantRolesInput>;

export const userListQuery = z.strictObject({
  q: z.string().trim().max(50).optional().meta({ title: '关键字' }),
  unitId: z.string().max(64).optional().meta({ title: '单位' }),
  includeSubunits: z.enum(['true', 'false']).optional().meta({ title: '含下级单位' }),
  role: roleName.optional().meta({ title: '角色' }),
  status: z.enum(['active', 'disabled', 'locked']).optional().meta({ title: '状态' }),
  ...pageQuery,
});
export type UserListQuery = z.infer<typeof userListQuery>;

export const unmaskInput = z.strictObject({
  field: z.enum(['phone', 'idNumber'], { error: '字段（field）只能是 phone 或 idNumber' }).meta({ title: '字段' }),
});

export interface UserView {
  id: string;
  username: string;
  name: string;
  unitId: string;
  unitName: string;
  unitCode: string;
  roles: string[];
  phone: string | null;
  idNumber: string | null;
  disabled: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  passwordChangedAt: string;
  /** A reset asked by the system administrator, waiting for the security administrator's confirmation (an account that holds roles). */
  passwordResetRequestedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  actions: string[];
}

export const roleOptions = ROLE_NAMES.map((r) => ({ value: r, label: ROLES[r] }));

/** A password reset's outcome: the one-time password to hand over, or a request waiting for the security administrator. */
export const resetPasswordResult = z.object({
  initialPassword: z.string().nullable().meta({ title: '一次性密码（仅此一次显示；待确认或驳回时为空）' }),
  pending: z.boolean().meta({ title: '已提出申请，待安全管理员确认' }),
});
