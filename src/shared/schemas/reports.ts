// 法治政府建设年度报告 (domain.md §2.4): one per unit per year, and the county's. Sections follow the
// required content; the draft fills them with figures that stay linked to their indicators.
import { z, version } from '../zod.ts';
import { createInput, defineRecord, f, fieldSchema, listQuery, updateInput, viewSchema, type DueView, type RecordDef, type RecordView } from '../records.ts';
import { stateLabels, type WorkflowState, workflowOf } from '../workflow.ts';
import { UNIT_STAFF } from '../roles.ts';
import type { ClockView } from './calendar.ts';
import type { TimelineEntryView } from '../workflow.ts';

export const REPORT_RECORD_TYPE = 'annual_report';

/** The download name of a report's .docx or .pdf. */
export const reportFileName = (r: { unitName: string; year: number }, extension: 'docx' | 'pdf') => `${r.unitName}${r.year}年度法治政府建设情况报告.${extension}`;

/** 成文日期 as an official document writes it: 2026-03-20 → 2026年3月20日. */
export const chineseDate = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** Sections (法治政府建设与责任落实督察工作规定; domain.md §2.4): level-1 headings, and the areas of the measures. */
export interface ReportSectionDef {
  key: string;
  level: 1 | 2;
  heading: (year: number) => string;
  /** Indicators whose figures the draft writes into the section. */
  indicators: readonly string[];
  /** What staff should write around the figures. */
  guide: string;
}

