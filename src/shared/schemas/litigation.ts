// Administrative litigation — 行政应诉 (domain.md §2.9): cases against the county's bodies, the
// 15-day defence clock, hearings (did the head appear — 负责人出庭), judgment, appeal, loss analysis.
import { z, text, isoDate, version, pageQuery, labelledEnum } from '../zod.ts';
import type { WorkflowDef } from '../workflow.ts';
import type { ClockView } from './calendar.ts';

export const LITIGATION_RECORD_TYPE = 'litigation_case';
export const JUDGMENT_RESULTS = { won: '胜诉', lost: '败诉', withdrawn: '原告撤诉', mediated: '调解结案' } as const;
export const CASE_RESULTS = { ...JUDGMENT_RESULTS, pending: '未结' } as const;
export type JudgmentResult = keyof typeof JUDGMENT_RESULTS;

export const LITIGATION_WORKFLOW: WorkflowDef = {
  recordType: LITIGATION_RECORD_TYPE,
  title: '行政应诉案件',
  table: 'litigation_cases',
  titleColumn: 'title',
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
    {
      key: 'defend',
      label: '提交答辩状和证据',
      from: ['filed'],
      to: 'defended',
      roles: ['law_office', 'unit_liaison', 'unit_head'],
      evidence: 1,
      dateColumn: 'defence_date',
      effects: [{ stop: 'defence', reason: '已提交答辩状' }],
    },
    {
      key: 'judge',
      label: '登记裁判结果',
      from: ['filed', 'defended', 'appealed'],
      to: 'judged',
      roles: ['law_office', 'unit_liaison', 'unit_head'],
      input: z.strictObject({ result: labelledEnum(JUDGMENT_RESULTS, '裁判结果', 'result') }),
      inputColumns: { result: 'result' },
      dateColumn: 'judgment_date',
      effects: [{ stop: 'defence', reason: '已裁判' }],
    },
    { key: 'appeal', label: '提起或应对上诉', from: ['judged'], to: 'appealed', roles: ['law_office', 'unit_liaison', 'unit_head'], noteRequired: true },
    {
      key: 'close',
      label: '结案',
      from: ['judged'],
      to: 'closed',
      roles: ['law_office'],
      // A lost case is closed only with an analysis of why it was lost (败诉原因剖析).
      check: (c) => (c.result === 'lost' && !c.loss_analysis ? '败诉案件须先填写败诉原因剖析' : null),
    },
  ],
};

export const LITIGATION_STATUSES = Object.fromEntries(Object.entries(LITIGATION_WORKFLOW.states).map(([k, s]) => [k, s.label])) as Record<string, string>;

export const litigationCaseInput = z.strictObject({
  unitId: z.string().min(1, { error: '被告单位（unitId）不能为空' }).max(64).meta({ title: '被告单位' }),
  court: text('受理法院', 100),
  plaintiff: text('原告', 100),
  cause: text('案由', 300),
  filedDate: isoDate('立案日期（filedDate）'),
  complaintReceivedDate: isoDate('收到起诉状副本日期（complaintReceivedDate）'),
});
export type LitigationCaseInput = z.infer<typeof litigationCaseInput>;

export const hearingInput = z.strictObject({
  date: isoDate('开庭日期（date）'),
  headAppeared: z.boolean({ error: '负责人是否出庭（headAppeared）应为 true 或 false' }).meta({ title: '负责人出庭' }),
  headName: text('出庭负责人', 50).nullable().optional(),
  note: text('庭审情况', 1000).nullable().optional(),
});
export type HearingInput = z.infer<typeof hearingInput>;

export const lossAnalysisInput = z.strictObject({ version, lossAnalysis: text('败诉原因剖析', 5000) });

export const litigationListQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional().meta({ title: '立案年度' }),
  unitId: z.string().max(64).optional().meta({ title: '被告单位' }),
  status: z.enum(Object.keys(LITIGATION_WORKFLOW.states) as [string, ...string[]], { error: '状态（status）无效' }).optional().meta({ title: '状态' }),
  result: z.enum(Object.keys(CASE_RESULTS) as [string, ...string[]], { error: '结果（result）无效' }).optional().meta({ title: '结果' }),
  ...pageQuery,
});

export interface HearingView {
  id: string;
  date: string;
  headAppeared: boolean;
  headName: string | null;
  note: string | null;
}

export interface LitigationCaseView {
  id: string;
  ref: string | null;
  title: string;
  unitId: string;
  unitName: string;
  court: string;
  plaintiff: string;
  cause: string;
  filedDate: string;
  complaintReceivedDate: string;
  defenceDate: string | null;
  status: string;
  statusLabel: string;
  judgmentDate: string | null;
  result: JudgmentResult | null;
  lossAnalysis: string | null;
  defenceDue: string | null;
  light: 'green' | 'yellow' | 'red' | null;
  hearings: number;
  headAppearances: number;
  version: number;
}

export interface LitigationCaseDetail extends LitigationCaseView {
  hearingList: HearingView[];
  clocks: ClockView[];
}
