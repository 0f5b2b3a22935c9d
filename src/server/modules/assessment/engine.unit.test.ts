// The scoring engine and the formula language, by tables of cases: formulas, caps, 不适用 scaling,
// bonus and deduction caps, vetoes, grade bands, ties sharing a rank, the points check.
import { describe, expect, it } from 'vitest';
import { compileFormula } from './formula.ts';
import { computeResults, gradeOf, lineScore, pointsProblem, ranksOf, type EngineLine } from './engine.ts';

const line = (over: Partial<EngineLine> & Pick<EngineLine, 'method'>): EngineLine => ({ id: over.code ?? 'L', code: 'L', points: 10, indicator: null, formula: null, categories: null, ...over });

describe('formulas', () => {
  it.each([
    ['points * value', { value: 0.8, points: 10 }, 8],
    ['max(0, points - 2 * value)', { value: 3, points: 5 }, 0],
    ['max(0, points - 2 * value)', { value: 1, points: 5 }, 3],
    ['if value == 1 then points else points * value - 1', { value: 1, points: 4 }, 4],
    ['min(points, value)', { value: 7, points: 5 }, 5],
  ])('%s with %o gives %s', (source, vars, expected) => {
    const f = compileFormula(source);
    expect(typeof f).toBe('function');
    expect((f as Function)(vars)).toBe(expected);
  });
  it.each([
    ['points *', '无法解析'],
    ['rate * points', '未知变量「rate」'],
    ['foo(value)', '未知函数「foo」'],
    ['value > 1', '应为数字'],
    ['process.exit(1)', '未知'],
  ])('%s is refused (%s)', (source, message) => {
    const f = compileFormula(source);
    expect(typeof f).toBe('string');
    expect(f).toContain(message);
  });
  it('a veto condition may be a comparison', () => {
    expect(typeof compileFormula('value > 0', 'condition')).toBe('function');
  });
});

describe('line scores', () => {
  it.each<[string, EngineLine, { value?: number | null; score?: number | null }, number | null]>([
    ['computed: formula over the value', line({ method: 'computed', indicator: 'tasks.completion_rate', formula: 'points * value' }), { value: 0.75 }, 7.5],
    ['computed: clamped to the points', line({ method: 'computed', indicator: 'x', formula: 'points * value' }), { value: 3 }, 10],
    ['computed: clamped at 0', line({ method: 'computed', indicator: 'x', formula: 'points - 5 * value' }), { value: 4 }, 0],
    ['computed: no value is 不适用', line({ method: 'computed', indicator: 'x', formula: 'points * value' }), { value: null }, null],
    ['computed: an upheld objection overrides', line({ method: 'computed', indicator: 'x', formula: 'points * value' }), { value: 0.5, score: 9 }, 9],
    ['manual: the assessor\'s score', line({ method: 'manual' }), { score: 6.5 }, 6.5],
    ['manual: unscored counts 0', line({ method: 'manual' }), {}, 0],
    ['bonus: capped at its points', line({ method: 'bonus', points: 3 }), { score: 5 }, 3],
    ['deduction: computed from a figure, capped', line({ method: 'deduction', points: 5, indicator: 'litigation.lost', formula: '2 * value' }), { value: 4 }, 5],
    ['deduction: nothing to deduct', line({ method: 'deduction', points: 5, indicator: 'litigation.lost', formula: '2 * value' }), { value: 0 }, 0],
    ['veto: by an assessor', line({ method: 'veto', points: 0 }), { score: 1 }, 1],
    ['veto: by a formula', line({ method: 'veto', points: 0, indicator: 'x', formula: 'value > 0' }), { value: 2 }, 1],
    ['veto: formula false', line({ method: 'veto', points: 0, indicator: 'x', formula: 'value > 0' }), { value: 0 }, 0],
  ])('%s', (_name, l, cell, expected) => {
    expect(lineScore(l, cell)).toBe(expected);
  });
});

