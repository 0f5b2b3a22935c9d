// Normative documents — 行政规范性文件 (domain.md §2.6): drafted by a unit, checked before review,
// reviewed for legality against the four standards, deliberated collectively, registered, numbered
// and published together (三统一), filed with the bodies above within `normdoc.filing`, in force
// until amended, repealed or expired. Every saved text is kept as a version.
import { statusFilter, stops, workflowOf } from '../workflow.ts';
import { OFFICE_AND_UNIT } from '../roles.ts';
import { z, text, version, labelledEnum, isoDate } from '../zod.ts';
import { createInput, defineRecord, f, listQuery, writes, type DueView, type RecordView, type StatusView } from '../records.ts';
import type { ClockView } from './calendar.ts';

export const NORMDOC_RECORD_TYPE = 'normative_doc';

/** A finding on one of the four standards of the legality review (制定主体、权限、内容、程序). */
export const FINDINGS = { compliant: '符合', amended: '经修改后符合', noncompliant: '不符合' } as const;
export const REVIEW_STANDARDS = { subject: '制定主体', authority: '制定权限', content: '文件内容', procedure: '制定程序' } as const;
export const REVIEW_CONCLUSIONS = { approve: '同意提请审议', amend: '修改后提请审议' } as const;
export const FILING_FEEDBACK = { no_objection: '无异议', correct: '纠正' } as const;
/** The two bodies a published document is filed with, each within `normdoc.filing` (a clock each). */
export const FILING_BODIES = { government: '上一级人民政府', congress: '本级人大常委会' } as const;
/** The states an import row names (the workflow's intermediate states are reached in the app). */
export const IMPORT_STATUSES = { draft: '起草中', in_force: '现行有效', amended: '已修改', repealed: '已废止', expired: '已失效' } as const;

const findingsInput = Object.fromEntries(
  Object.entries(REVIEW_STANDARDS).map(([key, label]) => [`${key}Finding`, labelledEnum(FINDINGS, label, `${key}Finding`)]),
) as unknown as Record<`${keyof typeof REVIEW_STANDARDS}Finding`, z.ZodType<keyof typeof FINDINGS>>;

/** 出具合法性审查意见: a finding on each standard, the conclusion and the written opinion. */
export const reviewInput = z
  .strictObject({
    ...findingsInput,
    conclusion: labelledEnum(REVIEW_CONCLUSIONS, '审查结论', 'conclusion'),
    opinion: text('审查意见', 5000),
  })
  .superRefine((v, ctx) => {
    const failed = Object.keys(REVIEW_STANDARDS).find((key) => (v as Record<string, unknown>)[`${key}Finding`] === 'noncompliant');
    if (failed) ctx.addIssue({ code: 'custom', path: [`${failed}Finding`], message: '为“不符合”的，应退回起草单位修改，不能出具同意提请审议的意见' });
  });

