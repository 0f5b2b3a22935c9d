// Scores: self-assessment (kept apart) and the assessors' scores per unit and line; the inputs the
// engine needs (each computed line's indicator value for the unit's subtree and year, counted from
// the records); results live until final, then frozen; score cards and the units × lines matrix.
import './tables.ts';
import { sql } from 'kysely';
import type { Db, Executor, Tx } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import { countyOfUnit, inScope, scoped } from '../../kernel/auth/scope.ts';
import { conflict, fieldError, forbidden, notFound } from '../../kernel/http/errors.ts';
import { newId, nowIso } from '../../kernel/ids.ts';
import { newStamps } from '../../kernel/db/versioned.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import type { IndicatorDef } from '../../kernel/indicators/registry.ts';
import { EVIDENCE_RECORD_TYPES, OBJECTION_STATES, REPORT_WORKFLOW, SCHEME_RECORD_TYPE, type EvidenceFile, type EvidenceInput, type EvidenceSide, type LineResult, type LineView, type ScoreInput, type UnitResult } from '../../../shared/schemas/assessment.ts';
import { computeResults, lineScore, type Cell, type EngineLine, type EngineUnit } from './engine.ts';
import { bandsOf, engineLines, namedLines, fromC, loadScheme, schemeCategories, schemeLines, toC, visibleScheme, weightsOf, objectionDue, type Who } from './schemes.ts';
import type { ScoreTable, SchemeTable } from './tables.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';

/** The units a scheme assesses: active units of its categories in its county. */
export async function assessedUnits(db: Executor, scheme: SchemeTable): Promise<(EngineUnit & { path: string })[]> {
  const categories = await schemeCategories(db, scheme);
  if (!categories.length) return [];
  const rows = await scoped(db.selectFrom('org_units'), await countyOfUnit(db, scheme.unit_id), 'id').select(['id', 'code', 'name', 'category', 'path', 'sort_order']).where('active', '=', 1).where('category', 'in', categories).orderBy('sort_order').orderBy('code').execute();
  return rows.map((u) => ({ unitId: u.id, unitCode: u.code, unitName: u.name, category: u.category!, path: u.path }));
}

/** Each unit's value of each indicator the lines use, for the unit and its subunits in the year; null where a rate has no denominator. */
export async function indicatorValues(db: Executor, platform: Platform, year: number, codes: readonly string[], units: readonly { unitId: string; path: string }[]): Promise<Map<string, Map<string, number | null>>> {
  const all = await db.selectFrom('org_units').select(['id', 'path']).execute();
  const subtree = new Map(units.map((u) => [u.unitId, all.filter((x) => x.path.startsWith(u.path)).map((x) => x.id)]));
  const counted = new Map<string, ReadonlyMap<string, number>>();
  // Outside a transaction the summary tables answer (kept exact by the kernel); inside one (final, an
  // objection) the records are counted directly, as the summaries recount in a transaction of their own.
  const summaries = db === platform.db;
  const countOf = async (code: string, y: number, unitId: string): Promise<number> => {
    const key = `${code}|${y}`;
    if (!counted.has(key) && summaries) counted.set(key, (await platform.facts.load([code], [y]))(code, y));
    if (!counted.has(key)) {
      const def = platform.indicators.get(code) as Extract<IndicatorDef, { kind: 'count' | 'sum' }>;
      const tally = def.kind === 'sum' ? sql<number>`coalesce(sum(x.amount), 0)` : sql<number>`count(*)`;
      const rows = await (db as any).selectFrom((def.records as (db: Db, year: number) => any)(db as Db, y).as('x')).select(['x.unit_id', tally.as('n')]).groupBy('x.unit_id').execute();
      counted.set(key, new Map(rows.map((r: any) => [r.unit_id, Number(r.n)])));
    }
    const byUnit = counted.get(key)!;
    return subtree.get(unitId)!.reduce((s, id) => s + (byUnit.get(id) ?? 0), 0);
  };
  const out = new Map<string, Map<string, number | null>>();
  for (const u of units) {
    const values = new Map<string, number | null>();
    for (const code of codes) {
      const def = platform.indicators.get(code);
      if (!def) {
        values.set(code, null);
        continue;
      }
      if (def.kind === 'count') values.set(code, await countOf(code, year, u.unitId));
      else if (def.kind === 'sum') values.set(code, (await countOf(code, year, u.unitId)) / def.scale);
      else if (def.kind === 'average') {
        const n = await countOf(def.count, year, u.unitId);
        const scale = (platform.indicators.get(def.sum) as Extract<IndicatorDef, { kind: 'sum' }>).scale;
        values.set(code, n === 0 ? null : (await countOf(def.sum, year, u.unitId)) / scale / n);
      } else if (def.kind === 'rate') {
        const den = await countOf(def.denominator, year, u.unitId);
        values.set(code, den === 0 ? null : (await countOf(def.numerator, year, u.unitId)) / den);
      } else {
        const before = await countOf(def.of, year - 1, u.unitId);
        values.set(code, before === 0 ? null : ((await countOf(def.of, year, u.unitId)) - before) / before);
      }
    }
    out.set(u.unitId, values);
  }
  return out;
}

