// Major administrative decisions — 重大行政决策 (domain.md §2.5, issue 14; 重大行政决策程序暂行条例,
// 2019): the yearly catalog (决策事项目录), the decision with its five statutory procedures (公众参与、
// 专家论证、风险评估、合法性审查、集体讨论决定), the public's comments on a draft, the consultation
// events (听证会、专家论证会、征求意见会), publication, implementation and post-evaluation.
import { z, isoDate, labelledEnum, text, version } from '../zod.ts';
import { createInput, defineRecord, f, listQuery, updateInput, writes, type RecordView, type StatusView } from '../records.ts';
import { stateLabels, statusFilter, steplessWorkflow, workflowOf } from '../workflow.ts';
import type { Role } from '../roles.ts';

export const CATALOG_RECORD_TYPE = 'decision_catalog_item';
export const DECISION_RECORD_TYPE = 'decision';
export const COMMENT_RECORD_TYPE = 'decision_comment';
export const EVENT_RECORD_TYPE = 'decision_event';
/** One statutory procedure of a decision, as the record its evidence files (证明材料) are attached to. */
export const PROCEDURE_RECORD_TYPE = 'decision_procedure';

/** Who keeps a unit's decisions: the owner unit's staff and the law office. */
export const DECISION_ROLES: readonly Role[] = ['law_office', 'unit_liaison', 'unit_head'];

// ---- Catalog ----------------------------------------------------------------------------------

/** 决策事项目录 item: one line of a year's catalog (art. 3), published once the Party committee consented. */
export const CATALOG_ITEM = defineRecord({
  type: CATALOG_RECORD_TYPE,
  title: '目录事项',
  table: 'decision_catalog_items',
  fields: {
    year: f.integer('目录年度', { required: true, list: true, filter: true, sort: true, example: '2026' }),
    title: f.text('决策事项', { max: 200, required: true, list: true, sort: true, search: true, example: '城区停车收费标准调整' }),
    unitId: f.unit('承办单位', { required: true, list: true, filter: true, importName: 'ownerUnitCode', example: 'SFX-D05' }),
    plannedDate: f.date('计划完成时间', { list: true, sort: true, example: '2026-09-30' }),
    consentDate: f.date('党委同意日期', { basis: '《重大行政决策程序暂行条例》第三条、第十条', list: true, sort: true, note: '经同级党委同意后向社会公布（条例第三条）', example: '2026-02-20' }),
    addedReason: f.text('增补理由', { max: 500, importName: false, note: '目录已公布后增补事项的，须说明理由' }),
    withdrawnDate: f.date('调出日期', { input: false, importName: false, list: true }),
    withdrawnReason: f.text('调出理由', { max: 500, input: false, importName: false }),
  },
});

export const CATALOG_WORKFLOW = workflowOf(CATALOG_ITEM, {
  title: '决策事项目录',
  readPermission: 'decision.read',
  linkPrefix: '/decision-catalog/',
  states: {
    listed: { label: '在目录中', tone: 'processing' },
    withdrawn: { label: '已调出目录', tone: 'default', final: true },
  },
  transitions: [
    { key: 'withdraw', label: '调出目录', from: ['listed'], to: 'withdrawn', roles: ['law_office'], danger: true, secondary: true, ...writes({ withdrawnReason: text('调出理由', 500) }), dateColumn: 'withdrawn_date' },
  ],
});

/** 更正: the item's fields and, once the catalog is published, the reason (kept with the version it replaced). */
export const catalogItemUpdate = updateInput(CATALOG_ITEM, { changeReason: text('更正理由', 500).optional() });
export type CatalogItemUpdate = z.infer<typeof catalogItemUpdate>;
export const catalogListQuery = listQuery(CATALOG_ITEM, {
  status: z.enum(['listed', 'withdrawn'], { error: '状态（status）无效' }).optional().meta({ title: '状态' }),
});
export type CatalogListQuery = z.infer<typeof catalogListQuery>;
export type CatalogItemView = RecordView<typeof CATALOG_ITEM.fields> & StatusView & { unitName: string; published: boolean; decisionId: string | null };

// ---- Decision ---------------------------------------------------------------------------------

export const PROCEDURES = {
  public_participation: '公众参与',
  expert: '专家论证',
  risk: '风险评估',
  legality: '合法性审查',
  deliberation: '集体讨论决定',
} as const;
export type Procedure = keyof typeof PROCEDURES;
/** The procedures a decision may mark not applicable (with a reason); 合法性审查 and 集体讨论决定 never. */
export const SKIPPABLE: readonly Procedure[] = ['public_participation', 'expert', 'risk'];