/** 规范性文件: what the drafting unit enters; the review, numbers, dates and filing come through the workflow. */
export const NORMATIVE_DOC = defineRecord({
  type: NORMDOC_RECORD_TYPE,
  title: '规范性文件',
  table: 'normative_docs',
  fields: {
    title: f.text('文件名称', { max: 200, required: true, list: true, sort: true, search: true, detail: false, example: '示范县农村集体资产管理办法（试行）' }),
    unitId: f.unit('起草单位', { required: true, list: true, filter: true, example: 'SFX-D05' }),
    docNumber: f.text('文号', { max: 64, input: false, list: true, sort: true, search: true, example: '示范县政规〔2025〕3号' }),
    registerNumber: f.text('统一登记号', { max: 64, input: false, search: true, example: 'SFX-2025-0003' }),
    reviewedDate: f.date('合法性审查完成日期', { input: false, sort: true, example: '2025-03-10' }),
    deliberatedDate: f.date('集体审议日期', { input: false, importName: false }),
    deliberationMeeting: f.text('审议会议', { max: 200, input: false, importName: false }),
    issuedDate: f.date('公布日期', { input: false, list: true, filter: true, sort: true, note: '不早于合法性审查完成日期', example: '2025-04-01' }),
    validUntil: f.date('有效期至', { basis: '省级行政规范性文件管理规定：有效期一般不超过5年，暂行、试行的不超过2年', input: false, list: true, sort: true, note: '不早于公布日期；一般不超过5年，暂行、试行不超过2年', example: '2030-03-31' }),
    validityReason: f.text('超过最长有效期的理由', { max: 500, input: false, importName: false }),
    filedDate: f.date('报政府备案日期', { basis: '省级行政规范性文件备案规定（可按本省规定调整）：自公布之日起30日内报送备案；参照《法规规章备案审查条例》（2024年修订）第四条', input: false, sort: true, notBefore: ['issuedDate'], note: '向上一级人民政府报送备案之日，不早于公布日期；导入时视为同日向本级人大常委会报送', example: '2025-04-20' }),
    filingBody: f.text('政府备案机关', { max: 200, input: false, importName: false }),
    filingFeedback: f.enum('政府备案审查意见', FILING_FEEDBACK, { input: false, importName: false }),
    congressFiledDate: f.date('报人大备案日期', { basis: '省级行政规范性文件备案规定（可按本省规定调整）：自公布之日起30日内报送本级人大常委会备案', input: false, importName: false, sort: true, notBefore: ['issuedDate'], note: '向本级人大常委会报送备案之日' }),
    congressFilingBody: f.text('人大备案机关', { max: 200, input: false, importName: false }),
    congressFeedback: f.enum('人大备案审查意见', FILING_FEEDBACK, { input: false, importName: false }),
    endedDate: f.date('失效日期', { input: false, importName: false, note: '修改、废止或失效之日' }),
    consultation: f.longText('征求意见情况', { max: 3000, importName: false, export: false, note: '如：2026年3月1日至15日在县政府门户网站公开征求意见，收到意见5条，采纳3条' }),
    body: f.longText('正文', { max: 200000, detail: false, export: false, importName: false, search: true }),
  },
});