export interface Live {
  scheme: SchemeTable;
  lines: LineView[];
  leaves: EngineLine[];
  units: (EngineUnit & { path: string })[];
  values: Map<string, Map<string, number | null>>;
  scores: Map<string, ScoreTable>;
  results: UnitResult[];
}

const cellKey = (unitId: string, lineId: string) => `${unitId}|${lineId}`;

/** The scheme's results computed as of now from the records and the scores. */
export async function computeLive(db: Executor, platform: Platform, scheme: SchemeTable): Promise<Live> {
  const lines = await schemeLines(db, scheme.id);
  const leaves = engineLines(lines);
  const units = await assessedUnits(db, scheme);
  const codes = [...new Set(leaves.map((l) => l.indicator).filter((c): c is string => Boolean(c)))];
  const values = await indicatorValues(db, platform, scheme.year, codes, units);
  const scores = new Map((await db.selectFrom('assessment_scores').selectAll().where('scheme_id', '=', scheme.id).execute()).map((s) => [cellKey(s.unit_id, s.line_id), s]));
  const cell = (unitId: string, lineId: string): Cell => {
    const line = leaves.find((l) => l.id === lineId)!;
    return { value: line.indicator ? (values.get(unitId)?.get(line.indicator) ?? null) : undefined, score: fromC(scores.get(cellKey(unitId, lineId))?.score_c ?? null) };
  };
  const results = computeResults({ fullPoints: scheme.full_points ?? 100, weights: weightsOf(scheme), bands: bandsOf(scheme) }, leaves, units, cell);
  return { scheme, lines, leaves, units, values, scores, results };
}

/** The results its reader may see: every unit for the law office and leaders, one's own (and subunits') otherwise. Frozen once final. */
export async function schemeResults(platform: Platform, who: Who | null, id: string): Promise<{ scheme: SchemeTable; results: UnitResult[]; frozen: boolean }> {
  const scheme = who ? await visibleScheme(platform.db, who, id) : await loadScheme(platform.db, id);
  let results: UnitResult[];
  if (scheme.status === 'final') {
    const rows = await platform.db.selectFrom('assessment_results').select(['result']).where('scheme_id', '=', id).execute();
    results = rows.map((r) => JSON.parse(r.result) as UnitResult).sort((a, b) => a.category.localeCompare(b.category) || a.rank - b.rank || a.unitCode.localeCompare(b.unitCode));
  } else results = (await computeLive(platform.db, platform, scheme)).results;
  return { scheme, results: who ? results.filter((r) => inScope(who.scope, r.unitId)) : results, frozen: scheme.status === 'final' };
}

