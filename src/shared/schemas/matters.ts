// 交办事项: a matter the law office assigns to a unit, on a statutory or local deadline rule. The unit
// reports how it was handled with evidence; the law office accepts it or returns it.
import { z, text, isoDate, version, pageQuery } from '../zod.ts';
import { ruleCode } from './calendar.ts';
import type { WorkflowDef } from '../workflow.ts';
import type { ClockView } from './calendar.ts';

export const MATTER_RECORD_TYPE = 'matter';

export const MATTER_WORKFLOW: WorkflowDef = {
  recordType: MATTER_RECORD_TYPE,
  title: '交办事项',
  table: 'matters',
  titleColumn: 'title',
  readPermission: 'matter.read',
  linkPrefix: '/matters/',
  states: {
    assigned: { label: '待办理', tone: 'processing' },
    replied: { label: '已报送待审核', tone: 'warning' },
    returned: { label: '退回重办', tone: 'error' },
    suspended: { label: '暂缓办理', tone: 'default' },
    done: { label: '已办结', tone: 'success', final: true },
    cancelled: { label: '已撤销', tone: 'default', final: true },
  },
  transitions: [
    {
      key: 'reply',
      label: '报送办理情况',
      from: ['assigned', 'returned'],
      to: 'replied',
      roles: ['unit_liaison', 'unit_head'],
      requiredFields: [{ column: 'reply', label: '办理情况' }],
      evidence: 1,
      input: z.strictObject({ reply: text('办理情况', 5000) }),
      inputColumns: { reply: 'reply' },
      // The law office's review time is not the unit's time.
      effects: [{ pause: 'reply', reason: '已报送，待法治办审核' }],
    },
    { key: 'accept', label: '审核通过并办结', from: ['replied'], to: 'done', roles: ['law_office'], effects: [{ stop: 'reply', reason: '已办结' }] },
    { key: 'return', label: '退回重办', from: ['replied'], to: 'returned', roles: ['law_office'], noteRequired: true, danger: true, effects: [{ resume: 'reply' }] },
    { key: 'suspend', label: '暂缓办理', from: ['assigned', 'returned'], to: 'suspended', roles: ['law_office'], noteRequired: true, secondary: true, effects: [{ pause: 'reply', reason: '暂缓办理' }] },
    { key: 'resume', label: '恢复办理', from: ['suspended'], to: 'assigned', roles: ['law_office'], effects: [{ resume: 'reply' }] },
    {
      key: 'cancel',
      label: '撤销',
      from: ['assigned', 'returned', 'suspended', 'replied'],
      to: 'cancelled',
      roles: ['law_office'],
      noteRequired: true,
      danger: true,
      secondary: true,
      effects: [{ stop: 'reply', reason: '已撤销' }],
    },
  ],
};

export const MATTER_STATUSES = Object.fromEntries(Object.entries(MATTER_WORKFLOW.states).map(([k, s]) => [k, s.label])) as Record<string, string>;

export const createMatterInput = z.strictObject({
  unitId: z.string().min(1, { error: '承办单位（unitId）不能为空' }).max(64).meta({ title: '承办单位' }),
  title: text('事项名称', 200),
  content: text('交办内容', 5000),
  ruleCode: ruleCode.optional(),
  assignedDate: isoDate('交办日期（assignedDate）').optional(),
});
export type CreateMatterInput = z.infer<typeof createMatterInput>;

export const updateMatterInput = z.strictObject({
  version,
  title: text('事项名称', 200),
  content: text('交办内容', 5000),
});
export type UpdateMatterInput = z.infer<typeof updateMatterInput>;

export const matterListQuery = z.strictObject({
  status: z.enum(Object.keys(MATTER_WORKFLOW.states) as [string, ...string[]], { error: '状态（status）无效' }).optional().meta({ title: '状态' }),
  unitId: z.string().max(64).optional().meta({ title: '承办单位' }),
  overdue: z.enum(['true', 'false']).optional().meta({ title: '仅逾期' }),
  keyword: z.string().trim().max(100).optional().meta({ title: '关键词' }),
  ...pageQuery,
});
export type MatterListQuery = z.infer<typeof matterListQuery>;

export interface MatterView {
  id: string;
  ref: string | null;
  unitId: string;
  unitName: string;
  title: string;
  content: string;
  ruleCode: string;
  assignedDate: string;
  status: string;
  statusLabel: string;
  reply: string | null;
  due: string | null;
  light: 'green' | 'yellow' | 'red' | null;
  version: number;
  createdAt: string;
}

export interface MatterDetail extends MatterView {
  clocks: ClockView[];
}