export const NORMDOC_WORKFLOW = workflowOf(NORMATIVE_DOC, {
  readPermission: 'normdoc.read',
  linkPrefix: '/normative-docs/',
  states: {
    draft: { label: '起草中', tone: 'default' },
    reviewing: { label: '合法性审查中', tone: 'processing' },
    deliberating: { label: '待集体审议', tone: 'processing' },
    approved: { label: '待登记公布', tone: 'warning' },
    in_force: { label: '现行有效', tone: 'success' },
    amended: { label: '已修改', tone: 'default', final: true },
    repealed: { label: '已废止', tone: 'error', final: true },
    expired: { label: '已失效', tone: 'default', final: true },
  },
  transitions: [
    { key: 'submit', label: '提交合法性审查', from: ['draft'], to: 'reviewing', roles: ['unit_liaison', 'unit_head', 'law_office'], check: (d) => (!d.body || !String(d.body).trim() ? '需先录入或上传文件正文' : null) },
    {
      key: 'review',
      label: '出具合法性审查意见',
      from: ['reviewing'],
      to: 'deliberating',
      roles: ['reviewer', 'law_office'],
      input: reviewInput as unknown as z.ZodObject,
      inputColumns: { subjectFinding: 'subject_finding', authorityFinding: 'authority_finding', contentFinding: 'content_finding', procedureFinding: 'procedure_finding', conclusion: 'review_conclusion', opinion: 'review_opinion' },
      dateColumn: 'reviewed_date',
      // The pre-review checks assist the reviewer: each flag is confirmed or dismissed before the opinion.
      check: (d) => (Number(d.open_flags ?? 0) > 0 ? `尚有 ${Number(d.open_flags)} 条预审提示未确认或排除` : null),
    },
    { key: 'return', label: '退回修改', from: ['reviewing', 'deliberating'], to: 'draft', roles: ['reviewer', 'law_office'], noteRequired: true, danger: true },
    { key: 'deliberate', label: '登记集体审议', from: ['deliberating'], to: 'approved', roles: ['law_office', 'unit_head'], ...writes({ meeting: text('审议会议', 200) }, { meeting: 'deliberation_meeting' }), dateColumn: 'deliberated_date' },
    {
      key: 'publish',
      label: '统一登记、编号并公布',
      from: ['approved'],
      to: 'in_force',
      roles: ['law_office'],
      input: z.strictObject({
        validUntil: isoDate('有效期至'),
        validityReason: text('超过最长有效期的理由', 500).optional(),
        docNumber: text('文号（不填按规则编号）', 64).optional(),
        registerNumber: text('统一登记号（不填按规则编号）', 64).optional(),
      }),
      inputColumns: { validUntil: 'valid_until', validityReason: 'validity_reason', docNumber: 'requested_doc_number', registerNumber: 'requested_register_number' },
      dateColumn: 'issued_date',
      effects: [
        { start: 'filing', label: '报政府备案期限', rule: 'normdoc.filing' },
        { start: 'filing_congress', label: '报人大备案期限', rule: 'normdoc.filing' },
      ],
    },
    {
      key: 'file',
      label: '报送上级政府备案',
      from: ['in_force'],
      to: 'in_force',
      roles: OFFICE_AND_UNIT,
      // A document stays in force after it is filed, so 我的待办 cannot tell filed from unfiled: the
      // filing clock's 红黄牌 and escalation carry the reminder instead.
      secondary: true,
      ...writes({ filingBody: text('备案机关', 200) }),
      dateColumn: 'filed_date',
      check: (d) => (d.filed_date ? `已于 ${String(d.filed_date)} 报送上级政府备案` : null),
      effects: [{ stop: 'filing', reason: '已报送上级政府备案' }],
    },
    {
      key: 'file_congress',
      label: '报送人大常委会备案',
      from: ['in_force'],
      to: 'in_force',
      roles: OFFICE_AND_UNIT,
      secondary: true,
      ...writes({ congressFilingBody: text('备案机关', 200) }),
      dateColumn: 'congress_filed_date',
      check: (d) => (d.congress_filed_date ? `已于 ${String(d.congress_filed_date)} 报送人大常委会备案` : null),
      effects: [{ stop: 'filing_congress', reason: '已报送人大常委会备案' }],
    },
    {
      key: 'feedback',
      label: '登记政府备案审查意见',
      from: ['in_force'],
      to: 'in_force',
      roles: ['law_office'],
      secondary: true,
      ...writes({ filingFeedback: labelledEnum(FILING_FEEDBACK, '备案审查意见', 'filingFeedback') }),
      check: (d) => (!d.filed_date ? '尚未报送上级政府备案' : d.filing_feedback ? '已登记上级政府的备案审查意见' : null),
    },
    {
      key: 'feedback_congress',
      label: '登记人大备案审查意见',
      from: ['in_force'],
      to: 'in_force',
      roles: ['law_office'],
      secondary: true,
      ...writes({ congressFeedback: labelledEnum(FILING_FEEDBACK, '备案审查意见', 'congressFeedback') }),
      check: (d) => (!d.congress_filed_date ? '尚未报送人大常委会备案' : d.congress_feedback ? '已登记人大常委会的备案审查意见' : null),
    },
    { key: 'amend', label: '已修改（由新文件替代）', from: ['in_force'], to: 'amended', roles: ['law_office'], secondary: true, noteRequired: true, dateColumn: 'ended_date', effects: stops('文件已修改', 'filing', 'filing_congress') },
    { key: 'repeal', label: '废止', from: ['in_force'], to: 'repealed', roles: ['law_office'], secondary: true, danger: true, noteRequired: true, dateColumn: 'ended_date', effects: stops('文件已废止', 'filing', 'filing_congress') },
    { key: 'expire', label: '宣布失效', from: ['in_force'], to: 'expired', roles: ['law_office'], secondary: true, danger: true, noteRequired: true, dateColumn: 'ended_date', effects: stops('文件已失效', 'filing', 'filing_congress') },
  ],
});

/** A new text of a draft (pasted) and its record of public comment; a .docx goes to `/normative-docs/:id/docx`. */
export const normativeTextInput = z.strictObject({ version, body: text('正文', 200000), consultation: text('征求意见情况', 3000).nullable().optional() });

export const FLAG_STATUSES = { open: '待确认', confirmed: '确认存在问题', dismissed: '已排除' } as const;
export const CHECK_CATEGORIES = {
  licence: '设定行政许可',
  penalty: '设定行政处罚',
  coercion: '设定行政强制',
  fee: '设定收费',
  obligation: '减损权利、增加义务',
  competition: '排除、限制竞争',
  validity: '未载明有效期',
  consultation: '未记录征求意见',
} as const;
export const CHECK_SCOPES = { sentence: '逐句查找', absent: '全文缺少时提示' } as const;