/** At final: every unit's result and the values it used, frozen (a later change of a record no longer moves it). */
export async function freezeResults(tx: Tx, platform: Platform, schemeId: string): Promise<void> {
  const live = await computeLive(tx, platform, await loadScheme(tx, schemeId));
  await tx.deleteFrom('assessment_results').where('scheme_id', '=', schemeId).execute();
  const at = nowIso();
  for (const r of live.results) {
    const lineValues: Record<string, number | null> = {};
    for (const l of live.leaves) if (l.indicator) lineValues[l.code] = live.values.get(r.unitId)?.get(l.indicator) ?? null;
    await tx
      .insertInto('assessment_results')
      .values({ scheme_id: schemeId, unit_id: r.unitId, category: r.category, total_c: toC(r.total), grade: r.grade, rank: r.rank, vetoed: r.vetoed ? 1 : 0, result: JSON.stringify(r), line_values: JSON.stringify(lineValues), frozen_at: at })
      .execute();
  }
}

/** The unit and leaf line a score or its evidence is for: in the user's scope, assessed by the scheme, the line applying to the unit's category. */
async function scoredCell(tx: Tx, who: Who, scheme: SchemeTable, input: { unitId: string; lineId: string }) {
  if (!inScope(who.scope, input.unitId)) throw fieldError('unitId', '被考评单位', '不存在或无权访问');
  const unit = (await assessedUnits(tx, scheme)).find((u) => u.unitId === input.unitId);
  if (!unit) throw fieldError('unitId', '被考评单位', '不在本方案的考评范围内');
  const line = engineLines(await schemeLines(tx, scheme.id)).find((l) => l.id === input.lineId);
  if (!line) throw fieldError('lineId', '考评指标', '不存在或不是可评分的末级指标');
  if (line.categories?.length && !line.categories.includes(unit.category)) throw fieldError('lineId', '考评指标', `不适用于${unit.category}类单位`);
  return { unit, line };
}

/**
 * 评分 (assessors) or 自评 (the unit): one unit's score on one leaf line, with its reason. Assessors
 * score manual, bonus, deduction and veto lines while the scheme is published or being scored; the
 * unit self-assesses manual, bonus and deduction lines while published or being scored.
 */
export async function setScore(tx: Tx, platform: Platform, who: Who, schemeId: string, input: ScoreInput & { ref?: string | null }, mode: 'assessor' | 'self'): Promise<void> {
  const scheme = await loadScheme(tx, schemeId, who.scope);
  if (scheme.status === 'draft' && mode === 'self') throw notFound('考评方案');
  if (scheme.status === 'final') throw conflict('考评结果已定稿，分数不能再修改');
  if (!['published', 'scoring'].includes(scheme.status)) throw conflict(scheme.status === 'draft' ? '方案尚未发布，不能评分' : '初评结果已公布，分数只能通过答复异议调整');
  const { unit, line } = await scoredCell(tx, who, scheme, input);
  if (line.method === 'computed') throw fieldError('lineId', '考评指标', '指标计算项由系统按指标值计算，不能人工评分');
  if (mode === 'self' && line.method === 'veto') throw fieldError('lineId', '考评指标', '一票否决项不需要自评');
  const score = input.score;
  if (score !== null) {
    if (line.method === 'veto' && score !== 0 && score !== 1) throw fieldError('score', '得分', '一票否决项填 1（触发）或 0（未触发）');
    if (line.method !== 'veto' && score > line.points) throw fieldError('score', '得分', `不能超过该项分值 ${line.points} 分`);
    if (Math.abs(score * 100 - Math.round(score * 100)) > 1e-6) throw fieldError('score', '得分', '最多两位小数');
    const needsReason = line.method === 'manual' ? score < line.points : score > 0;
    if (mode === 'assessor' && needsReason && !input.reason) throw fieldError('reason', '评分理由', line.method === 'manual' ? '未得满分的须写明扣分理由' : '加分、扣分或一票否决须写明理由');
  }
  const existing = await tx.selectFrom('assessment_scores').selectAll().where('line_id', '=', line.id).where('unit_id', '=', unit.unitId).executeTakeFirst();
  if (input.version !== undefined && input.version !== Number(existing?.version ?? 0)) throw conflict(`该项（${line.code}）的分数已被他人修改，请刷新后再评分`);
  const values =
    mode === 'assessor'
      ? { score_c: score === null ? null : toC(score), reason: input.reason ?? null, evidence: input.evidence ?? null }
      : { self_score_c: score === null ? null : toC(score), self_reason: input.reason ?? null, self_evidence: input.evidence ?? null };
  if (existing) await tx.updateTable('assessment_scores').set({ ...values, version: Number(existing.version) + 1, updated_at: nowIso(), updated_by: who.id }).where('id', '=', existing.id).execute();
  else
    await tx
      .insertInto('assessment_scores')
      .values({ id: newId(), ref: input.ref ?? null, unit_id: unit.unitId, scheme_id: scheme.id, line_id: line.id, self_score_c: null, self_reason: null, self_evidence: null, score_c: null, reason: null, evidence: null, ...values, ...newStamps(who.id) })
      .execute();
  await platform.audit.record(tx, who, { action: mode === 'assessor' ? 'assessment.score' : 'assessment.self_score', targetType: SCHEME_RECORD_TYPE, targetId: scheme.id, detail: { unit: unit.unitCode, line: line.code, score } });
}

