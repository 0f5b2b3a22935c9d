// What every business import type needs per row: the `ref` and text cells, `;`-separated unit
// codes, duplicate refs within a file, and a thrown field error turned into a row error.
import { z } from '../../../shared/zod.ts';
import { HttpError } from '../http/errors.ts';
import type { RowError } from './types.ts';

export const refCell = (label = '外部编号') => z.string().trim().min(1, { error: `${label}不能为空` }).max(64, { error: `${label}不能超过 64 个字符` }).meta({ title: label });

export const textCell = (label: string, max: number) =>
  z.string().trim().min(1, { error: `${label}不能为空` }).max(max, { error: `${label}不能超过 ${max} 个字符` }).meta({ title: label });

/** true/false, 是/否 (an empty cell is false). */
export const booleanCell = (label: string) =>
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      const lower = v.toLowerCase();
      if (['true', '是', '1', 'yes'].includes(lower)) return true;
      if (['false', '否', '0', 'no', ''].includes(lower)) return false;
      ctx.addIssue({ code: 'custom', message: `${label}应为 true/false 或 是/否` });
      return z.NEVER;
    })
    .meta({ title: label });

/** "A;B；C" → ['A', 'B', 'C'] (half- or full-width semicolons). */
export const splitCodes = (value: string | undefined) => (value ?? '').split(/[;；]/).map((s) => s.trim()).filter(Boolean);

/** Collects a row's errors; `duplicate` reports a ref already seen earlier in the file. */
export function rowChecker(errors: RowError[]) {
  const seen = new Map<string, number>();
  return (row: number) => ({
    fail: (column: string, message: string) => errors.push({ row, column, message }),
    duplicate(ref: string): boolean {
      const first = seen.get(ref);
      if (first !== undefined) {
        errors.push({ row, column: '外部编号（ref）', message: `与第 ${first} 行重复` });
        return true;
      }
      seen.set(ref, row);
      return false;
    },
    /** A field error thrown by the module's own write function, reported under its file column. */
    fromHttpError(error: unknown, columns: Record<string, string>): void {
      if (!(error instanceof HttpError)) throw error;
      const first = (error.errors?.[0] ?? {}) as { field?: string; message?: string };
      errors.push({ row, column: columns[first.field ?? ''] ?? first.field ?? '', message: first.message ?? error.detail });
    },
  });
}
