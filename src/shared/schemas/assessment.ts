// 法治政府建设考评 (domain.md §2.3, issue 13): a year's scheme (a tree of lines with points and a
// scoring method each), its campaign (published → self-assessment → assessors' scores → preliminary
// results and objections within a window of working days → final, frozen), and the unit heads'
// 述法 reports.
import { statusFilter, workflowOf } from '../workflow.ts';
import { z, text, labelledEnum, version } from '../zod.ts';
import { createInput, defineRecord, f, listQuery, updateInput, writes, type DueView, type StatusView } from '../records.ts';
import type { Role } from '../roles.ts';

export const SCHEME_RECORD_TYPE = 'assessment_scheme';
export const REPORT_RECORD_TYPE = 'assessment_report';

export const ASSESSORS: readonly Role[] = ['law_office', 'inspector'];
export const UNIT_ROLES: readonly Role[] = ['unit_liaison', 'unit_head'];

export const LINE_METHODS = {
  computed: '指标计算',
  manual: '人工评分',
  bonus: '加分项',
  deduction: '扣分项',
  veto: '一票否决',
} as const;
export type LineMethod = keyof typeof LINE_METHODS;

export const GRADES = ['优秀', '良好', '合格', '不合格'] as const;
export type Grade = (typeof GRADES)[number];
export interface GradeBand {
  grade: Exclude<Grade, '不合格'>;
  min: number;
}
export const DEFAULT_BANDS: readonly GradeBand[] = [
  { grade: '优秀', min: 90 },
  { grade: '良好', min: 80 },
  { grade: '合格', min: 60 },
];

/** A category's weight in the unit's performance assessment: `部门:0.03;乡镇:0.04`. */
export function parseWeights(text: string | null | undefined): Record<string, number> | string {
  const out: Record<string, number> = {};
  for (const part of (text ?? '').split(/[;；]/).map((s) => s.trim()).filter(Boolean)) {
    const m = /^(.+?)\s*[:：]\s*([0-9]*\.?[0-9]+)$/.exec(part);
    if (!m) return `「${part}」应为 类别:权重（如 部门:0.03）`;
    const w = Number(m[2]);
    if (!(w >= 0 && w <= 1)) return `「${part}」的权重应在 0 至 1 之间`;
    if (m[1]! in out) return `类别「${m[1]}」重复`;
    out[m[1]!] = w;
  }
  return out;
}

const weightsField = z
  .string({ error: '类别权重应为文本' })
  .trim()
  .max(500, { error: '类别权重不能超过 500 个字符' })
  .superRefine((s, ctx) => {
    const parsed = parseWeights(s);
    if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: `类别权重（categoryWeights）${parsed}` });
  })
  .meta({ title: '类别权重' });

/** The grade bands as written on a scheme: `优秀:90;良好:80;合格:60` (the lowest total of each grade); below 合格 is 不合格. */
export const bandsText = (bands: readonly GradeBand[]) => bands.map((b) => `${b.grade}:${b.min}`).join(';');

/** Parses grade bands: each of 优秀, 良好 and 合格 once, 优秀 above 良好 above 合格, within [0, fullPoints]. */
export function parseBands(text: string | null | undefined, fullPoints = 1000): GradeBand[] | string {
  if (!text?.trim()) return [...DEFAULT_BANDS];
  const out = new Map<string, number>();
  for (const part of text.split(/[;；,，]/).map((s) => s.trim()).filter(Boolean)) {
    const m = /^(.+?)\s*[:：≥>=]+\s*([0-9]*\.?[0-9]+)$/.exec(part);
    if (!m) return `「${part}」应为 等次:最低分（如 优秀:90）`;
    const grade = m[1]!.trim();
    if (grade === '不合格') return '不必填写不合格：低于合格分数线即为不合格';
    if (!['优秀', '良好', '合格'].includes(grade)) return `「${grade}」不是等次，应为优秀、良好或合格`;
    if (out.has(grade)) return `等次「${grade}」重复`;
    const min = Number(m[2]);
    if (min > fullPoints) return `「${grade}」的分数线 ${min} 超过满分 ${fullPoints}`;
    out.set(grade, min);
  }
  const missing = ['优秀', '良好', '合格'].filter((g) => !out.has(g));
  if (missing.length) return `缺少${missing.join('、')}的分数线`;
  if (!(out.get('优秀')! > out.get('良好')! && out.get('良好')! > out.get('合格')!)) return '分数线应依次降低：优秀 > 良好 > 合格';
  return (['优秀', '良好', '合格'] as const).map((grade) => ({ grade, min: out.get(grade)! }));
}