export const REPORT_SECTIONS: readonly ReportSectionDef[] = [
  { key: 'measures', level: 1, heading: (y) => `一、${y}年推进法治政府建设的主要举措和成效`, indicators: [], guide: '概述全年推进法治政府建设的总体情况。' },
  { key: 'measures.tasks', level: 2, heading: () => '（一）统筹推进法治政府建设重点任务', indicators: ['tasks.total', 'tasks.completed', 'tasks.completion_rate'], guide: '重点任务的部署、推进和完成情况。' },
  { key: 'measures.supervision', level: 2, heading: () => '（二）强化法治督察和整改落实', indicators: ['inspections.count', 'inspections.findings', 'inspections.rectified', 'inspections.rectification_rate', 'inspections.interviews'], guide: '督察的方式、发现的问题和整改销号情况。' },
  { key: 'measures.review', level: 2, heading: () => '（三）发挥行政复议化解行政争议主渠道作用', indicators: ['review.received', 'review.accepted', 'review.mediated', 'review.decided', 'review.corrected', 'review.correction_rate'], guide: '复议案件的受理、审理、调解和纠错情况。' },
  { key: 'measures.litigation', level: 2, heading: () => '（四）规范行政应诉工作', indicators: ['litigation.cases', 'litigation.hearings', 'litigation.head_appeared', 'litigation.head_appearance_rate', 'litigation.judgments', 'litigation.lost', 'litigation.loss_rate'], guide: '应诉案件、负责人出庭应诉和败诉分析整改。' },
  { key: 'measures.foi', level: 2, heading: () => '（五）深化政务公开', indicators: ['foi.requests', 'foi.replied', 'foi.reply_rate', 'foi.on_time_rate'], guide: '主动公开和依申请公开的办理情况。' },
  { key: 'measures.proposals', level: 2, heading: () => '（六）认真办理人大代表建议和政协委员提案', indicators: ['proposals.total', 'proposals.npc', 'proposals.cppcc', 'proposals.replied', 'proposals.on_time_rate'], guide: '建议提案的办理、答复和满意情况。' },
  { key: 'measures.mediation', level: 2, heading: () => '（七）健全矛盾纠纷多元化解机制', indicators: ['mediation.disputes', 'mediation.success', 'mediation.success_rate', 'mediation.lawyer_participations'], guide: '人民调解、行政调解、司法调解联动化解纠纷情况。' },
  { key: 'measures.enforcement', level: 2, heading: () => '（八）严格规范公正文明执法', indicators: ['enforcement.officers', 'enforcement.certified', 'enforcement.supervisors', 'enforcement.certificates_issued', 'enforcement.list_no_penalty', 'enforcement.list_lighter', 'enforcement.list_mitigated', 'enforcement.list_no_coercion', 'enforcement.inspection_items', 'enforcement.inspection_items_key', 'enforcement.cases', 'enforcement.cases_penalty', 'enforcement.disclosed_on_time_rate', 'enforcement.cases_major', 'enforcement.major_reviewed_rate', 'enforcement.files_reviewed', 'enforcement.file_review_pass_rate', 'enforcement.supervisions', 'enforcement.supervision_opinions', 'enforcement.evaluations', 'enforcement.complaints', 'enforcement.complaints_on_time_rate', 'enforcement.transfers'], guide: '执法主体和执法人员资格管理、执法证件清理与发放、培训，四张清单和分类检查事项目录的公布情况；落实行政执法公示、执法全过程记录、重大执法决定法制审核制度；案卷评查、日常重点专项监督、执法评议和投诉举报办理等行政执法监督情况；涉嫌犯罪案件移送（两法衔接）情况。' },
  { key: 'measures.normative', level: 2, heading: () => '（九）加强行政规范性文件监督管理和合法性审查', indicators: ['docs.reviewed', 'docs.issued', 'docs.filed', 'docs.filed_on_time_rate', 'docs.in_force', 'legal_review.contracts', 'legal_review.other', 'legal_review.opinions', 'docs.cleanup_flagged', 'advisors.count', 'advisors.engagements'], guide: '规范性文件合法性审查、“三统一”公布、报送备案和清理情况；政府合同和其他涉法事务的合法性审查、书面审查意见；法律顾问、公职律师作用发挥情况。' },
  { key: 'measures.decisions', level: 2, heading: () => '（十）坚持科学民主依法决策', indicators: ['decisions.catalog_items', 'decisions.decided', 'decisions.procedure_compliance_rate', 'decisions.consultation_events', 'decisions.public_comments', 'decisions.post_evaluated'], guide: '重大行政决策事项目录的编制和公布；公众参与（公开征求意见、听证会、座谈会）、专家论证、风险评估、合法性审查、集体讨论决定等法定程序的落实；决策公布、执行和决策后评估情况。' },
  { key: 'measures.services', level: 2, heading: () => '（十一）深化“放管服”改革，优化政务服务', indicators: ['services.items', 'services.max_one_visit_rate', 'services.online_rate', 'services.zero_visit_items', 'services.time_compression_rate', 'services.cases', 'services.good_rating_rate', 'services.bad_ratings', 'services.bad_rating_fix_rate'], guide: '政务服务事项清单的编制和动态调整，“最多跑一次”、网上可办、“零跑腿”和审批时限压缩情况；办件量；政务服务“好差评”的评价、差评回访整改和核验情况。' },
  { key: 'measures.audits', level: 2, heading: () => '（十二）自觉接受审计监督', indicators: ['audit.projects', 'audit.findings', 'audit.amount_fen', 'audit.rectified', 'audit.rectification_rate'], guide: '配合开展经济责任、预算执行、政策跟踪、投资和专项审计，审计发现问题的整改和核查销号情况。' },
  { key: 'measures.pufa', level: 2, heading: () => '（十三）深入开展法治宣传教育', indicators: ['pufa.duty_lists', 'pufa.activities', 'pufa.audience', 'pufa.legal_literates', 'pufa.model_villages_national', 'pufa.model_villages_provincial'], guide: '落实“谁执法谁普法”普法责任制和年终履职评议，开展主题普法活动，培育“法律明白人”，创建民主法治示范村（社区）。' },
  { key: 'measures.study', level: 2, heading: () => '（十四）推动领导干部学法用法', indicators: ['study.sessions', 'study.trainings', 'study.training_attendance', 'study.exam_takers'], guide: '政府常务会议会前学法、党组（党委）理论学习中心组学法、领导干部法治专题培训和法治理论考试情况。' },
  { key: 'measures.legal_services', level: 2, heading: () => '（十五）完善公共法律服务体系', indicators: ['legal_aid.cases', 'legal_aid.closed', 'legal_aid.wages_recovered_fen', 'notary.cases', 'legal_services.consultations', 'legal_services.stations', 'legal_services.elderly_stations'], guide: '法律援助、公证、法律咨询等公共法律服务的提供情况，公共法律服务中心（站、室）和老年人法律服务站建设。' },
  { key: 'shortcomings', level: 1, heading: () => '二、存在的不足和原因', indicators: ['tasks.overdue', 'review.corrected', 'litigation.lost'], guide: '对照任务和督察发现的问题，实事求是分析不足及其原因。' },
  { key: 'duty', level: 1, heading: () => '三、党政主要负责人履行推进法治建设第一责任人职责情况', indicators: ['litigation.head_appearance_rate'], guide: '主要负责人研究部署、带头学法述法、出庭应诉等情况。' },
  { key: 'next_year', level: 1, heading: (y) => `四、${y + 1}年推进法治政府建设的主要安排`, indicators: [], guide: '下一年度的工作思路和主要措施。' },
  { key: 'other', level: 1, heading: () => '五、其他需要报告的事项', indicators: [], guide: '其他需要说明的情况（无则写“无”）。' },
];

export const REPORT_KINDS = { county: '县政府', unit: '部门、乡镇' } as const;

const REPORT_STATES: Record<string, WorkflowState> = {
  draft: { label: '起草中', tone: 'default' },
  in_approval: { label: '待主要负责人审定', tone: 'processing' },
  approved: { label: '主要负责人已审定', tone: 'processing' },
  submitted: { label: '已报送县政府', tone: 'warning' },
  reported: { label: '已向党委、人大报告', tone: 'warning' },
  published: { label: '已向社会公开', tone: 'success', final: true },
};
export const REPORT_STATUSES = stateLabels({ states: REPORT_STATES });