/** The reviewer's decision on a pre-review flag: it is a question, confirmed or dismissed with a reason. */
export const flagDecisionInput = z.strictObject({
  version,
  decision: labelledEnum({ confirmed: FLAG_STATUSES.confirmed, dismissed: FLAG_STATUSES.dismissed }, '处理结果', 'decision'),
  note: text('处理说明', 1000),
});

const ruleFields = {
  name: text('规则名称', 100),
  pattern: text('匹配模式（正则表达式）', 1000),
  basis: text('依据豁免模式（正则表达式）', 1000).nullable().optional(),
  citation: text('依据', 1000),
  active: z.boolean({ error: '是否启用（active）应为 true 或 false' }),
};
export const checkRuleInput = z.strictObject({
  code: z.string({ error: '请填写规则编码' }).trim().regex(/^[a-z][a-z0-9_.]{1,39}$/, { error: '规则编码（code）应为 2–40 位小写字母、数字、点或下划线，以字母开头' }).meta({ title: '规则编码' }),
  category: labelledEnum(CHECK_CATEGORIES, '类别', 'category'),
  scope: labelledEnum(CHECK_SCOPES, '查找方式', 'scope'),
  ...ruleFields,
});
export const checkRuleUpdateInput = z.strictObject({ version, ...ruleFields });

export interface CheckRuleView {
  code: string;
  category: keyof typeof CHECK_CATEGORIES;
  name: string;
  scope: keyof typeof CHECK_SCOPES;
  pattern: string;
  basis: string | null;
  citation: string;
  active: boolean;
  version: number;
}

export interface NormativeFlagView {
  id: string;
  textNo: number;
  ruleCode: string;
  ruleName: string;
  category: string;
  citation: string;
  sentence: string | null;
  status: keyof typeof FLAG_STATUSES;
  note: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
}

export const normativeListQuery = listQuery(NORMATIVE_DOC, {
  ...statusFilter(NORMDOC_WORKFLOW),
});
export type NormativeListQuery = z.infer<typeof normativeListQuery>;

export type NormativeDocView = Omit<RecordView<typeof NORMATIVE_DOC.fields>, 'body' | 'consultation'> & {
  unitName: string;
  status: string;
  statusLabel: string;
  filingDue: string | null;
  light: 'green' | 'yellow' | 'red' | null;
  /** The People's Congress standing committee's filing clock (the government's is `filingDue`/`light`). */
  congressFilingDue: string | null;
  congressLight: 'green' | 'yellow' | 'red' | null;
};

export interface NormativeTextVersion {
  no: number;
  source: 'paste' | 'docx' | 'import';
  filename: string | null;
  length: number;
  createdAt: string;
  createdByName: string | null;
}

export interface NormativeReview {
  findings: { standard: keyof typeof REVIEW_STANDARDS; label: string; finding: keyof typeof FINDINGS | null }[];
  conclusion: keyof typeof REVIEW_CONCLUSIONS | null;
  opinion: string | null;
}

export type NormativeDocDetail = NormativeDocView & {
  body: string | null;
  consultation: string | null;
  texts: NormativeTextVersion[];
  review: NormativeReview;
  /** The pre-review flags of the current text (found when it is submitted). */
  flags: NormativeFlagView[];
  clocks: ClockView[];
};

/** The portal's library: published documents only, 现行有效 unless `status=all`. */
export const publicNormativeQuery = z.strictObject({
  q: z.string().trim().max(50, { error: '关键词不能超过 50 字' }).optional().meta({ title: '关键词（标题、文号、正文）' }),
  year: z.coerce.number({ error: '年度（year）应为整数' }).int().min(1949).max(2100).optional().meta({ title: '公布年度' }),
  unit: z.string().trim().max(64).optional().meta({ title: '起草单位编码' }),
  status: z.enum(['in_force', 'all'], { error: '状态（status）应为 in_force 或 all' }).default('in_force').meta({ title: '现行有效（in_force）或全部已公布（all）' }),
  page: z.coerce.number().int().min(1).max(10000).default(1).meta({ title: '页码' }),
});

export interface PublicNormativeDoc {
  id: string;
  title: string;
  docNumber: string | null;
  registerNumber: string | null;
  unitName: string;
  issuedDate: string;
  validUntil: string | null;
  endedDate: string | null;
  status: string;
  statusLabel: string;
}