export const RISK_LEVELS = { high: '高', medium: '中', low: '低' } as const;
export const REVIEWER_KINDS = { law_office: '司法行政部门（合法性审查机构）', advisor: '法律顾问、公职律师' } as const;
export const LEGALITY_CONCLUSIONS = { legal: '合法', amend: '修改后合法', illegal: '不合法' } as const;
export const MEETINGS = { standing: '常务会议', plenary: '全体会议' } as const;
export const POST_EVAL_CONCLUSIONS = { continue: '继续执行', adjust: '调整', stop: '停止执行' } as const;

/**
 * A decision's procedure as a record of its own (one row per decision and procedure, in the
 * decision's unit), so that the kernel's 台账材料 take its evidence files: uploaded with
 * `recordType: decision_procedure` and the procedure's `evidenceId`, within the decision's unit.
 * It has no steps of its own: the decision's workflow is the one that moves.
 */
// One final state: nothing waits on a procedure's record (no 待办, no daily digest).
export const PROCEDURE_WORKFLOW = steplessWorkflow({ type: PROCEDURE_RECORD_TYPE, title: '决策程序', table: 'decision_procedures' }, { readPermission: 'decision.read', linkPrefix: '/decision-procedures/' }, { key: 'kept', label: '决策程序', tone: 'default' });

/** The procedures an import recorded from history (the row's `imported_procedures`). */
export const importedProcedures = (r: Record<string, unknown>): Procedure[] =>
  String(r.imported_procedures ?? '')
    .split(';')
    .filter((p): p is Procedure => p in PROCEDURES);

/**
 * Whether each procedure is recorded (or not applicable with a reason), from the decision's row. A
 * procedure an import recorded from history counts by its dates (and the legality review's
 * conclusion, when history gives it): the draft, experts, reviewer, minutes and the date the
 * 意见采纳情况 was published are not in the import's contract, they are in the archive.
 */
export function procedureDone(r: Record<string, unknown>, p: Procedure): boolean {
  const has = (c: string) => r[c] !== null && r[c] !== undefined && r[c] !== '';
  const imported = importedProcedures(r).includes(p);
  switch (p) {
    case 'public_participation':
      return has('pp_na_reason') || (has('comment_start') && has('comment_end') && (imported || has('comment_summary_date')) && Number(r.open_comments ?? 0) === 0);
    case 'expert':
      return has('expert_na_reason') || (has('expert_date') && (imported || has('expert_opinion')));
    case 'risk':
      return has('risk_na_reason') || (has('risk_date') && has('risk_level'));
    case 'legality':
      return has('legality_date') && (imported || has('legality_conclusion')) && r.legality_conclusion !== 'illegal';
    case 'deliberation':
      return has('deliberation_date') && (imported || has('minutes'));
  }
}
export const missingProcedures = (r: Record<string, unknown>): Procedure[] => (Object.keys(PROCEDURES) as Procedure[]).filter((p) => !procedureDone(r, p));

/** The id of a decision's procedure record (the record its evidence files are attached to). */
export const procedureRecordId = (decisionId: string, p: Procedure) => `${decisionId}.${p}`;

/** The not-applicable reason's column of a procedure that may be skipped. */
const NA_COLUMN: Partial<Record<Procedure, string>> = { public_participation: 'pp_na_reason', expert: 'expert_na_reason', risk: 'risk_na_reason' };

/**
 * Whether a procedure needs evidence files before 作出决策 (domain.md §2.5: a record and evidence):
 * every applicable one, except one an import recorded from history (its evidence is in the
 * decision's archive, as its other details are).
 */
export function evidenceRequired(r: Record<string, unknown>, p: Procedure): boolean {
  const na = NA_COLUMN[p];
  if (na && r[na] !== null && r[na] !== undefined && r[na] !== '') return false;
  return !importedProcedures(r).includes(p);
}

/** The gate's words for the procedures still without evidence. */
export const missingEvidenceMessage = (missing: readonly Procedure[]) =>
  `以下决策程序尚未上传证明材料：${missing.map((p) => PROCEDURES[p]).join('、')}（在「法定程序」中逐项上传会议记录、报告、意见书等材料）`;

