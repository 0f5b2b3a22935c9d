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
  kind: 'count' | 'rate' | 'change';
  definition: string;
  value: number | null;
  lastYear: number | null;
  /** (this − last) / last; null when last year is 0 or either value is null. */
  yoy: number | null;
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
}