/**
 * Links a file the user has just uploaded (POST /attachments with the assessed unit as its unit) to a
 * score as its evidence: a unit's own for its self-assessment, an assessor's for the score. The file
 * stays the assessed unit's, so a unit sees its own evidence only (the attachments' data scope).
 */
export async function linkEvidence(tx: Tx, platform: Platform, who: Who & { permissions: ReadonlySet<string> }, schemeId: string, input: EvidenceInput): Promise<void> {
  const scheme = await loadScheme(tx, schemeId, who.scope);
  if (scheme.status === 'draft') throw notFound('考评方案');
  if (!who.permissions.has(input.side === 'self' ? 'assessment.self' : 'assessment.score')) throw forbidden(input.side === 'self' ? '只有被考评单位可以上传自评佐证材料' : '只有考评人员可以上传考评佐证材料');
  if (!['published', 'scoring'].includes(scheme.status)) throw conflict('只能在单位自评和考评打分阶段上传佐证材料');
  const { unit, line } = await scoredCell(tx, who, scheme, input);
  if (line.method === 'computed') throw fieldError('lineId', '考评指标', '指标计算项由系统按指标值计算，不需要佐证材料');
  const file = await tx.selectFrom('attachments').select(['id', 'unit_id', 'uploaded_by', 'record_type', 'filename']).where('id', '=', input.attachmentId).executeTakeFirst();
  if (!file || file.uploaded_by !== who.id || file.record_type !== null || file.unit_id !== unit.unitId) throw fieldError('attachmentId', '佐证材料', '不存在，或不是您为该单位刚上传的材料');
  await tx.updateTable('attachments').set({ record_type: EVIDENCE_RECORD_TYPES[input.side], record_id: `${line.id}:${unit.unitId}` }).where('id', '=', file.id).execute();
  await platform.audit.record(tx, who, { action: 'assessment.evidence', targetType: SCHEME_RECORD_TYPE, targetId: scheme.id, detail: { unit: unit.unitCode, line: line.code, side: input.side, file: file.filename } });
}