/** 重大行政决策: what is registered; each procedure is recorded by its own request, the decision and after by the workflow. */
export const DECISION = defineRecord({
  type: DECISION_RECORD_TYPE,
  title: '重大行政决策',
  table: 'decisions',
  fields: {
    title: f.text('决策事项', { max: 200, required: true, sort: true, search: true, example: '城区停车收费标准调整' }),
    year: f.integer('年度', { required: true, list: true, filter: true, sort: true, importName: false, note: '目录事项的年度；未列入目录的，按决策开始办理的年度' }),
    unitId: f.unit('承办单位', { required: true, list: true, filter: true, importName: 'ownerUnitCode', example: 'SFX-D05' }),
    catalogItemId: f.record('目录事项', { note: '列入年度目录的，选择目录事项；未列入的，须说明理由', example: 'ML-2026-01' }),
    unlistedReason: f.text('未列入目录的理由', { max: 500, importName: false }),
    summary: f.longText('决策事项说明', { max: 3000, importName: false }),
    // 公众参与 (arts. 14–19)
    ppNaReason: f.text('公众参与不适用理由', { detail: false, max: 500, input: false, importName: false }),
    draftText: f.longText('决策草案及说明', { detail: false, max: 20000, input: false, importName: false, note: '征求意见期间在门户网站公布' }),
    commentStart: f.date('征求意见开始日期', { basis: '《重大行政决策程序暂行条例》第十五条：征求意见期限一般不少于30日', detail: false, input: false, list: true, sort: true, example: '2026-03-01' }),
    commentEnd: f.date('征求意见截止日期', { basis: '《重大行政决策程序暂行条例》第十五条：征求意见期限一般不少于30日；因情况紧急等原因需要缩短的，应当予以说明', detail: false, input: false, notBefore: ['commentStart'], example: '2026-03-31' }),
    commentShortReason: f.text('征求意见期限少于30日的理由', { detail: false, max: 500, input: false, importName: false }),
    commentsReceived: f.integer('收到意见（条）', { detail: false, input: false, list: true, example: '12', note: '征求意见期间收到的公众意见条数（整数）' }),
    commentSummaryDate: f.date('意见采纳情况公布日期', { detail: false, input: false, importName: false, notBefore: ['commentEnd'] }),
    // 专家论证 (arts. 19–21)
    expertNaReason: f.text('专家论证不适用理由', { detail: false, max: 500, input: false, importName: false }),
    expertSessionDate: f.date('专家论证日期', { detail: false, input: false, column: 'expert_date', example: '2026-04-10' }),
    experts: f.text('论证专家', { detail: false, max: 500, input: false, importName: false }),
    expertOpinion: f.longText('专家论证意见', { detail: false, max: 3000, input: false, importName: false }),
    // 风险评估 (arts. 22–24)
    riskNaReason: f.text('风险评估不适用理由', { detail: false, max: 500, input: false, importName: false }),
    riskAssessmentDate: f.date('风险评估日期', { detail: false, input: false, column: 'risk_date', example: '2026-04-20' }),
    riskLevel: f.enum('风险等级', RISK_LEVELS, { detail: false, input: false, list: true, filter: true, example: 'low' }),
    riskAssessor: f.text('风险评估机构', { detail: false, max: 200, input: false, importName: false }),
    riskReport: f.longText('风险评估报告', { detail: false, max: 3000, input: false, importName: false }),
    riskMeasures: f.longText('风险防范措施', { detail: false, max: 3000, input: false, importName: false }),
    // 合法性审查 (arts. 25–28)
    legalitySubmittedDate: f.date('送审日期', { detail: false, input: false, importName: false }),
    legalityDueDate: f.date('审查期限', { basis: '《重大行政决策程序暂行条例》第二十五条、第二十六条：保证合法性审查机构的审查时间一般不少于7个工作日', detail: false, input: false, importName: false, notBefore: ['legalitySubmittedDate'] }),
    legalityReviewerKind: f.enum('审查机构类别', REVIEWER_KINDS, { detail: false, input: false, importName: false }),
    legalityReviewer: f.text('审查机构（人员）', { detail: false, max: 200, input: false, importName: false }),
    legalityReviewDate: f.date('审查意见日期', { detail: false, input: false, column: 'legality_date', notBefore: ['legalitySubmittedDate'], example: '2026-05-08' }),
    legalityConclusion: f.enum('审查结论', LEGALITY_CONCLUSIONS, { detail: false, input: false, importName: false }),
    legalityOpinion: f.longText('合法性审查意见', { detail: false, max: 3000, input: false, importName: false }),
    // 集体讨论决定 (arts. 30–31)
    meeting: f.enum('会议', MEETINGS, { detail: false, input: false, importName: false }),
    meetingName: f.text('会议名称', { detail: false, max: 200, input: false, importName: false }),
    deliberationDate: f.date('集体讨论日期', { detail: false, input: false, example: '2026-05-20' }),
    minutes: f.longText('会议纪要', { detail: false, max: 5000, input: false, importName: false }),
    dissent: f.longText('不同意见', { detail: false, max: 3000, input: false, importName: false, note: '集体讨论中的不同意见如实记录（条例第三十条）' }),
    // Decision, publication (art. 32), post-evaluation (art. 36)
    decidedDate: f.date('决策日期', { basis: '《重大行政决策程序暂行条例》第二十五条、第三十条：未经合法性审查或者经审查不合法的，不得提交讨论；决策应当经集体讨论决定', input: false, list: true, sort: true, notBefore: ['commentEnd', 'expertSessionDate', 'riskAssessmentDate', 'legalityReviewDate', 'deliberationDate'], example: '2026-05-20' }),
    publishedDate: f.date('公布日期', { input: false, importName: false, notBefore: ['decidedDate'] }),
    publication: f.text('公布载体', { max: 200, input: false, importName: false }),
    postEvalDate: f.date('后评估完成日期', { input: false, column: 'post_eval_date', importName: 'postEvaluationDate', notBefore: ['decidedDate'], example: '' }),
    postEvalTrigger: f.text('评估启动情形', { detail: false, max: 500, input: false, importName: false }),
    postEvaluator: f.text('评估机构', { detail: false, max: 200, input: false, importName: false }),
    postEvalConclusion: f.enum('评估结论', POST_EVAL_CONCLUSIONS, { detail: false, input: false, importName: false }),
    postEvalReport: f.longText('评估报告摘要', { detail: false, max: 3000, input: false, importName: false }),
  },
});

