// Working-day calendar, deadline rules and clocks: inputs and views shared by server, API docs and forms.
import { z, text, isoDate, version } from '../zod.ts';

export const PERIOD_UNITS = { calendar_days: '日', working_days: '个工作日', months: '个月' } as const;
export type PeriodUnit = keyof typeof PERIOD_UNITS;
export const PERIOD_UNIT_LABELS: Record<PeriodUnit, string> = { calendar_days: '自然日', working_days: '工作日', months: '月' };

export const SPECIAL_KINDS = { holiday: '放假（休息日）', workday: '调休上班', normal: '恢复常规（按星期）' } as const;
export type OverrideKind = keyof typeof SPECIAL_KINDS;

const periodUnit = z
  .enum(Object.keys(PERIOD_UNITS) as [PeriodUnit, ...PeriodUnit[]], { error: '计算方式（unit）无效，可选：calendar_days、working_days、months' })
  .meta({ title: '计算方式' });

export const ruleCode = z
  .string()
  .trim()
  .min(1, { error: '规则编码不能为空' })
  .max(64, { error: '规则编码不能超过 64 个字符' })
  .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/, { error: '规则编码格式应为 模块.名称（小写字母、数字、下划线），如 review.accept' })
  .meta({ title: '规则编码' });

const period = z.number({ error: '期限（period）必须是整数' }).int().min(1, { error: '期限（period）至少为 1' }).max(3650, { error: '期限（period）不能超过 3650' }).meta({ title: '期限' });

const ruleFields = {
  name: text('规则名称', 100),
  period,
  unit: periodUnit,
  extension: z.number({ error: '可延长期限（extension）必须是整数' }).int().min(1).max(3650).nullable().optional().meta({ title: '可延长期限' }),
  citation: text('法律依据', 500),
  note: text('说明', 1000).nullable().optional(),
  minimum: z.boolean().optional().meta({ title: '最短期限' }),
  warnDays: z.number({ error: '黄牌提前量（warnDays）必须是整数' }).int().min(0).max(60).optional().meta({ title: '黄牌提前工作日' }),
};

export const createRuleInput = z.strictObject({ code: ruleCode, ...ruleFields });
export type CreateRuleInput = z.infer<typeof createRuleInput>;
export const updateRuleInput = z.strictObject({ ...ruleFields, version });
export type UpdateRuleInput = z.infer<typeof updateRuleInput>;

export interface DeadlineRuleView {
  code: string;
  name: string;
  period: number;
  unit: PeriodUnit;
  extension: number | null;
  citation: string;
  note: string | null;
  minimum: boolean;
  warnDays: number;
  builtin: boolean;
  version: number;
  updatedAt: string;
}

export const deadlineQuery = z.strictObject({
  rule: ruleCode,
  from: isoDate('起算日期（from）'),
  extended: z.enum(['true', 'false'], { error: '是否延长（extended）应为 true 或 false' }).optional().meta({ title: '是否延长' }),
});

export interface DeadlineExplanation {
  rule: { code: string; name: string; citation: string; period: number; unit: PeriodUnit; minimum: boolean };
  start: string;
  /** Units counted, extension included. */
  period: number;
  extension: { period: number; note: string | null } | null;
  holidaysSkipped: { date: string; name: string }[];
  makeupWorkdaysCounted: { date: string; name: string }[];
  weekendDaysSkipped: number;
  pausedDays: number;
  pauses: { from: string; to: string | null; reason: string }[];
  restarts: { previousStart: string; start: string; reason: string }[];
  /** The raw end of a calendar-day or month period when it fell on a rest day. */
  rolledFrom: string | null;
  provisional: boolean;
  unknownYears: number[];
  /** The explanation in plain Chinese, one line per step. */
  text: string[];
}

export const overrideInput = z.strictObject({
  date: isoDate('日期（date）'),
  kind: z.enum(['holiday', 'workday', 'normal'], { error: '类型（kind）无效，可选：holiday（放假）、workday（调休上班）、normal（恢复常规）' }).meta({ title: '类型' }),
  name: text('名称', 50),
});
export type OverrideInput = z.infer<typeof overrideInput>;

export const yearParam = z.strictObject({
  year: z.coerce.number({ error: '年份必须是整数' }).int().min(1990, { error: '年份不能早于 1990' }).max(2150, { error: '年份不能晚于 2150' }).meta({ title: '年份' }),
});

export const announceYearInput = z.strictObject({
  notice: text('放假通知文号或标题', 200),
  /** Replaces the overrides of the year in one go (the notice's whole arrangement). */
  days: z.array(overrideInput).max(400, { error: '一年最多录入 400 天' }).optional().meta({ title: '放假与调休安排' }),
});
export type AnnounceYearInput = z.infer<typeof announceYearInput>;

export interface CalendarDayView {
  date: string;
  workday: boolean;
  reason: 'weekday' | 'weekend' | 'holiday' | 'makeup';
  name: string | null;
  known: boolean;
  source: 'shipped' | 'override' | 'statutory' | null;
}

export interface CalendarYearView {
  year: number;
  known: boolean;
  source: 'shipped' | 'announced' | null;
  notice: string | null;
  overrides: { date: string; kind: OverrideKind; name: string; updatedAt: string; updatedBy: string | null }[];
}

export const monthQuery = z.strictObject({
  year: yearParam.shape.year,
  month: z.coerce.number({ error: '月份必须是整数' }).int().min(1, { error: '月份应为 1-12' }).max(12, { error: '月份应为 1-12' }).meta({ title: '月份' }),
});

// Clocks

export const CLOCK_STATUSES = { running: '计时中', paused: '已暂停', stopped: '已停止' } as const;
export type ClockStatus = keyof typeof CLOCK_STATUSES;
export const LIGHTS = { green: '正常', yellow: '临期', red: '逾期' } as const;

export interface ClockView {
  id: string;
  recordType: string;
  recordId: string;
  key: string;
  label: string;
  /** Null for a fixed due date. */
  ruleCode: string | null;
  ruleName: string;
  status: ClockStatus;
  start: string;
  due: string;
  provisional: boolean;
  extended: boolean;
  stoppedOn: string | null;
  stopReason: string | null;
  /** For open clocks: the traffic light today. Stopped clocks: whether they met their due date. */
  light: 'green' | 'yellow' | 'red' | null;
  workingDaysLeft: number | null;
  onTime: boolean | null;
  escalationLevel: number;
  /** The rule allows one approved extension and it has not been used. */
  extendable: boolean;
  explanation: DeadlineExplanation;
  version: number;
}

export const clockActionDate = isoDate('日期（date）').optional();
export const pauseClockInput = z.strictObject({ version, date: clockActionDate, reason: text('暂停原因', 200) });
export const resumeClockInput = z.strictObject({ version, date: clockActionDate });
export const restartClockInput = z.strictObject({ version, date: clockActionDate, reason: text('重新计算原因', 200) });
export const extendClockInput = z.strictObject({ version, approval: text('批准情况（批准人、文号）', 200) });
export const stopClockInput = z.strictObject({ version, date: clockActionDate, reason: text('停止原因', 200) });
