// Roles and the kernel's permissions. Modules add their own permissions in their manifests.

export const ROLES = {
  sys_admin: '系统管理员',
  sec_admin: '安全管理员',
  audit_admin: '审计管理员',
  law_office: '法治办工作人员',
  inspector: '督察员',
  reviewer: '合法性审核员',
  unit_liaison: '单位联络员',
  unit_head: '单位负责人',
  enforcement_officer: '执法人员',
  leader: '县领导',
} as const;

export type Role = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as Role[];

/** 等保 三员分立: an account holds at most one of these, and no business role beside it. */
export const ADMIN_ROLES: readonly Role[] = ['sys_admin', 'sec_admin', 'audit_admin'];
export const BUSINESS_ROLES: readonly Role[] = ROLE_NAMES.filter((r) => !ADMIN_ROLES.includes(r));

/** Roles whose data scope is the whole platform rather than their unit's subtree (a legality reviewer reviews every unit's drafts). */
export const ALL_SCOPE_ROLES: readonly Role[] = ['law_office', 'inspector', 'reviewer', 'leader', 'sys_admin', 'sec_admin'];

/** Who handles a unit's records: the law office, and the unit's liaison and head. */
export const OFFICE_AND_UNIT: readonly Role[] = ['law_office', 'unit_liaison', 'unit_head'];
/** A unit's own liaison and head. */
export const UNIT_STAFF: readonly Role[] = ['unit_liaison', 'unit_head'];

export function isRole(value: string): value is Role {
  return Object.hasOwn(ROLES, value);
}

/** Kernel permissions and the roles granted each. */
export const KERNEL_PERMISSIONS = {
  'org.read': [...BUSINESS_ROLES, 'sys_admin', 'sec_admin'],
  'org.manage': ['sys_admin'],
  'user.read': ['sys_admin', 'sec_admin', 'law_office', 'unit_head'],
  // 三员分立: the system administrator creates and maintains accounts (and so learns one-time
  // passwords) but grants no role; the security administrator grants roles but creates no account.
  // A reset of an account that holds roles is asked by the system administrator and carried out by
  // the security administrator, so neither alone can give themselves a usable account with a role.
  'user.manage': ['sys_admin'],
  'user.grant': ['sec_admin'],
  'user.grant_admin': ['sec_admin'],
  'user.import': ['sys_admin', 'sec_admin'],
  'user.unlock': ['sys_admin', 'sec_admin'],
  'pii.unmask': ['law_office'],
  'audit.read': ['audit_admin'],
  'attachment.read': [...BUSINESS_ROLES],
  'attachment.upload': BUSINESS_ROLES.filter((r) => r !== 'leader'),
  'calendar.read': [...BUSINESS_ROLES, 'sys_admin'],
  'calendar.manage': ['sys_admin', 'law_office'],
  'deadline_rule.manage': ['law_office'],
  'clock.manage': ['law_office'],
  'clock.extend': ['law_office', 'unit_head'],
  'jobs.run': ['sys_admin', 'law_office'],
  'indicator.read': ['law_office', 'leader', 'unit_head', 'unit_liaison', 'inspector'],
  'problem.read': ['law_office', 'leader', 'unit_head', 'inspector', 'unit_liaison'],
  'problem.manage': ['law_office'],
  'case_number.read': ['law_office', 'leader', 'unit_head', 'unit_liaison', 'inspector', 'reviewer', 'sys_admin'],
  'case_number.manage': ['law_office'],
  'document_template.manage': ['law_office'],
} satisfies Record<string, readonly Role[]>;

export type KernelPermission = keyof typeof KERNEL_PERMISSIONS;

export const PERMISSION_LABELS: Record<string, string> = {
  'org.read': '查看组织机构',
  'org.manage': '管理组织机构',
  'user.read': '查看用户',
  'user.manage': '管理用户账号（创建、修改资料、重置密码、停用）',
  'user.grant': '授予或收回角色',
  'user.grant_admin': '授予管理员角色',
  'user.import': '批量导入用户（系统管理员导入账号，安全管理员导入角色）',
  'user.unlock': '解锁账号',
  'pii.unmask': '查看完整个人信息',
  'audit.read': '查看审计日志',
  'attachment.read': '查看台账材料',
  'attachment.upload': '上传台账材料',
  'calendar.read': '查看工作日历与期限规则',
  'calendar.manage': '维护工作日历（节假日与调休）',
  'deadline_rule.manage': '维护法定期限规则',
  'clock.manage': '暂停、恢复、重新计算、停止期限',
  'clock.extend': '批准延长期限',
  'jobs.run': '手动执行每日督办任务',
  'indicator.read': '查看指标与统计',
  'problem.read': '查看问题池',
  'problem.manage': '问题池销号',
  'case_number.read': '查看编号规则',
  'case_number.manage': '设置案号、文号的编号规则',
  'document_template.manage': '替换文书模板',
};
