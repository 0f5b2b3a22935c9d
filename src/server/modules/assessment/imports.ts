// Import types `assessment_schemes`, `assessment_lines` and `assessment_scores` (issue 13's contract),
// through the module's own commands, so their rules and audit are the API's; a file is all or nothing.
import { z } from '../../../shared/zod.ts';
import type { ImportField, ImportRow, ImportType, Importer, RowError } from '../../kernel/imports/types.ts';
import type { Tx } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import { refCell, rowChecker, textCell } from '../../kernel/imports/rows.ts';
import { countyScope, inScope } from '../../kernel/auth/scope.ts';
import { LINE_METHODS, lineInput, parseWeights, type LineMethod } from '../../../shared/schemas/assessment.ts';
import { addLine, createScheme, loadScheme, updateLine, updateScheme } from './schemes.ts';
import { setScore } from './scores.ts';

const col = (fields: ImportField[], name: string) => {
  const f = fields.find((x) => x.name === name)!;
  return `${f.label}（${f.name}）`;
};
const cell = (label: string, max = 200) => z.string().trim().max(max, { error: `${label}不能超过 ${max} 个字符` }).optional().meta({ title: label });
const numberCell = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/, { error: `${label}应为数字` })
    .transform(Number)
    .optional()
    .meta({ title: label });

class Refused extends Error {
  constructor(readonly column: string, message: string) {
    super(message);
  }
}

/** Runs each row through `write`; a thrown field error becomes the row's error under its column. */
async function eachRow<R>(rows: readonly { row: number; value: R & { ref: string } }[], columns: Record<string, string>, write: (value: R & { ref: string }) => Promise<'created' | 'updated'>) {
  const errors: RowError[] = [];
  const check = rowChecker(errors);
  const counts = { created: 0, updated: 0 };
  for (const r of rows) {
    if (check(r.row).duplicate(r.value.ref)) continue;
    try {
      counts[await write(r.value)]++;
    } catch (error) {
      if (error instanceof Refused) check(r.row).fail(error.column, error.message);
      else check(r.row).fromHttpError(error, columns);
    }
  }
  return { ...counts, errors };
}

/**
 * One of this module's import types: its file columns name its fields, and `columns` adds the API
 * fields a command's error may name (a line's `parentId` is its file's parentRef); each row, in the
 * order `order` gives (the file's by default), is written by `write`.
 */
function assessmentImport<R extends { ref: string }>(
  spec: Omit<ImportType<R>, 'apply'> & {
    columns?: Record<string, string>;
    order?: (rows: ImportRow<R>[]) => ImportRow<R>[];
    write: (v: R, run: { tx: Tx; actor: Importer; platform: Platform; columns: Record<string, string> }) => Promise<'created' | 'updated'>;
  },
): ImportType<R> {
  const { columns: aliases, order, write, ...type } = spec;
  const columns: Record<string, string> = { ...Object.fromEntries(type.fields.map((f) => [f.name, col(type.fields, f.name)])) };
  for (const [field, name] of Object.entries(aliases ?? {})) columns[field] = col(type.fields, name);
  return { ...type, apply: (tx, rows, actor, platform) => eachRow(order ? order(rows) : rows, columns, (v) => write(v, { tx, actor, platform, columns })) };
}

/** The unit that owns imported schemes: the importer's (the CLI: the top of the org tree). */
async function ownerUnit(tx: Tx, actor: Importer): Promise<string> {
  if (actor.unitId) return actor.unitId;
  const root = await tx.selectFrom('org_units').select('id').where('parent_id', 'is', null).orderBy('sort_order').executeTakeFirstOrThrow();
  return root.id;
}

/** The importer's county's scheme of this ref (in a province each county has its own refs). */
async function schemeByRef(tx: Tx, ref: string, actor: Importer) {
  return (await tx.selectFrom('assessment_schemes').selectAll().where('ref', '=', ref).execute()).find((s) => inScope(countyScope(actor.scope), s.unit_id));
}

const schemeFields: ImportField[] = [
  { name: 'ref', label: '外部编号', required: true, note: '方案编号，重复导入同一编号即更新', example: 'KP-2026' },
  { name: 'year', label: '年度', required: true, note: '考评年度', example: '2026' },
  { name: 'title', label: '方案名称', required: true, note: '', example: '示范县2026年度法治政府建设考评方案' },
  { name: 'fullPoints', label: '满分', note: '基础指标分值合计，默认 100', example: '100' },
  { name: 'categoryWeights', label: '类别权重', note: '考评类别:权重，分号分隔，如 部门:0.03;乡镇:0.04', example: '部门:0.03;乡镇:0.04' },
];
const schemeRow = z.object({
  ref: refCell(),
  year: z.string().trim().regex(/^\d{4}$/, { error: '年度应为四位数字' }).transform(Number).meta({ title: '年度' }),
  title: textCell('方案名称', 200),
  fullPoints: z.string().trim().regex(/^\d{1,4}$/, { error: '满分应为整数' }).transform(Number).optional().meta({ title: '满分' }),
  categoryWeights: cell('类别权重', 500).superRefine((s, ctx) => {
    const parsed = parseWeights(s);
    if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
  }),
});
type SchemeRow = z.infer<typeof schemeRow>;

