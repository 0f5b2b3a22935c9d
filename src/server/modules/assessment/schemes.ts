// 考评方案 and its lines: a tree (一级/二级/三级) whose leaves score; a parent's points are the sum
// of its children's. Lines change only while the scheme is a draft; every change keeps the scheme's
// points check (the publish guard) in step.
import './tables.ts';
import type { Executor, Tx } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import { countyOfUnit, countyScope, inScope, scoped, type DataScope } from '../../kernel/auth/scope.ts';
import { conflict, fieldError, notFound } from '../../kernel/http/errors.ts';
import { newId, nowIso } from '../../kernel/ids.ts';
import { newStamps, updateVersioned } from '../../kernel/db/versioned.ts';
import { recordRow, recordView } from '../../kernel/records/view.ts';
import { listPage, type ListParams } from '../../kernel/records/list.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import { clocksOf, clocksWithLights } from '../../kernel/workflow/clocks.ts';
import {
  LINE_METHODS,
  SCHEME,
  SCHEME_RECORD_TYPE,
  SCHEME_WORKFLOW,
  parseWeights,
  parseBands,
  DEFAULT_BANDS,
  type GradeBand,
  type LineInput,
  type LineMethod,
  type LineView,
  type SchemeDetail,
  type SchemeInput,
  type SchemeUpdate,
  type SchemeView,
} from '../../../shared/schemas/assessment.ts';
import { compileFormula } from './formula.ts';
import { BASE_METHODS, appliesTo, pointsProblem, round2, type EngineLine } from './engine.ts';
import type { LineTable, SchemeTable } from './tables.ts';
import { ownerUnit } from '../../kernel/records/plain.ts';

export type Who = Actor & { scope: DataScope; permissions: ReadonlySet<string> };

export const toC = (n: number) => Math.round(n * 100);
export const fromC = (n: number | null) => (n === null ? null : n / 100);
export const splitList = (s: string | null | undefined) => (s ?? '').split(/[;；,，]/).map((x) => x.trim()).filter(Boolean);

/** The scheme's grade bands (the default ones when none are set). */
export const bandsOf = (s: SchemeTable): GradeBand[] => {
  const b = parseBands(s.grade_bands, Number.MAX_SAFE_INTEGER);
  return typeof b === 'string' ? [...DEFAULT_BANDS] : b;
};

/** The bands must fit the scheme's full points. */
function checkBands(text: string | null | undefined, fullPoints: number): void {
  const b = parseBands(text, fullPoints);
  if (typeof b === 'string') throw fieldError('gradeBands', '等次分数线', b);
}

export const weightsOf = (s: SchemeTable) => {
  const w = parseWeights(s.category_weights);
  return typeof w === 'string' ? {} : w;
};

/** The lines of a scheme as a tree in order: each with its level, whether it is a leaf, and its points (a parent's: its children's sum). */
export function lineViews(rows: readonly LineTable[]): LineView[] {
  const children = new Map<string | null, LineTable[]>();
  for (const r of rows) children.set(r.parent_id, [...(children.get(r.parent_id) ?? []), r]);
  for (const list of children.values()) list.sort((a, b) => a.sort_order - b.sort_order || a.code.localeCompare(b.code));
  const out: LineView[] = [];
  const pointsOf = (id: string): number => {
    const kids = children.get(id);
    if (!kids?.length) return rows.find((r) => r.id === id)!.points_c;
    return kids.reduce((s, k) => s + pointsOf(k.id), 0);
  };
  const walk = (parent: string | null, level: number) => {
    for (const r of children.get(parent) ?? []) {
      const leaf = !children.get(r.id)?.length;
      out.push({
        id: r.id,
        ref: r.ref,
        version: Number(r.version),
        parentId: r.parent_id,
        code: r.code,
        title: r.title,
        points: pointsOf(r.id) / 100,
        method: leaf ? ((r.method as LineMethod | null) ?? null) : null,
        methodLabel: leaf && r.method ? (LINE_METHODS[r.method as LineMethod] ?? r.method) : null,
        indicator: r.indicator,
        formula: r.formula,
        categories: r.categories ? splitList(r.categories) : null,
        standard: r.standard,
        evidence: r.evidence,
        reportLine: Number(r.report_line ?? 0) === 1,
        sortOrder: Number(r.sort_order),
        level,
        leaf,
      });
      walk(r.id, level + 1);
    }
  };
  walk(null, 1);
  return out;
}