export interface PublicNormativeLibrary {
  items: PublicNormativeDoc[];
  total: number;
  page: number;
  pageSize: number;
  years: number[];
  units: { code: string; name: string }[];
}

export type PublicNormativeText = PublicNormativeDoc & { body: string | null };

// ---------------------------------------------------------------------------------------------
// 合法性审查 of other matters: contracts, meeting topics, minutes, enforcement decisions and the rest,
// each submitted by a unit, reviewed by the law office or a legal advisor within a clock per kind.

export const LEGAL_REVIEW_RECORD_TYPE = 'legal_review';
export const LEGAL_REVIEW_KINDS = { contract: '政府合同', topic: '常务会议题', minutes: '会议纪要', enforcement: '行政执法决定', other: '其他涉法事务' } as const;
export const OPINION_FORMS = { written: '书面审查意见', other: '会签、口头等其他形式' } as const;

/** 合法性审查事项: what the unit submits; the opinion, its form and date come through the workflow. */
export const LEGAL_REVIEW = defineRecord({
  type: LEGAL_REVIEW_RECORD_TYPE,
  title: '审查事项',
  table: 'legal_reviews',
  fields: {
    title: f.text('审查事项', { max: 200, required: true, list: true, sort: true, search: true, detail: false, example: '示范县城区环卫作业市场化服务合同' }),
    kind: f.enum('类别', LEGAL_REVIEW_KINDS, { required: true, list: true, filter: true, sort: true, example: '政府合同' }),
    unitId: f.unit('送审单位', { required: true, list: true, filter: true, example: 'SFX-D25' }),
    receivedDate: f.date('收件日期', { required: true, notAfterToday: true, list: true, filter: true, sort: true, example: '2025-05-06' }),
    reviewer: f.text('审查人', { max: 100, list: true, search: true, importName: false, note: '法治办工作人员或法律顾问' }),
    completedDate: f.date('审查完成日期', { input: false, list: true, sort: true, note: '不早于收件日期', example: '2025-05-12' }),
    writtenOpinion: f.boolean('出具书面审查意见', { input: false, list: true, example: '是' }),
    opinion: f.longText('审查意见', { max: 5000, input: false, importName: false, export: false }),
  },
});

export const LEGAL_REVIEW_WORKFLOW = workflowOf(LEGAL_REVIEW, {
  title: '合法性审查事项',
  readPermission: 'legal_review.read',
  linkPrefix: '/legal-reviews/',
  states: {
    reviewing: { label: '审查中', tone: 'processing' },
    completed: { label: '已出具意见', tone: 'success', final: true },
  },
  transitions: [
    {
      key: 'complete',
      label: '出具审查意见',
      from: ['reviewing'],
      to: 'completed',
      roles: ['reviewer', 'law_office'],
      ...writes({ opinion: text('审查意见', 5000), opinionForm: labelledEnum(OPINION_FORMS, '意见形式', 'opinionForm') }),
      dateColumn: 'completed_date',
      effects: [{ stop: 'review', reason: '已出具审查意见' }],
    },
  ],
});

export const legalReviewListQuery = listQuery(LEGAL_REVIEW, {
  ...statusFilter(LEGAL_REVIEW_WORKFLOW),
});
export type LegalReviewListQuery = z.infer<typeof legalReviewListQuery>;
export type LegalReviewView = RecordView<typeof LEGAL_REVIEW.fields> & StatusView & DueView & { unitName: string };

// ---------------------------------------------------------------------------------------------
// 清理: a campaign (全面 or 专项) selects the documents in force within its scope — drafted by the
// organising unit or a unit under it, published on or before `issuedBefore` — and gives each one
// 保留 / 修改 / 废止 / 宣布失效 with a reason; when it finishes, the documents' statuses follow and
// the result list is published on the portal.

export const CLEANUP_RECORD_TYPE = 'normdoc_cleanup';
export const CLEANUP_KINDS = { full: '全面清理', special: '专项清理' } as const;
export const CLEANUP_RESULTS = { keep: '保留', amend: '修改', repeal: '废止', expire: '宣布失效' } as const;

