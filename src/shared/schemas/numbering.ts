// Case numbers (案号/文号): which record types take one, when, and the law office's patterns.
import { z } from '../zod.ts';

export interface CaseNumberDef {
  recordType: string;
  /** The number's name on the record (复议案号, 答复书文号…). */
  label: string;
  /** The record table's column holding it. */
  column: string;
  /** The workflow steps that assign it (the first of them the record takes). */
  transitions: readonly string[];
  /**
   * Numbered when the record is created (a notice has no step that issues it; it is issued by being
   * recorded): the name of that moment on the patterns page (印发时). The module's insert calls
   * numberAtCreation in the insert's transaction.
   */
  atCreation?: string;
  /** The county-wide pattern until the law office sets one. */
  defaultPattern: string;
}

/** A pattern must say the year and the number, so numbers are unique within a year. */
export const casePattern = z
  .string({ error: '请填写编号规则' })
  .trim()
  .min(1, { error: '请填写编号规则' })
  .max(60, { error: '编号规则不能超过 60 字' })
  .refine((p) => p.includes('{year}'), { error: '编号规则须包含年度 {year}' })
  .refine((p) => /\{n\d?\}/.test(p), { error: '编号规则须包含序号 {n}（或补零的 {n3}）' })
  .refine((p) => !/\{(?!county\}|unit\}|year\}|n\d?\})[^}]*\}/.test(p), { error: '编号规则只能使用 {county}、{unit}、{year}、{n}、{n3}' })
  .meta({ title: '编号规则' });

export const setPatternInput = z.strictObject({
  /** Empty for the county-wide pattern. */
  unitId: z.string().max(64).nullable().optional().meta({ title: '适用单位' }),
  /** Null removes the pattern (the unit's records follow the county-wide one again). */
  pattern: casePattern.nullable(),
});
export type SetPatternInput = z.infer<typeof setPatternInput>;

export const patternView = z.object({
  recordType: z.string(),
  title: z.string(),
  label: z.string(),
  assignedAt: z.string(),
  defaultPattern: z.string(),
  pattern: z.string(),
  /** The next number county-wide (what the next record without a unit pattern gets). */
  next: z.string(),
  /** In a province, the county's unit whose own rule is the reader's county-wide rule; null where the rule without a unit is. */
  countyUnitId: z.string().nullable(),
  units: z.array(z.object({ unitId: z.string(), unitName: z.string(), pattern: z.string(), next: z.string() })),
});
export type PatternView = z.infer<typeof patternView>;