const bandsField = z
  .string({ error: '等次分数线应为文本' })
  .trim()
  .max(100, { error: '等次分数线不能超过 100 个字符' })
  .superRefine((s, ctx) => {
    const parsed = parseBands(s);
    if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: `等次分数线（gradeBands）${parsed}` });
  })
  .meta({ title: '等次分数线' });

export const SCHEME = defineRecord({
  type: SCHEME_RECORD_TYPE,
  title: '考评方案',
  table: 'assessment_schemes',
  fields: {
    title: f.text('方案名称', { max: 200, required: true, list: true, sort: true, search: true, example: '示范县2026年度法治政府建设考评方案' }),
    year: f.integer('年度', { required: true, list: true, filter: true, sort: true, example: '2026' }),
    unitId: f.unit('组织单位', { required: true, list: true, importName: false, example: 'SFX-D05' }),
    fullPoints: f.integer('满分', { list: true, note: '基础分各项合计应等于满分，默认 100', example: '100' }),
    categoryWeights: f.text('类别权重', { max: 500, note: '考评类别:占绩效考核权重，分号分隔，如 部门:0.03;乡镇:0.04；参加考评的单位即这些类别的单位', example: '部门:0.03;乡镇:0.04' }),
    gradeBands: f.text('等次分数线', { max: 100, note: '优秀、良好、合格的最低分，如 优秀:90;良好:80;合格:60；低于合格为不合格，一票否决的为不合格', example: '优秀:90;良好:80;合格:60' }),
    publishedDate: f.date('发布日期', { input: false, list: true }),
    releasedDate: f.date('初评公布日期', { input: false }),
    finalDate: f.date('定稿日期', { input: false }),
  },
});

export const SCHEME_WORKFLOW = workflowOf(SCHEME, {
  readPermission: 'assessment.read',
  linkPrefix: '/assessment/schemes/',
  // Every unit assessed follows the campaign once the scheme is published (its steps are the law office's).
  sharedWhen: (r) => r.status !== 'draft',
  states: {
    draft: { label: '编制中', tone: 'default' },
    published: { label: '已发布（单位自评）', tone: 'processing' },
    scoring: { label: '考评打分', tone: 'processing' },
    preliminary: { label: '初评公示中', tone: 'warning' },
    final: { label: '已定稿', tone: 'success', final: true },
  },
  transitions: [
    { key: 'publish', label: '发布方案', from: ['draft'], to: 'published', roles: ['law_office'], dateColumn: 'published_date', check: (r) => (r.points_problem ? String(r.points_problem) : null) },
    { key: 'start_scoring', label: '开始考评打分', from: ['published'], to: 'scoring', roles: ['law_office'] },
    { key: 'release', label: '公布初评结果', from: ['scoring'], to: 'preliminary', roles: ['law_office'], dateColumn: 'released_date', effects: [{ start: 'objection', label: '异议期', rule: 'assessment.objection' }] },
    {
      key: 'finalize',
      label: '确定最终结果',
      from: ['preliminary'],
      to: 'final',
      roles: ['law_office'],
      dateColumn: 'final_date',
      check: (r) => (Number(r.open_objections ?? 0) > 0 ? `还有 ${r.open_objections} 项异议未答复` : null),
      effects: [{ stop: 'objection', reason: '考评结果已定稿' }],
    },
  ],
});