/** The evidence files of a unit's lines (its own: the caller checks the unit is in the reader's scope). */
async function evidenceOf(platform: Platform, unitIds: readonly string[], lineIds: readonly string[]): Promise<Map<string, EvidenceFile[]>> {
  const out = new Map<string, EvidenceFile[]>();
  if (!unitIds.length || !lineIds.length) return out;
  const sides = Object.entries(EVIDENCE_RECORD_TYPES) as [EvidenceSide, string][];
  const rows = await platform.db
    .selectFrom('attachments')
    .select(['id', 'filename', 'record_type', 'record_id', 'uploaded_at'])
    .where('record_type', 'in', sides.map(([, t]) => t))
    .where('unit_id', 'in', unitIds)
    .orderBy('uploaded_at')
    .execute();
  const wanted = new Set(lineIds);
  for (const r of rows) {
    const [lineId, unitId] = String(r.record_id).split(':');
    if (!wanted.has(lineId!)) continue;
    const key = cellKey(unitId!, lineId!);
    out.set(key, [...(out.get(key) ?? []), { id: r.id, filename: r.filename, side: sides.find(([, t]) => t === r.record_type)![0], uploadedAt: r.uploaded_at }]);
  }
  return out;
}

/** A unit's 述法 report of a year as a 述法 line shows it: its status and where it opens. */
export interface ReportLink {
  id: string;
  status: string;
  statusLabel: string;
  link: string;
}

/** The 述法 reports of a year of the given units (each unit has at most one a year). */
async function reportsOf(platform: Platform, year: number, unitIds: readonly string[]): Promise<Map<string, ReportLink>> {
  if (!unitIds.length) return new Map();
  const rows = await platform.db.selectFrom('assessment_reports').select(['id', 'unit_id', 'status']).where('year', '=', year).where('unit_id', 'in', unitIds).execute();
  return new Map(rows.map((r) => [r.unit_id, { id: r.id, status: r.status, statusLabel: REPORT_WORKFLOW.states[r.status]?.label ?? r.status, link: `${REPORT_WORKFLOW.linkPrefix}${r.id}` }]));
}

/** The units × lines matrix as its reader may see it: the units in scope, each leaf's score (assessor and self) and the value behind a computed line. */
export async function scoreMatrix(platform: Platform, who: Who, id: string) {
  const scheme = await visibleScheme(platform.db, who, id);
  const live = await computeLive(platform.db, platform, scheme);
  const units = live.units.filter((u) => inScope(who.scope, u.unitId));
  const frozen = scheme.status === 'final' ? new Map((await schemeResults(platform, who, id)).results.map((r) => [r.unitId, r])) : null;
  const evidence = await evidenceOf(platform, units.map((u) => u.unitId), live.leaves.map((l) => l.id));
  const lineById = new Map(live.lines.map((l) => [l.id, l]));
  const reports = live.lines.some((l) => l.reportLine) ? await reportsOf(platform, scheme.year, units.map((u) => u.unitId)) : new Map<string, ReportLink>();
  return {
    schemeId: scheme.id,
    status: scheme.status,
    leaves: namedLines(platform, live.lines.filter((l) => l.leaf && l.method)),
    units: units.map((u) => {
      const result = frozen?.get(u.unitId) ?? live.results.find((r) => r.unitId === u.unitId)!;
      const cells: Record<string, { score: number | null; assessorScore: number | null; selfScore: number | null; reason: string | null; version: number; value: number | null | undefined; applies: boolean; files: number; report?: ReportLink | null }> = {};
      for (const l of live.leaves) {
        const s = live.scores.get(cellKey(u.unitId, l.id));
        const applies = !l.categories?.length || l.categories.includes(u.category);
        cells[l.id] = {
          score: applies ? (result.lines[l.code] ?? null) : null,
          assessorScore: fromC(s?.score_c ?? null),
          selfScore: fromC(s?.self_score_c ?? null),
          reason: s?.reason ?? null,
          version: Number(s?.version ?? 0),
          value: l.indicator ? (live.values.get(u.unitId)?.get(l.indicator) ?? null) : undefined,
          applies,
          files: evidence.get(cellKey(u.unitId, l.id))?.length ?? 0,
          ...(lineById.get(l.id)?.reportLine ? { report: reports.get(u.unitId) ?? null } : {}),
        };
      }
      return { unitId: u.unitId, unitCode: u.unitCode, unitName: u.unitName, category: u.category, total: result.total, grade: result.grade, rank: result.rank, vetoed: result.vetoed, cells };
    }),
  };
}