/** The scoring leaves for the engine (a leaf without a method does not score). */
export const engineLines = (views: readonly LineView[]): EngineLine[] =>
  views.filter((l) => l.leaf && l.method).map((l) => ({ id: l.id, code: l.code, points: l.points, method: l.method!, indicator: l.indicator, formula: l.formula, categories: l.categories }));

/** The lines with their indicators' Chinese names. */
export const namedLines = (platform: Platform, lines: readonly LineView[]): LineView[] => lines.map((l) => ({ ...l, indicatorName: l.indicator ? (platform.indicators.get(l.indicator)?.name ?? null) : null }));

export async function schemeLines(db: Executor, schemeId: string): Promise<LineView[]> {
  return lineViews(await db.selectFrom('assessment_lines').selectAll().where('scheme_id', '=', schemeId).execute());
}

/** The categories the scheme assesses: its weights' categories (none given: every category of its county's units). */
export async function schemeCategories(db: Executor, scheme: SchemeTable): Promise<string[]> {
  const keys = Object.keys(weightsOf(scheme));
  if (keys.length) return keys;
  const rows = await scoped(db.selectFrom('org_units').select('category').distinct().where('category', 'is not', null).where('active', '=', 1), await countyOfUnit(db, scheme.unit_id), 'id').execute();
  return rows.map((r) => r.category!).sort();
}

async function refreshPointsCheck(tx: Tx, scheme: SchemeTable): Promise<void> {
  const problem = pointsProblem((scheme.full_points ?? 100), engineLines(await schemeLines(tx, scheme.id)), await schemeCategories(tx, scheme));
  await tx.updateTable('assessment_schemes').set({ points_problem: problem }).where('id', '=', scheme.id).execute();
}