export const DECISION_WORKFLOW = workflowOf(DECISION, {
  readPermission: 'decision.read',
  linkPrefix: '/decisions/',
  states: {
    drafting: { label: '拟决策', tone: 'processing' },
    decided: { label: '已决策', tone: 'success' },
    implementing: { label: '执行中', tone: 'processing' },
    evaluated: { label: '已后评估', tone: 'success', final: true },
    terminated: { label: '已终止', tone: 'default', final: true },
  },
  transitions: [
    {
      key: 'decide',
      label: '作出决策',
      from: ['drafting'],
      to: 'decided',
      roles: DECISION_ROLES,
      // Art. 30–31: decided by the government's meeting only after every applicable procedure.
      check: (r) => {
        const missing = missingProcedures(r);
        return missing.length ? `以下决策程序尚未完成：${missing.map((p) => PROCEDURES[p]).join('、')}` : null;
      },
      dateColumn: 'decided_date',
    },
    { key: 'publish', label: '公布决策', from: ['decided'], to: 'implementing', roles: DECISION_ROLES, ...writes({ publication: text('公布载体', 200) }), dateColumn: 'published_date' },
    {
      key: 'evaluate',
      label: '完成决策后评估',
      from: ['implementing'],
      to: 'evaluated',
      roles: DECISION_ROLES,
      input: z.strictObject({
        postEvalTrigger: text('评估启动情形', 500),
        postEvaluator: text('评估机构', 200),
        postEvalConclusion: labelledEnum(POST_EVAL_CONCLUSIONS, '评估结论', 'postEvalConclusion'),
        postEvalReport: text('评估报告摘要', 3000),
      }),
      inputColumns: { postEvalTrigger: 'post_eval_trigger', postEvaluator: 'post_evaluator', postEvalConclusion: 'post_eval_conclusion', postEvalReport: 'post_eval_report' },
      dateColumn: 'post_eval_date',
    },
    { key: 'terminate', label: '终止决策', from: ['drafting'], to: 'terminated', roles: DECISION_ROLES, noteRequired: true, danger: true, secondary: true, effects: [{ stop: 'legality', reason: '决策终止' }] },
  ],
});
export const DECISION_STATUSES = stateLabels(DECISION_WORKFLOW);