describe('results', () => {
  const scheme = { fullPoints: 100, weights: { 部门: 0.03, 乡镇: 0.04 } };
  const leaves: EngineLine[] = [
    line({ id: 'a', code: 'A', method: 'computed', points: 40, indicator: 'tasks.completion_rate', formula: 'points * value' }),
    line({ id: 'b', code: 'B', method: 'manual', points: 60 }),
    line({ id: 't', code: 'T', method: 'manual', points: 20, categories: ['乡镇'] }),
    line({ id: 'p', code: 'P', method: 'bonus', points: 2 }),
    line({ id: 'd', code: 'D', method: 'deduction', points: 5, indicator: 'litigation.lost', formula: '2 * value' }),
    line({ id: 'v', code: 'V', method: 'veto', points: 0 }),
  ];
  const units = [
    { unitId: 'u1', unitCode: 'D1', unitName: '甲局', category: '部门' },
    { unitId: 'u2', unitCode: 'D2', unitName: '乙局', category: '部门' },
    { unitId: 'u3', unitCode: 'D3', unitName: '丙局', category: '部门' },
    { unitId: 'u4', unitCode: 'D4', unitName: '丁局', category: '部门' },
    { unitId: 't1', unitCode: 'T1', unitName: '某镇', category: '乡镇' },
  ];
  const cells: Record<string, Record<string, { value?: number | null; score?: number | null }>> = {
    u1: { a: { value: 1 }, b: { score: 50 }, p: { score: 2 }, d: { value: 0 } }, // 40 + 50 + 2 = 92
    u2: { a: { value: null }, b: { score: 45 }, d: { value: 1 } }, // 不适用: 45 × 100/60 = 75, − 2 = 73
    u3: { a: { value: 0.5 }, b: { score: 53 }, d: { value: 0 } }, // 20 + 53 = 73: ties with u2
    u4: { a: { value: 1 }, b: { score: 60 }, d: { value: 0 }, v: { score: 1 } }, // 100, vetoed
    t1: { a: { value: 1 }, b: { score: 40 }, t: { score: 20 }, d: { value: 0 } }, // 40 + 40 + 20 = 100 over 120 → 83.33
  };
  const results = computeResults(scheme, leaves, units, (u, l) => cells[u]?.[l] ?? {});
  const of = (code: string) => results.find((r) => r.unitCode === code)!;

  it('totals with bonus and deduction, 不适用 scaled to the full points', () => {
    expect(of('D1')).toMatchObject({ total: 92, grade: '优秀', bonus: 2, deduction: 0 });
    expect(of('D2')).toMatchObject({ base: 75, deduction: 2, total: 73, grade: '合格' });
    expect(of('D2').lines.A).toBeNull();
    expect(of('T1').total).toBe(83.33);
    expect(of('T1').grade).toBe('良好');
    expect(of('D1').lines).not.toHaveProperty('T');
  });
  it('a veto makes the grade 不合格 whatever the score', () => {
    expect(of('D4')).toMatchObject({ total: 100, vetoed: true, grade: '不合格', rank: 1 });
  });
  it('ranks within the category, ties sharing a rank', () => {
    expect(['D4', 'D1', 'D2', 'D3'].map((c) => of(c).rank)).toEqual([1, 2, 3, 3]);
    expect(of('T1').rank).toBe(1);
    expect(ranksOf([90, 80, 80, 70])).toEqual([1, 2, 2, 4]);
  });
  it('the contribution is the total times the category weight', () => {
    expect(of('D1').contribution).toBe(2.76);
    expect(of('T1').contribution).toBe(3.3332);
  });
  it.each([
    [95, false, '优秀'],
    [90, false, '优秀'],
    [89.99, false, '良好'],
    [60, false, '合格'],
    [59.5, false, '不合格'],
    [99, true, '不合格'],
  ] as const)('grade of %s (vetoed %s) is %s', (total, vetoed, grade) => {
    expect(gradeOf(total, vetoed)).toBe(grade);
  });
  it('configurable bands', () => {
    expect(gradeOf(85, false, [{ grade: '优秀', min: 85 }, { grade: '合格', min: 50 }])).toBe('优秀');
  });
  it('points must add up to the full points per category', () => {
    expect(pointsProblem(100, leaves, ['部门'])).toBeNull();
    expect(pointsProblem(100, leaves, ['部门', '乡镇'])).toContain('乡镇 120 分');
    expect(pointsProblem(100, [], [])).toContain('没有');
  });
});
