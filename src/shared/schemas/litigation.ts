// Administrative litigation — 行政应诉 (domain.md §2.9): cases against the county's bodies, the
// 15-day defence clock, hearings (did the head appear — 负责人出庭), judgment, appeal, loss analysis.
import { statusFilter, workflowOf } from '../workflow.ts';
import { OFFICE_AND_UNIT } from '../roles.ts';
import { z, text, version, labelledEnum } from '../zod.ts';
import { defineRecord, f, listQuery, writes, type RecordView, type StatusView } from '../records.ts';
import type { ClockView } from './calendar.ts';

export const LITIGATION_RECORD_TYPE = 'litigation_case';
export const JUDGMENT_RESULTS = { won: '胜诉', lost: '败诉', withdrawn: '原告撤诉', mediated: '调解结案' } as const;
export const CASE_RESULTS = { ...JUDGMENT_RESULTS, pending: '未结' } as const;
export type JudgmentResult = keyof typeof JUDGMENT_RESULTS;

/** 行政应诉案件: what is registered; the defence, judgment and loss analysis come through the workflow. */
export const LITIGATION_CASE = defineRecord({
  type: LITIGATION_RECORD_TYPE,
  title: '应诉案件',
  table: 'litigation_cases',
  fields: {
    filedDate: f.date('立案日期', { required: true, notAfterToday: true, list: true, filter: true, sort: true, example: '2025-04-10' }),
    court: f.text('法院', { max: 100, required: true, sort: true, search: true, example: '示范县人民法院' }),
    plaintiff: f.text('原告', { max: 100, required: true, sort: true, search: true, example: '某商贸有限公司' }),
    unitId: f.unit('被告单位', { required: true, list: true, filter: true, example: 'SFX-D21' }),
    cause: f.text('案由', { max: 300, required: true, search: true, example: '不服行政处罚决定' }),
    complaintReceivedDate: f.date('收到起诉状副本日期', { basis: '《中华人民共和国行政诉讼法》第六十七条：被告应当在收到起诉状副本之日起15日内提交证据、依据并提出答辩状', required: true, notBefore: ['filedDate'], notAfterToday: true, sort: true, note: '不早于立案日期；自次日起15日内答辩', example: '2025-04-15' }),
    defenceDate: f.date('答辩日期', { basis: '《中华人民共和国行政诉讼法》第六十七条', input: false, notBefore: ['complaintReceivedDate'], importName: false, sort: true }),
    judgmentDate: f.date('裁判日期', { input: false, notBefore: ['filedDate'], sort: true, note: '不早于立案日期；有结果（未结除外）时必填', example: '2025-08-20' }),
    result: f.enum('结果', JUDGMENT_RESULTS, { input: false, list: true, sort: true, importNote: `${Object.keys(CASE_RESULTS).join('/')} 或 ${Object.values(CASE_RESULTS).join('/')}`, example: '胜诉' }),
    lossAnalysis: f.longText('败诉原因剖析', { max: 5000, input: false, importName: false, export: false, detail: false }),
    concernsDisclosure: f.boolean('涉及政府信息公开', { filter: true, note: '计入被告政府信息公开工作年度报告表四', example: '否' }),
    afterReconsideration: f.boolean('复议后起诉', { note: '经行政复议后起诉；否则为未经复议直接起诉', example: '否' }),
  },
});

export const LITIGATION_WORKFLOW = workflowOf(LITIGATION_CASE, {
  title: '行政应诉案件',
  readPermission: 'litigation.read',
  linkPrefix: '/litigation/',
  states: {
    filed: { label: '应诉准备', tone: 'processing' },
    defended: { label: '已答辩（审理中）', tone: 'processing' },
    judged: { label: '已判决', tone: 'warning' },
    appealed: { label: '上诉中', tone: 'warning' },
    closed: { label: '已结案', tone: 'success', final: true },
  },
  transitions: [
    { key: 'defend', label: '提交答辩状和证据', from: ['filed'], to: 'defended', roles: OFFICE_AND_UNIT, evidence: 1, dateColumn: 'defence_date', effects: [{ stop: 'defence', reason: '已提交答辩状' }] },
    {
      key: 'judge',
      label: '登记裁判结果',
      from: ['filed', 'defended', 'appealed'],
      to: 'judged',
      roles: OFFICE_AND_UNIT,
      ...writes({ result: labelledEnum(JUDGMENT_RESULTS, '裁判结果', 'result') }),
      dateColumn: 'judgment_date',
      effects: [{ stop: 'defence', reason: '已裁判' }],
    },
    { key: 'appeal', label: '提起或应对上诉', from: ['judged'], to: 'appealed', roles: OFFICE_AND_UNIT, noteRequired: true },
    // A lost case is closed only with an analysis of why it was lost (败诉原因剖析).
    { key: 'close', label: '结案', from: ['judged'], to: 'closed', roles: ['law_office'], check: (c) => (c.result === 'lost' && !c.loss_analysis ? '败诉案件须先填写败诉原因剖析' : null) },
  ],
});

/** 开庭: a sub-list of a case (its API under /litigation-cases/:id/hearings); did the agency head appear (负责人出庭). */
export const LITIGATION_HEARING = defineRecord({
  type: 'litigation_hearing',
  title: '开庭记录',
  table: 'litigation_hearings',
  fields: {
    caseId: f.record('案件', { required: true, input: false, display: 'caseTitle', export: false, note: '应诉案件的外部编号', example: '(2025)湘0102行初15号' }),
    date: f.date('开庭日期', { required: true, notAfterToday: true, list: true, sort: true, note: '不早于立案日期', example: '2025-06-18' }),
    headAppeared: f.boolean('负责人是否出庭', { required: true, list: true, example: '是' }),
    headName: f.text('出庭负责人', { max: 50, list: true, note: '负责人出庭时必填', example: '李局长' }),
    note: f.longText('庭审情况', { max: 1000, list: true, importName: false }),
  },
});

export const lossAnalysisInput = z.strictObject({ version, lossAnalysis: text('败诉原因剖析', 5000) });

export const litigationListQuery = listQuery(LITIGATION_CASE, {
  ...statusFilter(LITIGATION_WORKFLOW),
  // 未结 (pending) is a case without a result yet: not a value of the column, so not the definition's filter.
  result: z.enum(Object.keys(CASE_RESULTS) as [string, ...string[]], { error: '结果（result）无效' }).optional().meta({ title: '结果' }),
});
export type LitigationListQuery = z.infer<typeof litigationListQuery>;

export type HearingView = RecordView<typeof LITIGATION_HEARING.fields> & { caseTitle: string };

export type LitigationCaseView = RecordView<typeof LITIGATION_CASE.fields> & StatusView & {
  title: string;
  unitName: string;
  defenceDue: string | null;
  light: 'green' | 'yellow' | 'red' | null;
  hearings: number;
  headAppearances: number;
};

export type LitigationCaseDetail = LitigationCaseView & {
  hearingList: HearingView[];
  clocks: ClockView[];
};