export const decisionInput = createInput(DECISION, {}, ['title', 'year', 'unitId', 'catalogItemId', 'unlistedReason', 'summary']);
export type DecisionInput = z.infer<typeof decisionInput>;
export const decisionListQuery = listQuery(DECISION, {
  ...statusFilter(DECISION_WORKFLOW),
});
export type DecisionListQuery = z.infer<typeof decisionListQuery>;

export interface ProcedureView {
  key: Procedure;
  label: string;
  done: boolean;
  notApplicable: boolean;
  skippable: boolean;
  /** Recorded by an import from history: its dates, its details in the archive. */
  imported: boolean;
  /** One line: what is recorded, or what is still missing. */
  summary: string;
  /** The procedure's record id: its evidence files are attachments of `decision_procedure` with this id. */
  evidenceId: string;
  /** Whether 作出决策 needs evidence of it (applicable, and not recorded from an import's history). */
  evidenceRequired: boolean;
  /** Its evidence files (证明材料) the user may see. */
  evidence: EvidenceFile[];
}

export interface EvidenceFile {
  id: string;
  filename: string;
  size: number;
  uploadedAt: string;
  uploadedByName: string | null;
}

export type DecisionView = RecordView<typeof DECISION.fields> &
  StatusView & {
    unitName: string;
    catalogItemTitle: string | null;
    /** The first procedure not yet recorded (the stage the decision is in), or null. */
    stage: string;
    missing: Procedure[];
    openComments: number;
    /** Days left for comment (today counted), while the period runs. */
    commentDaysLeft: number | null;
    /** The legality review's clock (rule decision.legality_review): its due date, and its 红黄牌 light while it runs. */
    legalityDue: string | null;
    legalityLight: 'green' | 'yellow' | 'red' | null;
  };

export interface ImplementationReportView {
  id: string;
  date: string;
  content: string;
}

export type DecisionDetail = DecisionView & {
  procedures: ProcedureView[];
  /** Applicable procedures without evidence files yet (作出决策 is refused while any is). */
  missingEvidence: Procedure[];
  events: EventView[];
  reports: ImplementationReportView[];
};

// What each procedure's request records: the facts, or `notApplicable` with a reason where allowed.
const na = { notApplicable: text('不适用理由', 500).optional() };
export const procedureInputs = {
  public_participation: z.strictObject({
    version,
    ...na,
    draftText: text('决策草案及说明', 20000).optional(),
    commentStart: isoDate('征求意见开始日期').optional(),
    commentEnd: isoDate('征求意见截止日期').optional(),
    commentShortReason: text('征求意见期限少于30日的理由', 500).optional(),
  }),
  expert: z.strictObject({ version, ...na, expertSessionDate: isoDate('专家论证日期').optional(), experts: text('论证专家', 500).optional(), expertOpinion: text('专家论证意见', 3000).optional() }),
  risk: z.strictObject({
    version,
    ...na,
    riskAssessmentDate: isoDate('风险评估日期').optional(),
    riskLevel: labelledEnum(RISK_LEVELS, '风险等级', 'riskLevel').optional(),
    riskAssessor: text('风险评估机构', 200).optional(),
    riskReport: text('风险评估报告', 3000).optional(),
    riskMeasures: text('风险防范措施', 3000).optional(),
  }),
  legality: z.strictObject({
    version,
    legalitySubmittedDate: isoDate('送审日期'),
    legalityDueDate: isoDate('审查期限'),
    legalityReviewerKind: labelledEnum(REVIEWER_KINDS, '审查机构类别', 'legalityReviewerKind'),
    legalityReviewer: text('审查机构（人员）', 200),
    legalityReviewDate: isoDate('审查意见日期').optional(),
    legalityConclusion: labelledEnum(LEGALITY_CONCLUSIONS, '审查结论', 'legalityConclusion').optional(),
    legalityOpinion: text('合法性审查意见', 3000).optional(),
  }),
  deliberation: z.strictObject({
    version,
    meeting: labelledEnum(MEETINGS, '会议', 'meeting'),
    meetingName: text('会议名称', 200),
    deliberationDate: isoDate('集体讨论日期'),
    minutes: text('会议纪要', 5000),
    dissent: text('不同意见', 3000).optional(),
  }),
} as const;
export type ProcedureInput<P extends Procedure> = z.infer<(typeof procedureInputs)[P]>;

export const implementationReportInput = z.strictObject({ date: isoDate('报告日期'), content: text('执行情况', 3000) });
export const commentSummaryInput = z.strictObject({ version, date: isoDate('公布日期') });

