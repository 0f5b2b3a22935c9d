// The scoring formulas of computed lines: an expression language for end users (filtrex: compiled
// to a closed function over the variables it is given, never eval of the user's text), with two
// variables — `value` (the indicator's value for the unit's subtree and year) and `points` (the
// line's points) — and filtrex's functions (max, min, round, if … then … else …).
import { compileExpression } from 'filtrex';

export const FORMULA_VARIABLES = ['value', 'points'] as const;

export type Formula = (vars: { value: number; points: number }) => number | boolean;

/**
 * The compiled formula, or the Chinese reason it is refused: it does not parse, names a variable
 * other than value and points, calls an unknown function, or does not give a number (or, for a veto
 * line, a yes/no).
 */
export function compileFormula(source: string, kind: 'score' | 'condition' = 'score'): Formula | string {
  let fn: (data: object) => unknown;
  const unknown = new Set<string>();
  try {
    fn = compileExpression(source, {
      customProp: (name: string, get: (name: string) => unknown) => {
        if (!(FORMULA_VARIABLES as readonly string[]).includes(name)) {
          unknown.add(name);
          return 0;
        }
        return get(name);
      },
    });
  } catch (error) {
    const where = /line \d+:\n(.*)\n(-*)\^/.exec((error as Error).message);
    return `无法解析${where ? `（第 ${where[2]!.length + 1} 个字符附近）` : ''}，请检查括号与运算符；可用变量 value、points，函数 max、min、round、abs 等`;
  }
  for (const probe of [
    { value: 1, points: 10 },
    { value: 0, points: 10 },
    { value: 0.5, points: 3 },
  ]) {
    const out = fn(probe);
    if (unknown.size) return `含未知变量「${[...unknown].join('、')}」，只能使用 value（指标值）和 points（分值）`;
    if (out instanceof Error) {
      const name = (out as Error & { functionName?: string }).functionName;
      return name ? `含未知函数「${name}」` : `计算出错：${out.message}`;
    }
    if (kind === 'score' && typeof out !== 'number') return '的结果应为数字（分数）';
    if (kind === 'condition' && typeof out !== 'boolean' && typeof out !== 'number') return '的结果应为条件（是/否），如 value > 0';
  }
  return (vars) => {
    const out = fn(vars);
    if (out instanceof Error) return Number.NaN;
    return out as number | boolean;
  };
}
