// 交办事项: a matter the law office assigns to a unit, on a statutory or local deadline rule. The unit
// reports how it was handled with evidence; the law office accepts it or returns it.
import { statusFilter, workflowOf } from '../workflow.ts';
import { UNIT_STAFF } from '../roles.ts';
import { z } from '../zod.ts';
import { defineRecord, f, listQuery, updateInput, writesText, type DueView, type RecordView, type StatusView } from '../records.ts';
import type { ClockView } from './calendar.ts';

export const MATTER_RECORD_TYPE = 'matter';

/** 交办事项: one line a field; the status, reply and clock come through the workflow. */
export const MATTER = defineRecord({
  type: MATTER_RECORD_TYPE,
  title: '交办事项',
  table: 'matters',
  fields: {
    title: f.text('事项名称', { max: 200, required: true, list: true, sort: true, search: true }),
    unitId: f.unit('承办单位', { required: true, list: true, filter: true }),
    content: f.longText('交办内容', { max: 5000, required: true, export: false }),
    ruleCode: f.record('期限规则', { column: 'rule_code', display: 'ruleName', note: '自交办日起按规则计算办理期限（含节假日与调休）' }),
    assignedDate: f.date('交办日期', { notAfterToday: true, list: true, sort: true, filter: true }),
    reply: f.longText('办理情况', { max: 5000, input: false, export: false }),
  },
});

export const MATTER_WORKFLOW = workflowOf(MATTER, {
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
    // The law office's review time is not the unit's time.
    { key: 'reply', label: '报送办理情况', from: ['assigned', 'returned'], to: 'replied', roles: UNIT_STAFF, evidence: 1, ...writesText('reply', 'reply', '办理情况', 5000), effects: [{ pause: 'reply', reason: '已报送，待法治办审核' }] },
    { key: 'accept', label: '审核通过并办结', from: ['replied'], to: 'done', roles: ['law_office'], effects: [{ stop: 'reply', reason: '已办结' }] },
    { key: 'return', label: '退回重办', from: ['replied'], to: 'returned', roles: ['law_office'], noteRequired: true, danger: true, effects: [{ resume: 'reply' }] },
    { key: 'suspend', label: '暂缓办理', from: ['assigned', 'returned'], to: 'suspended', roles: ['law_office'], noteRequired: true, secondary: true, effects: [{ pause: 'reply', reason: '暂缓办理' }] },
    { key: 'resume', label: '恢复办理', from: ['suspended'], to: 'assigned', roles: ['law_office'], effects: [{ resume: 'reply' }] },
    { key: 'cancel', label: '撤销', from: ['assigned', 'returned', 'suspended', 'replied'], to: 'cancelled', roles: ['law_office'], noteRequired: true, danger: true, secondary: true, effects: [{ stop: 'reply', reason: '已撤销' }] },
  ],
});

export const updateMatterInput = updateInput(MATTER, {}, ['title', 'content']);
export type UpdateMatterInput = z.infer<typeof updateMatterInput>;

export const matterListQuery = listQuery(MATTER, {
  ...statusFilter(MATTER_WORKFLOW),
  overdue: z.enum(['true', 'false'], { error: '仅逾期（overdue）应为 true 或 false' }).optional().meta({ title: '仅逾期' }),
  /** The keyword's earlier name (same as `q`). */
  keyword: z.string().trim().max(100, { error: '关键词不能超过 100 字' }).optional().meta({ title: '关键词（同 q）' }),
});
export type MatterListQuery = z.infer<typeof matterListQuery>;

export type MatterView = RecordView<typeof MATTER.fields> & StatusView & DueView & {
  unitName: string;
  ruleName: string | null;
  ruleCode: string;
  createdAt: string;
};

export interface MatterDetail extends MatterView {
  clocks: ClockView[];
}
