// Audit supervision — 审计监督 (domain.md §2.13): audit projects of an audited unit and the problems
// they find (amounts in fen); each finding is rectified by the audited unit with evidence and verified
// by the law office, and sits in the unit's problem pool until then.
import { z } from '../zod.ts';
import { defineRecord, f, listQuery, updateInput, type DueView, type RecordView, type StatusView } from '../records.ts';
import { rectificationLoop, stateLabels, statusFilter, steplessWorkflow, workflowOf } from '../workflow.ts';

export const AUDIT_PROJECT_RECORD_TYPE = 'audit_project';
export const AUDIT_FINDING_RECORD_TYPE = 'audit_finding';
export const AUDIT_KINDS = { economic_responsibility: '经济责任审计', policy: '政策跟踪审计', budget: '预算执行审计', investment: '投资审计', special: '专项审计' } as const;
export type AuditKind = keyof typeof AUDIT_KINDS;
export const AUDIT_FINDING_CATEGORIES = ['违规使用资金', '资金管理不规范', '未按规定履行程序', '损失浪费', '会计核算不规范', '其他'] as const;

/** 审计项目: the audited unit (owner for data scope), kind, title, the report's date. */
export const AUDIT_PROJECT = defineRecord({
  type: AUDIT_PROJECT_RECORD_TYPE,
  title: '审计项目',
  table: 'audit_projects',
  fields: {
    title: f.text('项目名称', { max: 200, required: true, list: true, sort: true, search: true, detail: false, example: '原县农业农村局局长任期经济责任审计' }),
    unitId: f.unit('被审计单位', { required: true, list: true, filter: true, example: 'SFX-D14' }),
    kind: f.enum('审计类型', AUDIT_KINDS, { required: true, list: true, filter: true, sort: true, example: '经济责任审计' }),
    date: f.date('审计报告日期', { required: true, notAfterToday: true, list: true, filter: true, sort: true, example: '2025-06-30' }),
    period: f.text('审计期间', { max: 50, importName: false, list: true, note: '如 2022年1月—2024年12月', example: '2022—2024年' }),
    auditor: f.text('审计机关', { max: 100, importName: false, note: '默认县审计局' }),
  },
});
/** What a correction of an audit project may change (not the audited unit: another unit's audit is registered anew). */
export const AUDIT_PROJECT_CORRECTABLE = ['title', 'kind', 'date', 'period', 'auditor'] as const;
export const auditProjectUpdate = updateInput(AUDIT_PROJECT, {}, AUDIT_PROJECT_CORRECTABLE);
/** An audit project is registered as done (its report issued); it has no steps of its own. */
export const AUDIT_PROJECT_WORKFLOW = steplessWorkflow(AUDIT_PROJECT, { readPermission: 'audits.read', linkPrefix: '/audits/' }, { key: 'reported', label: '已出具审计报告' });

/** 审计发现的问题: its project (and so its unit), what and how much; rectification and verification through the workflow. */
export const AUDIT_FINDING = defineRecord({
  type: AUDIT_FINDING_RECORD_TYPE,
  title: '审计发现问题',
  table: 'audit_findings',
  fields: {
    projectId: f.record('审计项目', { required: true, display: 'projectTitle', list: true, note: '所属审计项目的外部编号（先导入审计项目）', example: 'SJ-2025-01' }),
    unitId: f.unit('被审计单位', { input: false, importName: false, list: true, filter: true }),
    description: f.longText('问题描述', { max: 2000, required: true, list: true, search: true, example: '专项资金未按规定用途使用' }),
    category: f.text('问题类别', { max: 50, suggest: AUDIT_FINDING_CATEGORIES, list: true, sort: true, importName: false }),
    amountFen: f.money('涉及金额', { list: true, sort: true, note: '单位：分（整数）；可空（无金额的管理问题）', example: '1250000' }),
    foundDate: f.date('发现日期', { input: false, importName: false, sort: true, note: '即审计报告日期' }),
    measures: f.longText('整改措施及结果', { input: false, importName: false, export: false }),
    rectifiedDate: f.date('整改完成日期', { input: false, notBefore: ['foundDate'], list: true, sort: true, note: '可空；填写的按已整改并经核查销号登记；不能早于审计报告日期', example: '2025-09-30' }),
    verifiedDate: f.date('核查日期', { input: false, importName: false, notBefore: ['rectifiedDate'] }),
    verifyNote: f.longText('核查情况', { input: false, importName: false, export: false }),
  },
});

export const AUDIT_FINDING_WORKFLOW = workflowOf(AUDIT_FINDING, {
  titleColumn: 'description',
  readPermission: 'audits.read',
  linkPrefix: '/audit-findings/',
  ...rectificationLoop({ reviewers: ['law_office'], verify: { label: '核查销号', field: 'verifyNote', column: 'verify_note', text: '核查情况' } }),
});
export const AUDIT_FINDING_STATUSES = stateLabels(AUDIT_FINDING_WORKFLOW);

export const auditFindingUpdate = updateInput(AUDIT_FINDING, {}, ['description', 'category', 'amountFen']);

export const auditProjectListQuery = listQuery(AUDIT_PROJECT);
export const auditFindingListQuery = listQuery(AUDIT_FINDING, {
  ...statusFilter(AUDIT_FINDING_WORKFLOW),
  projectId: z.string().trim().max(64).optional().meta({ title: '审计项目' }),
  year: z.coerce.number({ error: '年度（year）应为整数' }).int().min(1949).max(2100).optional().meta({ title: '年度（按审计报告日期）' }),
});

export type AuditProjectView = RecordView<typeof AUDIT_PROJECT.fields> & StatusView & { unitName: string; findings: number; amountFen: number; open: number };
export type AuditFindingView = RecordView<typeof AUDIT_FINDING.fields> & StatusView & DueView & { title: string; unitName: string; projectTitle: string };