/** 清理活动: what the law office sets up; the items, their results and the finish come after. */
export const CLEANUP = defineRecord({
  type: CLEANUP_RECORD_TYPE,
  title: '清理活动',
  table: 'normdoc_cleanups',
  fields: {
    title: f.text('清理名称', { max: 200, required: true, list: true, sort: true, search: true, detail: false, example: '2025年度行政规范性文件全面清理' }),
    kind: f.enum('清理类型', CLEANUP_KINDS, { required: true, list: true, filter: true, example: '全面清理' }),
    unitId: f.unit('组织单位', { required: true, list: true, filter: true, note: '清理范围为本单位及下级单位起草的现行有效文件；导入时不填为本县（最上级单位）', example: 'SFX' }),
    subject: f.text('清理范围说明', { max: 500, importName: false, note: '如：涉及营商环境、妨碍统一市场和公平竞争的规范性文件' }),
    issuedBefore: f.date('公布日期截至', { required: true, list: true, note: '清理此日及以前公布的现行有效文件；导入时不填为完成日期', example: '2025-06-30' }),
    deadline: f.date('完成期限', { required: true, list: true, sort: true, note: '导入时不填为完成日期', example: '2025-09-30' }),
    finishedDate: f.date('完成日期', { input: false, list: true, sort: true, filter: true, note: '清理结果公布之日，不早于公布日期截至日', example: '2025-09-20' }),
  },
});

export const CLEANUP_WORKFLOW = workflowOf(CLEANUP, {
  title: '规范性文件清理',
  readPermission: 'normdoc.read',
  linkPrefix: '/normdoc-cleanups/',
  states: {
    open: { label: '清理中', tone: 'processing' },
    finished: { label: '已完成并公布', tone: 'success', final: true },
  },
  transitions: [
    {
      key: 'finish',
      label: '完成清理并公布结果',
      from: ['open'],
      to: 'finished',
      roles: ['law_office'],
      dateColumn: 'finished_date',
      check: (d) => (Number(d.item_count ?? 0) === 0 ? '尚未选入任何文件' : Number(d.pending_items ?? 0) > 0 ? `尚有 ${Number(d.pending_items)} 件文件未提出清理意见` : null),
      effects: [{ stop: 'cleanup', reason: '清理已完成' }],
    },
  ],
});
export const cleanupListQuery = listQuery(CLEANUP, {
  ...statusFilter(CLEANUP_WORKFLOW),
});
export type CleanupListQuery = z.infer<typeof cleanupListQuery>;
export type CleanupView = RecordView<typeof CLEANUP.fields> & StatusView & DueView & { unitName: string; itemCount: number; pendingItems: number; flaggedItems: number };

/** 清理意见 on one document of a campaign. */
export const CLEANUP_ITEM = defineRecord({
  type: 'normdoc_cleanup_item',
  title: '清理文件',
  table: 'normdoc_cleanup_items',
  fields: {
    cleanupId: f.record('清理活动', { required: true, display: 'cleanupTitle', example: 'QL-2025-01' }),
    docId: f.record('规范性文件', { required: true, display: 'docTitle', list: true, example: 'GF-2021-004' }),
    result: f.enum('清理结果', CLEANUP_RESULTS, { list: true, filter: true, example: '废止' }),
    reason: f.text('理由', { max: 1000, list: true, example: '上位法已修订，相关规定与《中华人民共和国行政处罚法》不一致' }),
  },
});
/** Selects a document in force within the campaign's scope. */
export const cleanupSelectInput = z.strictObject({ version, docIds: z.array(z.string({ error: '规范性文件（docIds）应为编号' }).min(1).max(64), { error: '请选择规范性文件（docIds）' }).min(1, { error: '请选择规范性文件（docIds）' }).max(500).meta({ title: '规范性文件' }) });
/** The law office's result for one selected document, with its reason (保留 needs none). */
export const cleanupDecisionInput = z
  .strictObject({ version, result: labelledEnum(CLEANUP_RESULTS, '清理结果', 'result'), reason: text('理由', 1000).nullable().optional() })
  .superRefine((v, ctx) => {
    if (v.result !== 'keep' && !v.reason?.trim()) ctx.addIssue({ code: 'custom', path: ['reason'], message: `请填写理由：${CLEANUP_RESULTS[v.result]}的文件须写明理由` });
  });