// ---- Comments ---------------------------------------------------------------------------------

export const COMMENT_CHANNELS = { online: '网上提交', letter: '信函', email: '电子邮件', meeting: '座谈会、征求意见会', hearing: '听证会' } as const;
/**
 * Comments an import recorded as a count have no rows: behind the figure `decisions.public_comments`
 * each is listed as `<decision id>` + this mark + its number, and its page is the decision's.
 */
export const COUNTED_COMMENT_MARK = ':imported:';
export const COMMENT_ANSWERS = { adopted: '采纳', partly: '部分采纳', rejected: '不采纳' } as const;

/** One comment on a draft decision: from the portal, or entered by staff (letters, meetings). */
export const COMMENT = defineRecord({
  type: COMMENT_RECORD_TYPE,
  title: '意见',
  table: 'decision_comments',
  fields: {
    decisionId: f.record('征求意见的决策草案', { required: true, display: 'decisionTitle', importName: false }),
    receivedDate: f.date('收到日期', { required: true, notAfterToday: true, list: true, sort: true, filter: true }),
    commenterName: f.text('提出人', { max: 100, list: true, note: '可不署名' }),
    commenterPhone: f.phone('联系电话'),
    content: f.longText('意见内容', { max: 3000, required: true, list: true, search: true }),
    channel: f.enum('来源', COMMENT_CHANNELS, { required: true, list: true, filter: true }),
    answer: f.enum('采纳情况', COMMENT_ANSWERS, { input: false, list: true, filter: true }),
    answerReason: f.text('理由', { max: 1000, input: false, list: true }),
    answeredDate: f.date('处理日期', { input: false, notBefore: ['receivedDate'] }),
  },
});

export const COMMENT_WORKFLOW = workflowOf(COMMENT, {
  title: '决策草案意见',
  readPermission: 'decision.read',
  linkPrefix: '/decision-comments/',
  states: {
    received: { label: '待处理', tone: 'warning' },
    answered: { label: '已处理', tone: 'success', final: true },
  },
  transitions: [
    { key: 'answer', label: '处理意见', from: ['received'], to: 'answered', roles: DECISION_ROLES, ...writes({ answer: labelledEnum(COMMENT_ANSWERS, '采纳情况', 'answer'), answerReason: text('理由', 1000) }), dateColumn: 'answered_date' },
  ],
});
export const commentListQuery = listQuery(COMMENT, {
  decisionId: z.string().trim().max(64).optional().meta({ title: '决策' }),
  status: z.enum(['received', 'answered'], { error: '状态（status）无效' }).optional().meta({ title: '状态' }),
});
export type CommentListQuery = z.infer<typeof commentListQuery>;
export type CommentView = RecordView<typeof COMMENT.fields> & StatusView & { title: string; unitName: string; decisionTitle: string };

// ---- Consultation events ----------------------------------------------------------------------

export const EVENT_KINDS = { hearing: '听证会', expert: '专家论证会', comment_meeting: '座谈会、征求意见会' } as const;

export const EVENT = defineRecord({
  type: EVENT_RECORD_TYPE,
  title: '公众参与活动',
  table: 'decision_events',
  unitColumn: 'unit_id',
  fields: {
    kind: f.enum('类别', EVENT_KINDS, { required: true, list: true }),
    date: f.date('举行日期', { required: true, list: true }),
    noticeDate: f.date('公告日期', { basis: '《重大行政决策程序暂行条例》第十七条', importName: false, note: '听证会应于举行7日前公告时间、地点和拟听证事项（条例第十七条）', list: true }),
    participants: f.integer('参加人数', { required: true, list: true }),
    participantList: f.longText('参加人员', { max: 3000, importName: false }),
    record: f.longText('会议记录', { max: 5000, importName: false }),
  },
});
export const eventInput = createInput(EVENT, {}, ['kind', 'date', 'noticeDate', 'participants', 'participantList', 'record']);
/** A recorded event corrected (after a hearing announced ahead: its participants, their list, the minutes). */
export const eventUpdate = createInput(EVENT, { version }, ['kind', 'date', 'noticeDate', 'participants', 'participantList', 'record']);
export type EventInput = z.infer<typeof eventInput>;
export type EventView = { id: string; version: number; ref: string | null; kind: keyof typeof EVENT_KINDS; kindLabel: string; date: string; noticeDate: string | null; participants: number; participantList: string | null; record: string | null };
