import { z, pageQuery } from '../zod.ts';

export const auditQuery = z.strictObject({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}/, { error: '起始时间（from）格式应为 YYYY-MM-DD' }).optional().meta({ title: '起始时间' }),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}/, { error: '截止时间（to）格式应为 YYYY-MM-DD' }).optional().meta({ title: '截止时间' }),
  actor: z.string().trim().max(64).optional().meta({ title: '操作人' }),
  action: z.string().trim().max(64).optional().meta({ title: '操作' }),
  outcome: z.enum(['success', 'failure', 'denied']).optional().meta({ title: '结果' }),
  targetType: z.string().trim().max(64).optional().meta({ title: '对象类型' }),
  targetId: z.string().trim().max(64).optional().meta({ title: '对象编号' }),
  ip: z.string().trim().max(64).optional().meta({ title: 'IP 地址' }),
  ...pageQuery,
});
export type AuditQuery = z.infer<typeof auditQuery>;

export interface AuditRow {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRoles: string;
  unitId: string | null;
  unitName: string | null;
  ip: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  /** The kind of target in Chinese (重点任务, 用户…) and its name or title, when it has one. */
  targetLabel: string | null;
  targetName: string | null;
  outcome: string;
  detail: unknown;
}

/** Chinese names of audit actions, for the viewer. */
export const AUDIT_ACTIONS: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出',
  'auth.lock': '账号锁定',
  'auth.password_change': '修改密码',
  'auth.totp_setup': '开始绑定身份验证器',
  'auth.totp_enable': '绑定身份验证器',
  'auth.recovery_codes': '重新生成恢复码',
  'access.denied': '越权访问被拒',
  'org.unit.create': '新建单位',
  'org.unit.update': '修改单位',
  'org.unit.move': '移动单位',
  'org.unit.deactivate': '停用单位',
  'org.unit.activate': '启用单位',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.reset_password': '重置密码',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'user.unlock': '解锁账号',
  'user.roles': '授予或收回角色',
  'user.totp_reset': '重置两步验证',
  'pii.unmask': '查看完整个人信息',
  'attachment.upload': '上传材料',
  'attachment.download': '下载材料',
  'import.run': '批量导入',
  'export.run': '导出',
  'audit.verify': '校验审计日志',
  'system.init': '系统初始化',
  'system.demo': '载入演示数据',
  'system.restore': '恢复备份',
  'system.backup': '备份',
  'calendar.override': '调整工作日历',
  'calendar.override_delete': '删除日历调整',
  'calendar.announce': '录入年度放假安排',
  'calendar.unannounce': '撤销年度放假安排',
  'deadline_rule.create': '新增期限规则',
  'deadline_rule.update': '修改期限规则',
  'clock.start': '开始计时',
  'clock.pause': '暂停计时',
  'clock.resume': '恢复计时',
  'clock.restart': '重新计时',
  'clock.extend': '延长期限',
  'clock.stop': '停止计时',
  'clock.move': '调整指定期限',
  'clock.escalate': '逾期督办',
  'workflow.transition': '流程操作',
  'job.daily': '每日任务',
  'job.run': '手动执行每日任务',
  'matter.create': '交办事项',
  'matter.update': '修改交办事项',
  'plan.create': '新建分工方案',
  'plan.update': '修改分工方案',
  'plan.copy': '复制分工方案',
  'task.create': '下达任务',
  'task.update': '修改任务',
  'task.progress': '报告任务进展',
  'inspection.create': '安排督察',
  'inspection.update': '修改督察',
  'finding.create': '记录督察问题',
  'finding.interview': '记录约谈',
  'notice.create': '印发通报/督办单',
  'review.create': '登记复议申请',
  'review.committee': '记录咨询委员会意见',
  'review.deemed_accepted': '复议申请期满视为受理',
  'foi.create': '登记政府信息公开申请',
  'problem.close': '问题池销号',
  'litigation.create': '登记应诉案件',
  'litigation.hearing': '登记开庭',
  'litigation.analysis': '填写败诉原因剖析',
  'proposal.create': '交办建议提案',
  'mediation.org_create': '登记调解组织',
  'mediation.dispute_create': '受理矛盾纠纷',
  'mediation.org_update': '修改调解组织',
  'mediation.dispute_update': '修改矛盾纠纷',
  'public.submit': '群众在线提交申请',
  'public.supplement': '群众在线补正',
  'public.release': '向申请人发送文书',
  'public.download': '申请人下载文书',
  'public.file.download': '下载公开文书',
  'foi.update': '修改政府信息公开申请',
  'litigation.update': '修改应诉案件',
  'review.update': '修改复议案件',
  'task.status': '调整任务状态',
  'finding.update': '修改督察问题',
  'proposal.update': '修改建议提案',
  'proposal.reply': '答复建议提案',
  'annual_report.create': '起草年度报告',
  'annual_report.update': '修改年度报告',
  'annual_report.refresh': '刷新报告数字',
  'enforcement.body_create': '登记执法主体',
  'enforcement.body_update': '修改执法主体',
  'enforcement.power_add': '增加执法职权',
  'enforcement.power_remove': '移除执法职权',
  'enforcement.list_item_create': '登记清单事项',
  'enforcement.list_item_update': '修改清单事项',
  'enforcement.list_item_repeal': '废止清单事项',
  'enforcement.officer_create': '登记执法人员',
  'enforcement.officer_update': '修改执法人员',
  'enforcement.settings': '修改执法设置',
  'enforcement.training': '记录执法培训',
  'legal_review.create': '登记合法性审查事项',
  'legal_review.update': '修改合法性审查事项',
  'normative.create': '起草规范性文件',
  'normative.text': '更新规范性文件文本',
  'normative.flag': '处理预审提示',
  'normative.rule.create': '新增预审规则',
  'normative.rule.update': '修改预审规则',
};