export interface CleanupItemView {
  id: string;
  ref: string | null;
  docId: string;
  docTitle: string;
  docNumber: string | null;
  unitName: string;
  issuedDate: string | null;
  docStatus: string;
  docStatusLabel: string;
  result: keyof typeof CLEANUP_RESULTS | null;
  reason: string | null;
}
export type CleanupDetail = CleanupView & { items: CleanupItemView[]; clocks: ClockView[] };

/** The portal's list of finished campaigns with every document's result. */
export interface PublicCleanup {
  id: string;
  title: string;
  kind: keyof typeof CLEANUP_KINDS;
  kindLabel: string;
  unitName: string;
  finishedDate: string;
  items: { docId: string; title: string; docNumber: string | null; unitName: string; result: keyof typeof CLEANUP_RESULTS; resultLabel: string; reason: string | null }[];
}

// ---------------------------------------------------------------------------------------------
// 法律顾问 and 公职律师: who advises which units under which contract, and what they worked on.

export const ADVISOR_RECORD_TYPE = 'legal_advisor';
export const ADVISOR_KINDS = { advisor: '法律顾问', public_lawyer: '公职律师' } as const;
export const ENGAGEMENT_KINDS = { review: '合法性审查', normdoc: '规范性文件审查', decision: '重大行政决策', contract: '合同审查', reconsideration: '行政复议', litigation: '行政诉讼', meeting: '列席会议', consultation: '法律咨询', other: '其他' } as const;

export const ADVISOR = defineRecord({
  type: ADVISOR_RECORD_TYPE,
  title: '法律顾问',
  table: 'legal_advisors',
  fields: {
    name: f.text('姓名', { max: 50, required: true, list: true, sort: true, search: true, example: '李明' }),
    kind: f.enum('类别', ADVISOR_KINDS, { required: true, list: true, filter: true, example: '法律顾问' }),
    unitId: f.unit('聘请单位', { required: true, list: true, filter: true, importName: false, note: '导入时为服务单位编码（unitCodes）中的第一个' }),
    firm: f.text('律师事务所或所在单位', { max: 200, list: true, search: true, example: '某某律师事务所' }),
    phone: f.phone('联系电话', { importName: false }),
    contractStart: f.date('聘期开始', { required: true, list: true, sort: true, example: '2025-01-01' }),
    contractEnd: f.date('聘期结束', { list: true, sort: true, notBefore: ['contractStart'], note: '公职律师可不填', example: '2026-12-31' }),
  },
});
/** The registry entry and the units served besides the engaging unit. */
const servedUnitIds = z.array(z.string().min(1).max(64), { error: '服务单位（servedUnitIds）应为单位编号列表' }).max(200).optional().meta({ title: '服务单位（聘请单位以外）' });
export const advisorInput = createInput(ADVISOR, { servedUnitIds });
export type AdvisorInput = z.infer<typeof advisorInput>;
export const advisorUpdateInput = createInput(ADVISOR, { servedUnitIds, version });
export const advisorListQuery = listQuery(ADVISOR);
export type AdvisorListQuery = z.infer<typeof advisorListQuery>;
export type AdvisorView = RecordView<typeof ADVISOR.fields> & { unitName: string; servedUnits: { id: string; code: string; name: string }[]; engagements: number; underContract: boolean };

export const ENGAGEMENT = defineRecord({
  type: 'advisor_engagement',
  title: '服务记录',
  table: 'advisor_engagements',
  fields: {
    advisorId: f.record('法律顾问', { required: true, display: 'advisorName', list: true, example: 'GW-2025-01' }),
    date: f.date('日期', { required: true, notAfterToday: true, list: true, filter: true, sort: true, example: '2025-05-12' }),
    kind: f.enum('服务类型', ENGAGEMENT_KINDS, { required: true, list: true, filter: true, example: '合同审查' }),
    subject: f.text('服务事项', { max: 300, required: true, list: true, search: true, example: '审查示范县城区环卫作业市场化服务合同' }),
    linkedType: f.text('关联记录类型', { max: 40, importName: false, detail: false, export: false }),
    linkedId: f.text('关联记录', { max: 64, importName: false, detail: false, export: false }),
  },
});
export type EngagementView = RecordView<typeof ENGAGEMENT.fields> & { advisorName: string; unitId: string; linked: { title: string; link: string; typeTitle: string } | null };