/**
 * 年度报告: one per unit and year (the year finds it within its unit, as a ref would), its text the
 * sections (JSON beside the fields); its status and dates come through the workflow.
 */
export const REPORT = defineRecord({
  type: REPORT_RECORD_TYPE,
  title: '年度报告',
  table: 'annual_reports',
  key: 'year',
  fields: {
    year: f.integer('报告年度', { required: true, list: true, sort: true, note: '草稿自动写入本单位该年度的统计数字及同比变化；数字与指标保持关联，记录变化后会提示刷新。' }),
    unitId: f.unit('单位', { required: true, list: true, filter: true, note: '县政府的报告统计全县（含所有部门、乡镇）；部门、乡镇的报告统计本单位及下级。' }),
    kind: f.enum('类别', REPORT_KINDS, { required: true, input: false, list: true }),
    // The title and the status head the detail page (the document's title, the status tag).
    title: f.text('标题', { max: 200, required: true, search: true, detail: false }),
    issuer: f.text('发文机关', { max: 100, required: true, search: true }),
    issuedDate: f.date('成文日期', { list: true, sort: true }),
    status: f.enum('状态', REPORT_STATUSES, { required: true, input: false, filter: true, detail: false }),
    approvedDate: f.date('审定日期', { input: false }),
    publishedDate: f.date('公开日期', { basis: '《法治政府建设与责任落实督察工作规定》（2019年）：法治政府建设年度报告每年4月1日之前通过报刊、网站等新闻媒体向社会公开', input: false, notBefore: ['issuedDate', 'approvedDate'], list: true, sort: true }),
    // Shown with its light beside the fields (the publication clock).
    publishDue: f.date('公开期限', { basis: '《法治政府建设与责任落实督察工作规定》（2019年）：每年4月1日之前向社会公开', required: true, input: false, detail: false }),
  },
});

export const REPORT_WORKFLOW = workflowOf(REPORT, {
  title: '法治政府建设年度报告',
  readPermission: 'report.read',
  linkPrefix: '/reports/',
  states: REPORT_STATES,
  transitions: [
    // The clerk who drafted it sends it to the head; the text is frozen until approved or returned.
    { key: 'send', label: '送主要负责人审定', from: ['draft'], to: 'in_approval', roles: ['unit_liaison', 'law_office'], check: (r, actor) => (actor.roles.includes('unit_liaison') && actor.unitId !== r.unit_id ? '只能送审本单位的年度报告' : null) },
    // The head of the report's own unit (its 第一责任人), not the head of a unit above it.
    { key: 'approve', label: '主要负责人审定', from: ['draft', 'in_approval'], to: 'approved', roles: ['unit_head'], dateColumn: 'approved_date', check: (r, actor) => (actor.unitId !== r.unit_id ? '年度报告由本单位主要负责人审定' : null) },
    { key: 'submit', label: '报送县政府（法治办）', from: ['approved'], to: 'submitted', roles: UNIT_STAFF, check: (r) => (r.kind === 'county' ? '县政府的年度报告向党委和人大常委会报告，不报送' : null) },
    { key: 'report', label: '向党委、人大常委会报告', from: ['approved'], to: 'reported', roles: ['law_office', 'unit_head'], check: (r) => (r.kind !== 'county' ? '部门、乡镇的年度报告报送县政府，不直接向党委、人大报告' : null) },
    {
      key: 'publish',
      label: '向社会公开',
      from: ['submitted', 'reported'],
      to: 'published',
      roles: ['law_office', 'unit_head'],
      dateColumn: 'published_date',
      effects: [{ stop: 'publish', reason: '已公开' }],
      check: (r, actor) => (!actor.roles.includes('law_office') && actor.unitId !== r.unit_id ? '只能公开本单位的年度报告' : null),
    },
    { key: 'return', label: '退回修改', from: ['in_approval', 'approved', 'submitted', 'reported'], to: 'draft', roles: ['unit_head', 'law_office'], noteRequired: true, danger: true, secondary: true },
  ],
});

const html = z.string({ error: '正文必须是文本' }).max(200_000, { error: '正文过长（最多 200000 个字符）' });

/** The report year keeps its range (a draft counts that year's figures); the disclosure report's too. */
export const reportYear = z.number({ error: '报告年度应为整数' }).int({ error: '报告年度应为整数' }).min(2000, { error: '报告年度应在 2000–2100 之间' }).max(2100, { error: '报告年度应在 2000–2100 之间' }).meta({ title: '报告年度' });