export const schemeInput = createInput(SCHEME, { categoryWeights: weightsField.optional(), gradeBands: bandsField.optional(), ref: z.string().trim().max(64).optional().meta({ title: '外部编号' }) });
export type SchemeInput = z.infer<typeof schemeInput>;
export const schemeUpdate = updateInput(SCHEME, { categoryWeights: weightsField.optional(), gradeBands: bandsField.optional() }, ['title', 'fullPoints', 'categoryWeights', 'gradeBands']);
export type SchemeUpdate = z.infer<typeof schemeUpdate>;
export const schemeListQuery = listQuery(SCHEME, {
  ...statusFilter(SCHEME_WORKFLOW),
});
export const copyInput = z.strictObject({
  year: z.number({ error: '年度应为整数' }).int({ error: '年度应为整数' }).min(2000, { error: '年度不能早于 2000' }).max(2100, { error: '年度不能晚于 2100' }).meta({ title: '年度' }),
  title: text('方案名称', 200).optional(),
});

const points = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .min(0, { error: `${label}不能为负数` })
    .max(1000, { error: `${label}不能超过 1000` })
    .refine((n) => Math.round(n * 100) === n * 100 || Math.abs(Math.round(n * 100) - n * 100) < 1e-6, { error: `${label}最多两位小数` })
    .meta({ title: label });

export const lineInput = z.strictObject({
  parentId: z.string().trim().max(64).nullable().optional().meta({ title: '上级指标' }),
  code: z.string({ error: '请填写指标编码' }).trim().min(1, { error: '请填写指标编码' }).max(30, { error: '指标编码不能超过 30 个字符' }).regex(/^[A-Za-z0-9._-]+$/, { error: '指标编码只能含字母、数字、点、横线和下划线' }).meta({ title: '指标编码' }),
  title: text('指标名称', 200),
  points: points('分值').optional(),
  method: labelledEnum(LINE_METHODS, '评分方式', 'method').nullable().optional(),
  indicator: z.string().trim().max(64).nullable().optional().meta({ title: '关联指标' }),
  formula: z.string().trim().max(500, { error: '公式不能超过 500 个字符' }).nullable().optional().meta({ title: '计分公式' }),
  categories: z.string().trim().max(200).nullable().optional().meta({ title: '适用类别' }),
  standard: z.string().trim().max(2000, { error: '评分标准不能超过 2000 个字符' }).nullable().optional().meta({ title: '评分标准' }),
  evidence: z.string().trim().max(1000, { error: '佐证材料不能超过 1000 个字符' }).nullable().optional().meta({ title: '佐证材料' }),
  sortOrder: z.number().int().min(0).max(100000).optional().meta({ title: '排序' }),
  reportLine: z.boolean({ error: '述法评分项应为是或否' }).optional().meta({ title: '述法评分项' }),
});
export type LineInput = z.infer<typeof lineInput>;
export const lineUpdate = lineInput.extend({ version });
export type LineUpdate = z.infer<typeof lineUpdate>;

export const scoreInput = z.strictObject({
  unitId: z.string({ error: '请选择被考评单位' }).trim().min(1, { error: '请选择被考评单位' }).max(64).meta({ title: '被考评单位' }),
  lineId: z.string({ error: '请选择考评指标' }).trim().min(1, { error: '请选择考评指标' }).max(64).meta({ title: '考评指标' }),
  score: z.number({ error: '得分应为数字' }).min(0, { error: '得分不能为负数' }).max(1000).nullable().meta({ title: '得分' }),
  reason: z.string().trim().max(1000, { error: '理由不能超过 1000 个字符' }).nullable().optional().meta({ title: '评分理由' }),
  evidence: z.string().trim().max(1000, { error: '佐证材料说明不能超过 1000 个字符' }).nullable().optional().meta({ title: '佐证材料' }),
  /** The cell's version as the scorer read it (0: not scored yet), so that two scorers never silently overwrite each other. */
  version: z.number({ error: '版本号（version）应为整数' }).int({ error: '版本号（version）应为整数' }).min(0).optional().meta({ title: '版本号（读取时的版本；未评分为 0）' }),
});
export type ScoreInput = z.infer<typeof scoreInput>;