export const schemesImport = assessmentImport<SchemeRow>({
  type: 'assessment_schemes',
  title: '考评方案',
  permission: 'assessment.manage',
  fields: schemeFields,
  row: schemeRow,
  async write(v, { tx, actor, platform }) {
    const existing = await schemeByRef(tx, v.ref, actor);
    if (existing) {
      await updateScheme(tx, platform, actor, existing.id, existing.version, { title: v.title, fullPoints: v.fullPoints ?? 100, categoryWeights: v.categoryWeights ?? undefined });
      return 'updated';
    }
    await createScheme(tx, platform, actor, { ref: v.ref, title: v.title, year: v.year, unitId: await ownerUnit(tx, actor), fullPoints: v.fullPoints ?? 100, categoryWeights: v.categoryWeights || undefined });
    return 'created';
  },
});

const lineFields: ImportField[] = [
  { name: 'ref', label: '外部编号', required: true, note: '指标编号', example: 'KP-2026-1.1' },
  { name: 'schemeRef', label: '方案编号', required: true, note: '所属考评方案的外部编号', example: 'KP-2026' },
  { name: 'parentRef', label: '上级指标编号', note: '一级指标留空', example: 'KP-2026-1' },
  { name: 'code', label: '指标编码', required: true, note: '方案内唯一，如 1.1', example: '1.1' },
  { name: 'title', label: '指标名称', required: true, note: '', example: '年度重点任务完成率' },
  { name: 'points', label: '分值', note: '末级指标必填；上级指标的分值为下级之和', example: '10' },
  { name: 'method', label: '评分方式', note: `末级指标必填：${Object.entries(LINE_METHODS).map(([k, v]) => `${k}（${v}）`).join('、')}；上级指标留空`, example: 'computed' },
  { name: 'indicator', label: '关联指标', note: '指标代码（公式计算时必填）', example: 'tasks.completion_rate' },
  { name: 'formula', label: '计分公式', note: '变量 value（指标值）与 points（分值），如 points * value、max(0, points - 2 * value)；一票否决项为条件，如 value > 0', example: 'points * value' },
  { name: 'categories', label: '适用类别', note: '考评类别，分号分隔；留空表示全部', example: '部门;乡镇' },
  { name: 'standard', label: '评分标准', note: '', example: '按完成率计分' },
  { name: 'evidence', label: '佐证材料', note: '', example: '任务台账' },
];
const lineRow = z.object({
  ref: refCell(),
  schemeRef: refCell('方案编号'),
  parentRef: cell('上级指标编号', 64),
  code: textCell('指标编码', 30),
  title: textCell('指标名称', 200),
  points: numberCell('分值'),
  method: z
    .string()
    .trim()
    .optional()
    .refine((m) => !m || m in LINE_METHODS, { error: `评分方式应为 ${Object.keys(LINE_METHODS).join('|')} 之一或留空` })
    .meta({ title: '评分方式' }),
  indicator: cell('关联指标', 64),
  formula: cell('计分公式', 500),
  categories: cell('适用类别', 200),
  standard: cell('评分标准', 2000),
  evidence: cell('佐证材料', 1000),
});
type LineRow = z.infer<typeof lineRow>;

/** Parents first: a row whose parent is later in the file waits for it. */
function parentsFirst(rows: ImportRow<LineRow>[]): ImportRow<LineRow>[] {
  const inFile = new Set(rows.map((r) => r.value.ref));
  const ordered: typeof rows = [];
  const placed = new Set<string>();
  let pending = rows;
  while (pending.length) {
    const next = pending.filter((r) => r.value.parentRef && inFile.has(r.value.parentRef) && !placed.has(r.value.parentRef) && r.value.parentRef !== r.value.ref);
    const ready = pending.filter((r) => !next.includes(r));
    if (!ready.length) {
      ordered.push(...next);
      break;
    }
    for (const r of ready) placed.add(r.value.ref);
    ordered.push(...ready);
    pending = next;
  }
  return ordered;
}