/** A scheme, of the county of those whose `scope` is given (a scheme is the county's, shared with its units). */
export async function loadScheme(db: Executor, id: string, scope?: DataScope): Promise<SchemeTable> {
  const s = await db.selectFrom('assessment_schemes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!s || (scope && !inScope(countyScope(scope), s.unit_id))) throw notFound('考评方案');
  return s;
}

/** A scheme its reader may see: their county's, drafts only to those who manage schemes. */
export async function visibleScheme(db: Executor, who: { permissions: ReadonlySet<string>; scope: DataScope }, id: string): Promise<SchemeTable> {
  const s = await loadScheme(db, id, who.scope);
  if (s.status === 'draft' && !who.permissions.has('assessment.manage')) throw notFound('考评方案');
  return s;
}

async function draftScheme(tx: Tx, id: string, scope: DataScope): Promise<SchemeTable> {
  const s = await loadScheme(tx, id, scope);
  if (s.status !== 'draft') throw conflict('方案已发布，指标不能再修改（可复制为新方案后修改）');
  return s;
}

export async function createScheme(tx: Tx, platform: Platform, actor: Who, input: SchemeInput & { ref?: string | null }): Promise<string> {
  await ownerUnit(tx, actor.scope, input.unitId, { field: 'unitId', label: '组织单位' });
  const id = newId();
  const row = {
    id,
    ref: input.ref ?? null,
    ...recordRow<SchemeTable>(SCHEME, input),
    full_points: input.fullPoints ?? 100,
    category_weights: input.categoryWeights ?? null,
    grade_bands: input.gradeBands || null,
    status: 'draft',
    points_problem: '方案还没有可评分的指标',
    open_objections: 0,
    ...newStamps(actor.id),
  } as SchemeTable;
  if (row.full_points! <= 0 || row.full_points! > 1000) throw fieldError('fullPoints', '满分', '应在 1 至 1000 之间');
  checkBands(row.grade_bands, row.full_points!);
  await tx.insertInto('assessment_schemes').values(row).execute();
  await addTimeline(tx, actor, { recordType: SCHEME_RECORD_TYPE, recordId: id, action: 'create', label: '编制考评方案', toStatus: 'draft' });
  await platform.audit.record(tx, actor, { action: 'assessment.scheme_create', targetType: SCHEME_RECORD_TYPE, targetId: id });
  return id;
}

export async function updateScheme(tx: Tx, platform: Platform, actor: Who, id: string, version: number, input: Omit<SchemeUpdate, 'version'>): Promise<number> {
  const s = await draftScheme(tx, id, actor.scope);
  if (input.fullPoints !== undefined && (input.fullPoints <= 0 || input.fullPoints > 1000)) throw fieldError('fullPoints', '满分', '应在 1 至 1000 之间');
  checkBands(input.gradeBands !== undefined ? input.gradeBands : s.grade_bands, input.fullPoints ?? s.full_points ?? 100);
  const next = await updateVersioned(tx, 'assessment_schemes', id, version, { ...recordRow(SCHEME, input), ...(input.gradeBands !== undefined ? { grade_bands: input.gradeBands || null } : {}) }, actor.id);
  await refreshPointsCheck(tx, await loadScheme(tx, s.id));
  await platform.audit.record(tx, actor, { action: 'assessment.scheme_update', targetType: SCHEME_RECORD_TYPE, targetId: id });
  return next;
}

/** Checks a line's input against the scheme: parent, depth, method, indicator and formula. */
async function checkLine(tx: Tx, platform: Platform, scheme: SchemeTable, input: LineInput, self: string | null): Promise<{ parent: LineTable | null }> {
  let parent: LineTable | null = null;
  if (input.parentId) {
    parent = (await tx.selectFrom('assessment_lines').selectAll().where('id', '=', input.parentId).where('scheme_id', '=', scheme.id).executeTakeFirst()) ?? null;
    if (!parent) throw fieldError('parentId', '上级指标', '不存在或不属于本方案');
    if (parent.id === self) throw fieldError('parentId', '上级指标', '不能是本指标');
    let level = 1;
    for (let p: LineTable | null = parent; p?.parent_id; level++) {
      if (p.parent_id === self) throw fieldError('parentId', '上级指标', '不能是本指标的下级');
      p = (await tx.selectFrom('assessment_lines').selectAll().where('id', '=', p.parent_id).executeTakeFirst()) ?? null;
    }
    if (level >= 3) throw fieldError('parentId', '上级指标', '指标最多三级');
  }
  const method = input.method ?? null;
  if (method) {
    if (input.points === undefined) throw fieldError('points', '分值', '请填写末级指标的分值');
    if (method === 'computed' && !input.indicator) throw fieldError('indicator', '关联指标', '指标计算项须选择关联指标');
    if (method === 'computed' && !input.formula) throw fieldError('formula', '计分公式', '指标计算项须填写计分公式，如 points * value');
  }
  if (input.indicator && !platform.indicators.has(input.indicator)) throw fieldError('indicator', '关联指标', `「${input.indicator}」不存在，请从指标目录中选择`);
  if (input.formula) {
    if (!input.indicator) throw fieldError('indicator', '关联指标', '填写了计分公式的须选择关联指标（公式中的 value 即该指标的值）');
    const compiled = compileFormula(input.formula, method === 'veto' ? 'condition' : 'score');
    if (typeof compiled === 'string') throw fieldError('formula', '计分公式', `「${input.formula}」${compiled}`);
  }
  if (input.reportLine && input.method !== 'manual') throw fieldError('reportLine', '述法评分项', '只有人工评分项可以作为述法评分项');
  const dup = await tx.selectFrom('assessment_lines').select('id').where('scheme_id', '=', scheme.id).where('code', '=', input.code).executeTakeFirst();
  if (dup && dup.id !== self) throw fieldError('code', '指标编码', `「${input.code}」在本方案中已存在`);
  return { parent };
}

const lineColumns = (input: LineInput) => ({
  parent_id: input.parentId ?? null,
  code: input.code,
  title: input.title,
  points_c: toC(input.points ?? 0),
  method: input.method ?? null,
  indicator: input.indicator || null,
  formula: input.formula || null,
  categories: splitList(input.categories).join(';') || null,
  standard: input.standard || null,
  evidence: input.evidence || null,
  report_line: input.reportLine ? 1 : 0,
  ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
});

export async function addLine(tx: Tx, platform: Platform, actor: Who, schemeId: string, input: LineInput & { ref?: string | null }): Promise<string> {
  const scheme = await draftScheme(tx, schemeId, actor.scope);
  const { parent } = await checkLine(tx, platform, scheme, input, null);
  const id = newId();
  const order = input.sortOrder ?? Number((await tx.selectFrom('assessment_lines').select((eb) => eb.fn.countAll<number>().as('n')).where('scheme_id', '=', schemeId).executeTakeFirstOrThrow()).n) + 1;
  await tx.insertInto('assessment_lines').values({ id, ref: input.ref ?? null, unit_id: scheme.unit_id, scheme_id: scheme.id, ...lineColumns(input), sort_order: order, ...newStamps(actor.id) }).execute();
  // A line with children no longer scores itself.
  if (parent?.method) await tx.updateTable('assessment_lines').set({ method: null, updated_at: nowIso() }).where('id', '=', parent.id).execute();
  await refreshPointsCheck(tx, scheme);
  await platform.audit.record(tx, actor, { action: 'assessment.line_add', targetType: SCHEME_RECORD_TYPE, targetId: scheme.id, detail: { code: input.code } });
  return id;
}

export async function updateLine(tx: Tx, platform: Platform, actor: Who, lineId: string, version: number, input: LineInput): Promise<string> {
  const line = await tx.selectFrom('assessment_lines').selectAll().where('id', '=', lineId).executeTakeFirst();
  if (!line) throw notFound('考评指标');
  const scheme = await draftScheme(tx, line.scheme_id, actor.scope);
  await checkLine(tx, platform, scheme, input, line.id);
  await updateVersioned(tx, 'assessment_lines', lineId, version, lineColumns(input), actor.id);
  await refreshPointsCheck(tx, scheme);
  await platform.audit.record(tx, actor, { action: 'assessment.line_update', targetType: SCHEME_RECORD_TYPE, targetId: scheme.id, detail: { code: input.code } });
  return scheme.id;
}

export async function deleteLine(tx: Tx, platform: Platform, actor: Who, lineId: string): Promise<string> {
  const line = await tx.selectFrom('assessment_lines').selectAll().where('id', '=', lineId).executeTakeFirst();
  if (!line) throw notFound('考评指标');
  const scheme = await draftScheme(tx, line.scheme_id, actor.scope);
  if (await tx.selectFrom('assessment_lines').select('id').where('parent_id', '=', lineId).executeTakeFirst()) throw conflict('该指标还有下级指标，请先删除下级指标');
  await tx.deleteFrom('assessment_scores').where('line_id', '=', lineId).execute();
  await tx.deleteFrom('assessment_lines').where('id', '=', lineId).execute();
  await refreshPointsCheck(tx, scheme);
  await platform.audit.record(tx, actor, { action: 'assessment.line_delete', targetType: SCHEME_RECORD_TYPE, targetId: scheme.id, detail: { code: line.code } });
  return scheme.id;
}

/** 复制到下一年度: a new draft with the same lines (and tree). */
export async function copyScheme(tx: Tx, platform: Platform, actor: Who, id: string, input: { year: number; title?: string }): Promise<string> {
  const from = await loadScheme(tx, id, actor.scope);
  const title = input.title ?? from.title.replace(String(from.year), String(input.year));
  const newIdOf = await createScheme(tx, platform, actor, { title: title === from.title ? `${title}（${input.year}年度）` : title, year: input.year, unitId: from.unit_id, fullPoints: from.full_points ?? 100, categoryWeights: from.category_weights ?? undefined, gradeBands: from.grade_bands ?? undefined });
  const map = new Map<string, string>();
  for (const l of await schemeLines(tx, from.id)) {
    const lineId = newId();
    map.set(l.id, lineId);
    const row = await tx.selectFrom('assessment_lines').selectAll().where('id', '=', l.id).executeTakeFirstOrThrow();
    await tx.insertInto('assessment_lines').values({ ...row, id: lineId, ref: null, scheme_id: newIdOf, parent_id: row.parent_id ? map.get(row.parent_id)! : null, ...newStamps(actor.id) }).execute();
  }
  await refreshPointsCheck(tx, await loadScheme(tx, newIdOf));
  await addTimeline(tx, actor, { recordType: SCHEME_RECORD_TYPE, recordId: newIdOf, action: 'copy', label: `由「${from.title}」复制` });
  return newIdOf;
}

type SchemeRow = SchemeTable & { unit_name: string };
const schemeQuery = (db: Executor) => db.selectFrom('assessment_schemes as s').innerJoin('org_units as u', 'u.id', 's.unit_id').selectAll('s').select('u.name as unit_name');

async function objectionDue(db: Executor, id: string): Promise<string | null> {
  return (await clocksOf(db, SCHEME_RECORD_TYPE, id)).find((c) => c.clock_key === 'objection')?.due_date ?? null;
}

/** Each scheme's running objection clock with today's light. */
async function objectionClocks(platform: Platform, ids: string[]) {
  const clocks = await clocksWithLights(platform, SCHEME_RECORD_TYPE, ids, 'objection');
  return (id: string) => {
    const { clock, light = null } = clocks.get(id) ?? {};
    return clock?.status === 'running' ? { due: clock.due_date, light } : { due: null, light: null };
  };
}

const schemeView = (r: SchemeRow, due: string | null, running: { due: string | null; light: SchemeView['light'] }): SchemeView => ({
  ...recordView(SCHEME, r),
  unitName: r.unit_name,
  status: r.status,
  statusLabel: SCHEME_WORKFLOW.states[r.status]?.label ?? r.status,
  pointsProblem: r.points_problem,
  openObjections: Number(r.open_objections),
  objectionDue: due,
  ...running,
});

export async function listSchemes(platform: Platform, who: Who, query: ListParams & { status?: string }) {
  let base = schemeQuery(platform.db);
  if (query.status) base = base.where('s.status', '=', query.status);
  if (!who.permissions.has('assessment.manage')) base = base.where('s.status', '!=', 'draft');
  // Every unit reads the schemes of its county (it is assessed by them): no narrower unit scope on the scheme itself.
  const page = await listPage<SchemeRow>(platform.db, base, SCHEME, { alias: 's', unitColumn: 's.unit_id', defaultSort: { field: 'year', order: 'desc' } }, countyScope(who.scope), query);
  const running = await objectionClocks(platform, page.items.map((r) => r.id));
  return { ...page, items: page.items.map((r) => schemeView(r, null, running(r.id))) };
}

export async function getScheme(platform: Platform, who: Who, id: string): Promise<SchemeDetail> {
  const s = await visibleScheme(platform.db, who, id);
  const row = (await schemeQuery(platform.db).where('s.id', '=', s.id).executeTakeFirstOrThrow()) as SchemeRow;
  const lines = namedLines(platform, await schemeLines(platform.db, id));
  const weights = weightsOf(s);
  const leaves = engineLines(lines);
  const view = schemeView(row, await objectionDue(platform.db, id), (await objectionClocks(platform, [id]))(id));
  // A unit sees the count of its own open objections, not the county's.
  if (!who.permissions.has('assessment.score')) {
    const open = await platform.db.selectFrom('assessment_objections').select('unit_id').where('scheme_id', '=', id).where('status', '=', 'open').execute();
    view.openObjections = open.filter((o) => inScope(who.scope, o.unit_id)).length;
  }
  return {
    ...view,
    lines,
    pointsByCategory: (await schemeCategories(platform.db, s)).map((category) => ({
      category,
      points: round2(leaves.filter((l) => BASE_METHODS.includes(l.method) && appliesTo(l, category)).reduce((sum, l) => sum + l.points, 0)),
      weight: weights[category] ?? 0,
    })),
    canManage: who.permissions.has('assessment.manage'),
  };
}

export { objectionDue };