export const objectionInput = z.strictObject({
  unitId: z.string({ error: '请选择单位' }).trim().min(1).max(64).meta({ title: '提出异议的单位' }),
  lineId: z.string({ error: '请选择考评指标' }).trim().min(1, { error: '请选择考评指标' }).max(64).meta({ title: '考评指标' }),
  reason: text('异议理由', 2000),
});
export type ObjectionInput = z.infer<typeof objectionInput>;
export const answerInput = z.strictObject({
  upheld: z.boolean({ error: '请选择是否采纳异议' }).meta({ title: '是否采纳' }),
  answer: text('答复意见', 2000),
  score: z.number({ error: '调整后得分应为数字' }).min(0, { error: '调整后得分不能为负数' }).max(1000).optional().meta({ title: '调整后得分' }),
});
export type AnswerInput = z.infer<typeof answerInput>;

export interface LineView {
  id: string;
  ref: string | null;
  version: number;
  parentId: string | null;
  code: string;
  title: string;
  points: number;
  method: LineMethod | null;
  methodLabel: string | null;
  indicator: string | null;
  /** The indicator's Chinese name (the code is for formulas and imports). */
  indicatorName?: string | null;
  formula: string | null;
  categories: string[] | null;
  standard: string | null;
  evidence: string | null;
  /** Scores the unit heads' 述法 reports of the year (a manual line). */
  reportLine: boolean;
  sortOrder: number;
  level: number;
  leaf: boolean;
}

export interface SchemeView extends StatusView, DueView {
  id: string;
  ref: string | null;
  version: number;
  title: string;
  year: number;
  unitId: string;
  unitName: string;
  fullPoints: number | null;
  categoryWeights: string | null;
  publishedDate: string | null;
  releasedDate: string | null;
  finalDate: string | null;
  pointsProblem: string | null;
  openObjections: number;
  /** The objection window's end; `due` and `light` are the running window's (the ledger's and the page's 红黄牌). */
  objectionDue: string | null;
}

export interface SchemeDetail extends SchemeView {
  lines: LineView[];
  /** Base points per category (the lines that apply to it), to show whether they add up. */
  pointsByCategory: { category: string; points: number; weight: number }[];
  canManage: boolean;
}

export interface LineResult {
  lineId: string;
  code: string;
  /** The line's score; null: 不适用 (no value for this unit, or the line does not apply). */
  score: number | null;
  /** The indicator's value the formula used. */
  value?: number | null;
  selfScore?: number | null;
  reason?: string | null;
  /** The score cell's version (0: not scored yet), sent back with a change. */
  version?: number;
  /** Final schemes: the indicator's value now, when it has changed since the scores were frozen. */
  valueNow?: number | null;
  changedSince?: boolean;
}

export interface UnitResult {
  unitId: string;
  unitCode: string;
  unitName: string;
  category: string;
  total: number;
  base: number;
  bonus: number;
  deduction: number;
  grade: Grade;
  rank: number;
  vetoed: boolean;
  weight: number;
  contribution: number;
  lines: Record<string, number | null>;
}

export interface ObjectionView {
  id: string;
  schemeId: string;
  unitId: string;
  unitName: string;
  lineId: string;
  lineCode: string;
  lineTitle: string;
  reason: string;
  status: 'open' | 'upheld' | 'rejected';
  statusLabel: string;
  answer: string | null;
  oldScore: number | null;
  newScore: number | null;
  createdAt: string;
}
export const OBJECTION_STATES = { open: '待答复', upheld: '已采纳', rejected: '未采纳' } as const;