/** What drafting asks for, the unit and the year (the title, issuer and text are drafted from them): the create input and the draft form. */
export const REPORT_DRAFT: RecordDef<Pick<typeof REPORT.fields, 'unitId' | 'year'>> = { ...REPORT, fields: { unitId: REPORT.fields.unitId, year: REPORT.fields.year } };
export const reportCreateInput = createInput(REPORT_DRAFT, { year: reportYear });
export type ReportCreateInput = z.infer<typeof reportCreateInput>;

export const reportUpdateInput = updateInput(
  REPORT,
  {
    // Sent as null to clear the date: the key stays required, as the editor always sends it.
    issuedDate: fieldSchema('issuedDate', { ...REPORT.fields.issuedDate, required: true }).nullable(),
    sections: z
      .array(z.strictObject({ key: z.string().max(64).meta({ title: '章节' }), html }), { error: '章节（sections）必须是列表' })
      .max(REPORT_SECTIONS.length, { error: '章节（sections）过多' })
      .meta({ title: '章节' }),
  },
  ['title', 'issuer'],
);
export type ReportUpdateInput = z.infer<typeof reportUpdateInput>;

export const reportRefreshInput = z.strictObject({
  version,
  codes: z.array(z.string().max(64)).max(200).optional().meta({ title: '只刷新这些指标（缺省：全部）' }),
});

/** A ledger's report-year filter. */
export const reportYearFilter = z.coerce.number({ error: '年度（year）应为整数' }).int({ error: '年度（year）应为整数' }).min(2000, { error: '年度（year）不能早于 2000' }).max(2100, { error: '年度（year）不能晚于 2100' }).optional().meta({ title: '报告年度' });
export const reportListQuery = listQuery(REPORT, { year: reportYearFilter });
export type ReportListQuery = z.infer<typeof reportListQuery>;

export const publicReportQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional().meta({ title: '年度' }),
  unit: z.string().max(64).optional().meta({ title: '单位编码' }),
});

export interface ReportSection {
  key: string;
  level: 1 | 2;
  heading: string;
  guide: string;
  html: string;
}

/** A figure in a report's text, with the indicator's value now. */
export interface ReportFigure {
  code: string;
  name: string;
  part: 'value' | 'yoy';
  stored: number | null;
  current: number | null;
  /** The words each value reads as in the text ("16件", "较去年下降13%"). */
  storedText: string;
  currentText: string;
  stale: boolean;
}

/** What the ledgers of both annual reports (法治政府建设, 政府信息公开) show beside a report's fields. */
export const annualReportViewFields = {
  unitName: z.string().meta({ title: '单位名称' }),
  unitCode: z.string().meta({ title: '单位编码' }),
  statusLabel: z.string().meta({ title: '状态名称' }),
  due: z.string().nullable().meta({ title: '公开期限（期限届满日）' }),
  light: z.enum(['green', 'yellow', 'red']).nullable().meta({ title: '红黄绿灯' }),
  updatedAt: z.string().meta({ title: '最后修改' }),
};
export type AnnualReportViewFields = DueView & { unitName: string; unitCode: string; statusLabel: string; updatedAt: string };

/** What an annual report's detail adds last: its publication clock and its timeline. */
export const annualReportHistoryFields = {
  clocks: z.array(z.looseObject({ key: z.string(), status: z.string() })).meta({ title: '期限' }),
  timeline: z.array(z.looseObject({ label: z.string() })).meta({ title: '办理记录' }),
};
export type AnnualReportHistory = { clocks: ClockView[]; timeline: TimelineEntryView[] };

/** What the API answers for a report in the ledger (the OpenAPI document's response schema). */
export const reportView = viewSchema(REPORT, annualReportViewFields);

export type ReportView = RecordView<typeof REPORT.fields> & AnnualReportViewFields;

/** A report with its text, the figures in it against the indicators now, its clock and timeline. */
export const reportDetailView = reportView.extend({
  sections: z.array(z.object({ key: z.string(), level: z.number().int(), heading: z.string(), guide: z.string(), html: z.string() })).meta({ title: '章节' }),
  figures: z.array(z.looseObject({ code: z.string(), part: z.string(), stale: z.boolean() })).meta({ title: '文中数字' }),
  staleCount: z.number().int().meta({ title: '过期数字数' }),
  ...annualReportHistoryFields,
});

export type ReportDetail = ReportView & AnnualReportHistory & {
  sections: ReportSection[];
  figures: ReportFigure[];
  staleCount: number;
};

/** An annual report published on the portal (法治政府建设 or 政府信息公开). */
export interface PublishedAnnualReport {
  id: string;
  unitName: string;
  unitCode: string;
  year: number;
  title: string;
  issuer: string;
  issuedDate: string | null;
  publishedDate: string | null;
}

export interface PublicReport extends PublishedAnnualReport {
  sections?: { level: 1 | 2; heading: string; html: string }[];
}