export const linesImport = assessmentImport<LineRow>({
  type: 'assessment_lines',
  title: '考评指标',
  permission: 'assessment.manage',
  fields: lineFields,
  row: lineRow,
  columns: { parentId: 'parentRef' },
  order: parentsFirst,
  async write(v, { tx, actor, platform, columns }) {
    const scheme = await schemeByRef(tx, v.schemeRef, actor);
    if (!scheme) throw new Refused(columns.schemeRef!, `考评方案「${v.schemeRef}」不存在`);
    let parentId: string | null = null;
    if (v.parentRef) {
      const parent = await tx.selectFrom('assessment_lines').select('id').where('scheme_id', '=', scheme.id).where('ref', '=', v.parentRef).executeTakeFirst();
      if (!parent) throw new Refused(columns.parentRef!, `上级指标「${v.parentRef}」不存在于方案「${v.schemeRef}」`);
      parentId = parent.id;
    }
    const input = lineInput.parse({
      parentId,
      code: v.code,
      title: v.title,
      ...(v.points !== undefined ? { points: v.points } : {}),
      method: (v.method || null) as LineMethod | null,
      indicator: v.indicator || null,
      formula: v.formula || null,
      categories: v.categories || null,
      standard: v.standard || null,
      evidence: v.evidence || null,
    });
    const existing = await tx.selectFrom('assessment_lines').select(['id', 'version']).where('scheme_id', '=', scheme.id).where('ref', '=', v.ref).executeTakeFirst();
    if (existing) {
      await updateLine(tx, platform, actor, existing.id, existing.version, input);
      return 'updated';
    }
    await addLine(tx, platform, actor, scheme.id, { ...input, ref: v.ref });
    return 'created';
  },
});

const scoreFields: ImportField[] = [
  { name: 'ref', label: '外部编号', required: true, note: '评分记录编号', example: 'KPS-2026-0001' },
  { name: 'lineRef', label: '指标编号', required: true, note: '考评指标的外部编号（人工评分、加分、扣分、一票否决项）', example: 'KP-2026-2.1' },
  { name: 'unitCode', label: '单位编码', required: true, note: '被考评单位', example: 'SFX-D01' },
  { name: 'score', label: '得分', required: true, note: '不超过该项分值；一票否决项 1 表示触发、0 表示未触发', example: '8' },
  { name: 'reason', label: '评分理由', note: '未得满分、加分、扣分或否决的须填写', example: '行政规范性文件备案迟报 1 件' },
];
const scoreRow = z.object({
  ref: refCell(),
  lineRef: refCell('指标编号'),
  unitCode: textCell('单位编码', 64),
  score: z.string().trim().regex(/^\d+(\.\d{1,2})?$/, { error: '得分应为不小于 0 的数字（最多两位小数）' }).transform(Number).meta({ title: '得分' }),
  reason: cell('评分理由', 1000),
});
type ScoreRow = z.infer<typeof scoreRow>;

export const scoresImport = assessmentImport<ScoreRow>({
  type: 'assessment_scores',
  title: '考评评分',
  permission: 'assessment.score',
  fields: scoreFields,
  row: scoreRow,
  columns: { lineId: 'lineRef', unitId: 'unitCode' },
  async write(v, { tx, actor, platform, columns }) {
    const lines = (await tx.selectFrom('assessment_lines as l').innerJoin('assessment_schemes as s', 's.id', 'l.scheme_id').select(['l.id', 'l.scheme_id', 's.unit_id']).where('l.ref', '=', v.lineRef).execute()).filter((l) => inScope(countyScope(actor.scope), l.unit_id));
    if (lines.length === 0) throw new Refused(columns.lineRef!, `考评指标「${v.lineRef}」不存在`);
    if (lines.length > 1) throw new Refused(columns.lineRef!, `指标编号「${v.lineRef}」对应多个方案的指标，请使用唯一的编号`);
    const unit = await tx.selectFrom('org_units').select('id').where('code', '=', v.unitCode).executeTakeFirst();
    if (!unit || !inScope(actor.scope, unit.id)) throw new Refused(columns.unitCode!, `单位「${v.unitCode}」不存在或无权访问`);
    const existed = await tx.selectFrom('assessment_scores').select('score_c').where('line_id', '=', lines[0]!.id).where('unit_id', '=', unit.id).executeTakeFirst();
    await loadScheme(tx, lines[0]!.scheme_id);
    await setScore(tx, platform, actor, lines[0]!.scheme_id, { ref: v.ref, unitId: unit.id, lineId: lines[0]!.id, score: v.score, reason: v.reason || null }, 'assessor');
    return existed ? 'updated' : 'created';
  },
});

export type { Platform };