// 述法: each unit head's annual report on their rule-of-law duties.
export const REPORT = defineRecord({
  type: REPORT_RECORD_TYPE,
  title: '述法报告',
  table: 'assessment_reports',
  fields: {
    title: f.text('标题', { max: 200, required: true, list: true, search: true, example: '县司法局局长2026年度述法报告' }),
    year: f.integer('年度', { required: true, list: true, filter: true, sort: true, example: '2026' }),
    unitId: f.unit('单位', { required: true, list: true, filter: true, example: 'SFX-D05' }),
    headName: f.text('述法人', { max: 50, required: true, list: true, search: true, note: '单位主要负责人姓名', example: '张三' }),
    content: f.longText('述法内容', { max: 20000, required: true, note: '履行推进法治建设第一责任人职责情况' }),
    submittedDate: f.date('提交日期', { input: false, list: true, sort: true }),
    reviewedDate: f.date('评议日期', { input: false, list: true }),
    comment: f.longText('评议意见', { input: false, max: 2000 }),
  },
});

export const REPORT_WORKFLOW = workflowOf(REPORT, {
  readPermission: 'assessment.read',
  linkPrefix: '/assessment/reports/',
  states: {
    draft: { label: '草稿', tone: 'default' },
    submitted: { label: '已提交', tone: 'processing' },
    reviewed: { label: '已评议', tone: 'success', final: true },
  },
  transitions: [
    { key: 'submit', label: '提交述法报告', from: ['draft'], to: 'submitted', roles: ['unit_head', 'unit_liaison'], dateColumn: 'submitted_date' },
    { key: 'return', label: '退回修改', from: ['submitted'], to: 'draft', roles: ASSESSORS, noteRequired: true, secondary: true },
    { key: 'review', label: '评议', from: ['submitted'], to: 'reviewed', roles: ASSESSORS, dateColumn: 'reviewed_date', ...writes({ comment: text('评议意见', 2000) }), requiredFields: [{ column: 'comment', label: '评议意见' }] },
  ],
});
export const reportUpdate = updateInput(REPORT, {}, ['title', 'headName', 'content']);
export const reportListQuery = listQuery(REPORT, {
  ...statusFilter(REPORT_WORKFLOW),
});
export const yearQuery = z.strictObject({
  year: z.coerce.number({ error: '年度（year）应为整数' }).int({ error: '年度（year）应为整数' }).min(2000, { error: '年度（year）不能早于 2000' }).max(2100, { error: '年度（year）不能晚于 2100' }).meta({ title: '年度' }),
});
/** Evidence files of a score: a unit's for its self-assessment, an assessor's for the score given. */
export const EVIDENCE_SIDES = { self: '自评佐证', assessor: '考评佐证' } as const;
export type EvidenceSide = keyof typeof EVIDENCE_SIDES;
/** The attachments' record type of each side's files (record_id: `<lineId>:<unitId>`). */
export const EVIDENCE_RECORD_TYPES: Record<EvidenceSide, string> = { self: 'assessment_self_evidence', assessor: 'assessment_evidence' };
export const evidenceInput = z.strictObject({
  unitId: z.string({ error: '请选择被考评单位' }).trim().min(1, { error: '请选择被考评单位' }).max(64).meta({ title: '被考评单位' }),
  lineId: z.string({ error: '请选择考评指标' }).trim().min(1, { error: '请选择考评指标' }).max(64).meta({ title: '考评指标' }),
  side: labelledEnum(EVIDENCE_SIDES, '材料类别', 'side'),
  attachmentId: z.string({ error: '请先上传佐证材料' }).trim().min(1, { error: '请先上传佐证材料' }).max(64).meta({ title: '佐证材料' }),
});
export type EvidenceInput = z.infer<typeof evidenceInput>;
export interface EvidenceFile {
  id: string;
  filename: string;
  side: EvidenceSide;
  uploadedAt: string;
}

export const cardQuery = z.strictObject({ unitId: z.string().trim().min(1).max(64).meta({ title: '单位' }) });
