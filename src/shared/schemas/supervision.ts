// Supervision and rectification — 法治督察 / 整改闭环 (domain.md §2.2): inspections, findings and
// their rectification loop, interviews (约谈), circulars (通报) and supervision notices (督办单).
import { z, text, isoDate, version, pageQuery } from '../zod.ts';
import type { WorkflowDef } from '../workflow.ts';
import type { ClockView } from './calendar.ts';

export const FINDING_RECORD_TYPE = 'finding';

export const INSPECTION_KINDS = { written: '书面', onsite: '实地', special: '专项', unannounced: '暗访' } as const;
export type InspectionKind = keyof typeof INSPECTION_KINDS;
export const SEVERITIES = { general: '一般', major: '重大' } as const;
export type Severity = keyof typeof SEVERITIES;
export const CHECKLIST_KINDS = { required: '规定动作', optional: '自选动作' } as const;
export const NOTICE_KINDS = { circular: '通报', supervision: '督办单' } as const;

export const FINDING_WORKFLOW: WorkflowDef = {
  recordType: FINDING_RECORD_TYPE,
  title: '督察问题',
  table: 'findings',
  titleColumn: 'description',
  readPermission: 'supervision.read',
  linkPrefix: '/findings/',
  states: {
    open: { label: '待整改', tone: 'error' },
    rectifying: { label: '整改中', tone: 'processing' },
    rectified: { label: '已整改待核查', tone: 'warning' },
    reopened: { label: '核查未通过', tone: 'error' },
    verified: { label: '已核查销号', tone: 'success', final: true },
  },
  transitions: [
    {
      key: 'start',
      label: '制定整改措施',
      from: ['open', 'reopened'],
      to: 'rectifying',
      roles: ['unit_liaison', 'unit_head'],
      input: z.strictObject({ measures: text('整改措施', 3000) }),
      inputColumns: { measures: 'measures' },
      requiredFields: [{ column: 'measures', label: '整改措施' }],
    },
    {
      key: 'rectify',
      label: '报送整改结果',
      from: ['open', 'rectifying', 'reopened'],
      to: 'rectified',
      roles: ['unit_liaison', 'unit_head'],
      evidence: 1,
      input: z.strictObject({ measures: text('整改措施及结果', 3000) }),
      inputColumns: { measures: 'measures' },
      requiredFields: [{ column: 'measures', label: '整改措施及结果' }],
      dateColumn: 'rectified_date',
      effects: [{ pause: 'rectify', reason: '已报送整改结果，待核查' }],
    },
    {
      key: 'verify',
      label: '回头看核查销号',
      from: ['rectified'],
      to: 'verified',
      roles: ['law_office', 'inspector'],
      input: z.strictObject({ followupResult: text('回头看核查情况', 2000) }),
      inputColumns: { followupResult: 'followup_result' },
      requiredFields: [{ column: 'followup_result', label: '回头看核查情况' }],
      dateColumn: 'verified_date',
      // A major finding is closed only after its unit head has been interviewed (约谈).
      check: (f) => (f.severity === 'major' && !f.interviewed_on ? '重大问题须先记录对单位负责人的约谈' : null),
      effects: [{ stop: 'rectify', reason: '已核查销号' }],
    },
    { key: 'reopen', label: '核查未通过，重新整改', from: ['rectified'], to: 'reopened', roles: ['law_office', 'inspector'], noteRequired: true, danger: true, effects: [{ resume: 'rectify' }] },
  ],
};

export const FINDING_STATUSES = Object.fromEntries(Object.entries(FINDING_WORKFLOW.states).map(([k, s]) => [k, s.label])) as Record<string, string>;

const unitIds = (label: string) => z.array(z.string().min(1).max(64)).min(1, { error: `${label}至少选择一个` }).max(200).meta({ title: label });
const kind = z.enum(Object.keys(INSPECTION_KINDS) as [InspectionKind, ...InspectionKind[]], { error: '督察方式（kind）无效，可选：written、onsite、special、unannounced' }).meta({ title: '督察方式' });
const severity = z.enum(['general', 'major'], { error: '严重程度（severity）应为 general 或 major' }).meta({ title: '严重程度' });

