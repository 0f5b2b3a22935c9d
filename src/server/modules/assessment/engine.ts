// The scoring engine: plain domain code over a scheme's leaf lines, the units it applies to and each
// unit's inputs per line (the indicator's value for the unit's subtree and year, the assessor's
// score). No database here: the caller gathers the inputs (scores.ts), the unit test feeds tables.
import { DEFAULT_BANDS, type Grade, type GradeBand, type LineMethod, type UnitResult } from '../../../shared/schemas/assessment.ts';
import { compileFormula, type Formula } from './formula.ts';

export interface EngineLine {
  id: string;
  code: string;
  points: number;
  method: LineMethod;
  indicator: string | null;
  formula: string | null;
  /** Unit categories the line applies to; null: all. */
  categories: readonly string[] | null;
}

export interface EngineUnit {
  unitId: string;
  unitCode: string;
  unitName: string;
  category: string;
}

export interface EngineScheme {
  fullPoints: number;
  weights: Readonly<Record<string, number>>;
  bands?: readonly GradeBand[];
}

/** One unit's inputs on one line: the indicator's value (null: no value, e.g. a rate without a denominator) and the assessor's score (null: not scored). */
export interface Cell {
  value?: number | null;
  score?: number | null;
}

export const BASE_METHODS: readonly LineMethod[] = ['computed', 'manual'];
export const round2 = (n: number) => Math.round(n * 100) / 100;

export const appliesTo = (line: Pick<EngineLine, 'categories'>, category: string) => !line.categories || line.categories.length === 0 || line.categories.includes(category);

/** The grade of a total by the bands (best first), 不合格 below the lowest or when vetoed. */
export function gradeOf(total: number, vetoed: boolean, bands: readonly GradeBand[] = DEFAULT_BANDS): Grade {
  if (vetoed) return '不合格';
  for (const band of [...bands].sort((a, b) => b.min - a.min)) if (total >= band.min) return band.grade;
  return '不合格';
}

/** Competition ranks (1, 2, 2, 4) of totals, best first; totals equal to the cent share a rank. */
export function ranksOf(totals: readonly number[]): number[] {
  const cents = totals.map((t) => Math.round(t * 100));
  return cents.map((c) => 1 + cents.filter((o) => o > c).length);
}

const compiled = new Map<string, Formula | string>();
function formulaOf(source: string, kind: 'score' | 'condition'): Formula | null {
  const key = `${kind}|${source}`;
  if (!compiled.has(key)) compiled.set(key, compileFormula(source, kind));
  const f = compiled.get(key)!;
  return typeof f === 'string' ? null : f;
}

const clamp = (n: number, max: number) => Math.min(max, Math.max(0, n));

/**
 * A line's score for a unit: null when 不适用 (a computed line whose indicator has no value, or a
 * formula that gives no finite number); veto lines give 1 (triggered) or 0.
 */
export function lineScore(line: EngineLine, cell: Cell): number | null {
  const score = cell.score ?? null;
  const hasFormula = Boolean(line.formula && line.indicator);
  if (line.method === 'veto') {
    if (score !== null && score >= 1) return 1;
    if (hasFormula && cell.value !== null && cell.value !== undefined) {
      const out = formulaOf(line.formula!, 'condition')?.({ value: cell.value, points: line.points });
      return out === true || (typeof out === 'number' && out !== 0 && Number.isFinite(out)) ? 1 : 0;
    }
    return 0;
  }
  if (line.method === 'manual') return clamp(score ?? 0, line.points);
  // computed, bonus, deduction: an assessor's score (or an upheld objection) overrides the formula.
  if (score !== null) return clamp(score, line.points);
  if (!hasFormula) return line.method === 'computed' ? null : 0;
  if (cell.value === null || cell.value === undefined) return line.method === 'computed' ? null : 0;
  const out = formulaOf(line.formula!, 'score')?.({ value: cell.value, points: line.points });
  if (typeof out !== 'number' || !Number.isFinite(out)) return line.method === 'computed' ? null : 0;
  return round2(clamp(out, line.points));
}

/** One unit's result (rank 0: filled by `computeResults`). */
export function unitResult(scheme: EngineScheme, leaves: readonly EngineLine[], unit: EngineUnit, cell: (lineId: string) => Cell): Omit<UnitResult, 'rank'> {
  const lines: Record<string, number | null> = {};
  let raw = 0;
  let applicable = 0;
  let bonus = 0;
  let deduction = 0;
  let vetoed = false;
  for (const line of leaves) {
    if (!appliesTo(line, unit.category)) continue;
    const s = lineScore(line, cell(line.id));
    lines[line.code] = s;
    if (s === null) continue;
    if (BASE_METHODS.includes(line.method)) {
      raw += s;
      applicable += line.points;
    } else if (line.method === 'bonus') bonus += s;
    else if (line.method === 'deduction') deduction += s;
    else if (line.method === 'veto' && s >= 1) vetoed = true;
  }
  // 按比例折算: the base over the lines that apply, scaled to the full points.
  const base = applicable > 0 ? round2((raw * scheme.fullPoints) / applicable) : 0;
  const total = round2(Math.max(0, base + bonus - deduction));
  const weight = scheme.weights[unit.category] ?? 0;
  return {
    unitId: unit.unitId,
    unitCode: unit.unitCode,
    unitName: unit.unitName,
    category: unit.category,
    total,
    base,
    bonus: round2(bonus),
    deduction: round2(deduction),
    grade: gradeOf(total, vetoed, scheme.bands),
    vetoed,
    weight,
    contribution: Math.round(total * weight * 10000) / 10000,
    lines,
  };
}

/** Every unit's result with its rank within its category. */
export function computeResults(scheme: EngineScheme, leaves: readonly EngineLine[], units: readonly EngineUnit[], cell: (unitId: string, lineId: string) => Cell): UnitResult[] {
  const results = units.map((u) => ({ ...unitResult(scheme, leaves, u, (lineId) => cell(u.unitId, lineId)), rank: 0 }));
  for (const category of new Set(results.map((r) => r.category))) {
    const group = results.filter((r) => r.category === category);
    const ranks = ranksOf(group.map((r) => r.total));
    group.forEach((r, i) => (r.rank = ranks[i]!));
  }
  return results.sort((a, b) => a.category.localeCompare(b.category) || a.rank - b.rank || a.unitCode.localeCompare(b.unitCode));
}

/** The base points of the leaves that apply to each category; the categories whose sum is not the full points, in Chinese. */
export function pointsProblem(fullPoints: number, leaves: readonly Pick<EngineLine, 'points' | 'method' | 'categories'>[], categories: readonly string[]): string | null {
  if (leaves.length === 0) return '方案还没有可评分的指标';
  const wrong: string[] = [];
  for (const category of categories.length ? categories : ['全部单位']) {
    const sum = round2(leaves.filter((l) => BASE_METHODS.includes(l.method) && (categories.length === 0 || appliesTo(l, category))).reduce((s, l) => s + l.points, 0));
    if (sum !== fullPoints) wrong.push(`${category} ${sum} 分`);
  }
  return wrong.length ? `基础指标分值合计应等于满分 ${fullPoints} 分，现为：${wrong.join('、')}` : null;
}
