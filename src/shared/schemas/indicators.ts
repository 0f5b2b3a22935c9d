// Indicators: named figures computed from records for a year and a unit subtree (or everything),
// each able to list the records it counted.
import { z, pageQuery } from '../zod.ts';

export const indicatorQuery = z.strictObject({
  year: z.coerce.number({ error: '年度（year）必须是整数' }).int().min(2000, { error: '年度（year）不能早于 2000' }).max(2100, { error: '年度（year）不能晚于 2100' }).meta({ title: '年度' }),
  unit: z.string().trim().min(1).max(32).optional().meta({ title: '单位编码' }),
});
export type IndicatorQuery = z.infer<typeof indicatorQuery>;

export const indicatorRecordsQuery = indicatorQuery.extend(pageQuery);

export interface IndicatorValue {
  code: string;
  name: string;
  measure: string;
  /** count: records; sum: a total of their amounts (e.g. points); average: a sum over a count; rate, change: ratios. */
  kind: 'count' | 'sum' | 'average' | 'rate' | 'change';
  definition: string;
  value: number | null;
  lastYear: number | null;
  /** (this − last) / last; null when last year is 0 or either value is null. */
  yoy: number | null;
  /** Which way is better (a rising on-time rate, a falling number of lost cases); null: neither. */
  better: 'up' | 'down' | null;
}

/** One unit's figure in an indicator's ranking (/indicators/:code/by-unit). */
export interface UnitFigure {
  unitId: string;
  unitName: string;
  unitCode: string;
  category: string | null;
  value: number | null;
  numerator?: number;
  denominator?: number;
}

/** Where a one-unit scope stands among the units of its 考评类别 (no other unit named). */
export interface Peers {
  category: string;
  value: number | null;
  units: number;
  rank: number | null;
  average: number;
  best: number;
  /** Which way is better; null: neither (the best is then simply the highest). */
  better: 'up' | 'down' | null;
}

/** A figure shown in per cent (a rate, a change); the others are shown in their measure (件, 分). */
export const isRatio = (kind: IndicatorValue['kind'] | undefined) => kind === 'rate' || kind === 'change';

// 12.50 → 12.5, 100.0 → 100, 100 → 100 (only zeros after the point go).
export const trimNumber = (n: number, digits: number) => n.toFixed(digits).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');

/** An amount kept in fen (codes ending in _fen, domain.md §4) reads in 万元, as reports quote money. */
const inFen = (code: string) => code.endsWith('_fen');

/** The measure a figure is read in: 万元 for an amount kept in fen, else its own (件, 人, 分). */
export const figureMeasure = (v: Pick<IndicatorValue, 'code' | 'measure'>) => (inFen(v.code) ? '万元' : v.measure);

/** A sum's or a count's number as read, in its `figureMeasure` (10,919万元 for 1,091,900,000 fen). */
export const figureNumber = (v: Pick<IndicatorValue, 'code'>, value: number) => trimNumber(inFen(v.code) ? value / 1_000_000 : value, 2);

/**
 * The change over last year as officials state it: a count's in per cent of last year's, a rate's in
 * percentage points (as a fraction: 0.1 is 10 个百分点); null when there is nothing to compare.
 */
export function changeOverLastYear(v: Pick<IndicatorValue, 'kind' | 'value' | 'lastYear'>): number | null {
  if (v.value === null || v.lastYear === null) return null;
  // A rate, or a change (itself a ratio): the difference, in points.
  if (v.kind === 'rate' || v.kind === 'change') return v.value - v.lastYear;
  return v.lastYear === 0 ? null : (v.value - v.lastYear) / v.lastYear;
}

/** "较去年增长25%", "较去年提高10个百分点", "与去年持平", "去年无可比数据". */
export function changeWords(kind: IndicatorValue['kind'], change: number | null): string {
  if (change === null) return '去年无可比数据';
  if (Math.abs(change) < 1e-9) return '与去年持平';
  if (kind === 'rate' || kind === 'change') return `较去年${change > 0 ? '提高' : '降低'}${trimNumber(Math.abs(change) * 100, 1)}个百分点`;
  return `较去年${change > 0 ? '增长' : '下降'}${trimNumber(Math.abs(change) * 100, 0)}%`;
}

/** Whether a change is good news, bad news, neither (no better direction), or no change at all. */
export function changeTone(better: IndicatorValue['better'], change: number | null): 'good' | 'bad' | 'neutral' | 'flat' | null {
  if (change === null) return null;
  if (Math.abs(change) < 1e-9) return 'flat';
  if (!better) return 'neutral';
  return (change > 0) === (better === 'up') ? 'good' : 'bad';
}

export interface IndicatorRecord {
  recordType: string;
  id: string;
  title: string;
  unitName: string;
  date: string | null;
  link: string | null;
  /** For a rate: whether the record is in the numerator. */
  counted?: boolean;
  /** For a sum or an average: what the record adds (a unit's total score). */
  amount?: number | null;
}

/** 红黄牌 on the dashboard: a unit's running clocks by light, and one clock of a unit. */
export interface UnitLights {
  unitId: string;
  unitName: string;
  red: number;
  yellow: number;
  green: number;
}

export interface LightItem {
  recordType: string;
  typeTitle: string;
  recordId: string;
  title: string;
  clock: string;
  due: string;
  light: 'red' | 'yellow' | 'green';
  link: string | null;
}