export const checklistItem = z.strictObject({
  item: text('检查事项', 200),
  kind: z.enum(['required', 'optional'], { error: '检查事项类别应为 required（规定动作）或 optional（自选动作）' }).meta({ title: '类别' }),
});

export const inspectionInput = z.strictObject({
  title: text('督察名称', 200),
  kind,
  date: isoDate('督察日期（date）'),
  targetUnitIds: unitIds('督察对象（targetUnitIds）'),
  inspectors: text('督察人员', 300),
  checklist: z.array(checklistItem).max(100, { error: '检查事项最多 100 项' }).optional().meta({ title: '检查清单' }),
  summary: text('督察情况', 5000).nullable().optional(),
});
export type InspectionInput = z.infer<typeof inspectionInput>;
export const updateInspectionInput = inspectionInput.extend({ version });

export const findingInput = z.strictObject({
  inspectionId: z.string().min(1, { error: '所属督察（inspectionId）不能为空' }).max(64).meta({ title: '所属督察' }),
  unitId: z.string().min(1, { error: '责任单位（unitId）不能为空' }).max(64).meta({ title: '责任单位' }),
  description: text('问题描述', 2000),
  severity,
  dueDate: isoDate('整改期限（dueDate）'),
});
export type FindingInput = z.infer<typeof findingInput>;

export const interviewInput = z.strictObject({
  heldOn: isoDate('约谈日期（heldOn）'),
  interviewee: text('约谈对象', 100),
  conductedBy: text('约谈人', 100),
  notes: text('约谈情况', 2000),
});
export type InterviewInput = z.infer<typeof interviewInput>;

export const noticeInput = z.strictObject({
  kind: z.enum(['circular', 'supervision'], { error: '类型（kind）应为 circular（通报）或 supervision（督办单）' }).meta({ title: '类型' }),
  title: text('标题', 200),
  content: text('正文', 10000),
  issuedDate: isoDate('印发日期（issuedDate）'),
  inspectionId: z.string().max(64).nullable().optional().meta({ title: '相关督察' }),
  findingId: z.string().max(64).nullable().optional().meta({ title: '相关问题' }),
});
export type NoticeInput = z.infer<typeof noticeInput>;

export const inspectionListQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional().meta({ title: '年度' }),
  kind: kind.optional(),
  ...pageQuery,
});

export const findingListQuery = z.strictObject({
  inspectionId: z.string().max(64).optional().meta({ title: '所属督察' }),
  unitId: z.string().max(64).optional().meta({ title: '责任单位' }),
  status: z.enum(Object.keys(FINDING_WORKFLOW.states) as [string, ...string[]], { error: '状态（status）无效' }).optional().meta({ title: '状态' }),
  severity: severity.optional(),
  overdue: z.enum(['true', 'false']).optional().meta({ title: '仅逾期' }),
  ...pageQuery,
});
export type FindingListQuery = z.infer<typeof findingListQuery>;

export interface InspectionView {
  id: string;
  ref: string | null;
  organiserId: string;
  organiserName: string;
  title: string;
  kind: InspectionKind;
  date: string;
  inspectors: string;
  checklist: { item: string; kind: 'required' | 'optional' }[];
  summary: string | null;
  targets: { id: string; name: string }[];
  findingCount: number;
  openCount: number;
  version: number;
}

export interface FindingView {
  id: string;
  ref: string | null;
  inspectionId: string;
  inspectionTitle: string;
  unitId: string;
  unitName: string;
  description: string;
  severity: Severity;
  dueDate: string;
  status: string;
  statusLabel: string;
  overdue: boolean;
  measures: string | null;
  rectifiedDate: string | null;
  verifiedDate: string | null;
  followupResult: string | null;
  interviewedOn: string | null;
  light: 'green' | 'yellow' | 'red' | null;
  version: number;
}

export interface InterviewView {
  id: string;
  heldOn: string;
  interviewee: string;
  conductedBy: string;
  notes: string;
}

export interface NoticeView {
  id: string;
  kind: 'circular' | 'supervision';
  title: string;
  content: string;
  issuedDate: string;
  unitName: string | null;
  inspectionId: string | null;
  findingId: string | null;
  level: number | null;
  createdAt: string;
}

export interface FindingDetail extends FindingView {
  interviews: InterviewView[];
  notices: NoticeView[];
  clocks: ClockView[];
}