/** 成绩单: one unit's lines with scores, self-scores, reasons, the value behind each computed line (and, when final, whether it has changed since), its objections and the window. */
export async function scoreCard(platform: Platform, who: Who, id: string, unitId: string) {
  const scheme = await visibleScheme(platform.db, who, id);
  if (!inScope(who.scope, unitId)) throw notFound('成绩单');
  const live = await computeLive(platform.db, platform, scheme);
  const unit = live.units.find((u) => u.unitId === unitId);
  if (!unit) throw notFound('成绩单');
  let result = live.results.find((r) => r.unitId === unitId)!;
  let frozenValues: Record<string, number | null> | null = null;
  if (scheme.status === 'final') {
    const row = await platform.db.selectFrom('assessment_results').select(['result', 'line_values']).where('scheme_id', '=', id).where('unit_id', '=', unitId).executeTakeFirst();
    if (row) {
      result = JSON.parse(row.result);
      frozenValues = JSON.parse(row.line_values);
    }
  }
  const objections = await platform.db.selectFrom('assessment_objections').selectAll().where('scheme_id', '=', id).where('unit_id', '=', unitId).execute();
  const evidence = await evidenceOf(platform, [unitId], live.leaves.map((l) => l.id));
  const report = live.lines.some((l) => l.reportLine) ? ((await reportsOf(platform, scheme.year, [unitId])).get(unitId) ?? null) : undefined;
  const lines: (LineView & LineResult & { applies: boolean; files: EvidenceFile[]; objection: { id: string; status: string; statusLabel: string; reason: string; answer: string | null } | null; link: string | null })[] = namedLines(platform, live.lines).map((l) => {
    const s = live.scores.get(cellKey(unitId, l.id));
    const applies = !l.categories?.length || l.categories.includes(unit.category);
    const valueNow = l.indicator ? (live.values.get(unitId)?.get(l.indicator) ?? null) : undefined;
    const value = frozenValues && l.indicator ? (frozenValues[l.code] ?? null) : valueNow;
    const o = objections.find((x) => x.line_id === l.id);
    return {
      ...l,
      lineId: l.id,
      applies,
      score: l.leaf && l.method && applies ? (result.lines[l.code] ?? null) : null,
      value,
      ...(frozenValues && l.indicator ? { valueNow, changedSince: valueNow !== value } : {}),
      selfScore: fromC(s?.self_score_c ?? null),
      reason: s?.reason ?? null,
      version: Number(s?.version ?? 0),
      files: evidence.get(cellKey(unitId, l.id)) ?? [],
      ...(l.reportLine ? { report } : {}),
      objection: o ? { id: o.id, status: o.status, statusLabel: OBJECTION_STATES[o.status as keyof typeof OBJECTION_STATES], reason: o.reason, answer: o.answer } : null,
      // The records behind a computed line's value (the indicator's provenance for the unit and year).
      link: l.indicator ? `/indicators/${l.indicator}?year=${scheme.year}&unit=${unit.unitCode}` : null,
    };
  });
  const due = await objectionDue(platform.db, id);
  return {
    schemeId: id,
    schemeTitle: scheme.title,
    year: scheme.year,
    status: scheme.status,
    result,
    lines,
    objectionDue: due,
    canObject: scheme.status === 'preliminary' && due !== null && chinaToday() <= due,
  };
}

/** A leaf line's current score for a unit (the objection's 'before'). */
export async function currentLineScore(db: Executor, platform: Platform, scheme: SchemeTable, unitId: string, lineId: string): Promise<number | null> {
  const live = await computeLive(db, platform, scheme);
  const line = live.leaves.find((l) => l.id === lineId)!;
  const s = live.scores.get(cellKey(unitId, lineId));
  return lineScore(line, { value: line.indicator ? (live.values.get(unitId)?.get(line.indicator) ?? null) : undefined, score: fromC(s?.score_c ?? null) });
}

export { cellKey, addTimeline };
