// `fazhi assessment --year YYYY [--scheme REF] --json`: the year's results as one JSON object
// (issue 13's contract), frozen for a final scheme, computed as of now otherwise.
import type { Platform } from '../../kernel/platform.ts';
import { schemeResults } from './scores.ts';

const ORDER = ['final', 'preliminary', 'scoring', 'published', 'draft'];

export interface AssessmentJson {
  year: number;
  scheme: string;
  units: Record<string, { total: number; grade: string; rank: number; category: string; vetoed: boolean; lines: Record<string, number | null> }>;
}

/** The scheme of the year (by ref, or the furthest along), or the Chinese reason there is none. */
export async function assessmentJson(platform: Platform, year: number, ref?: string): Promise<AssessmentJson | string> {
  let q = platform.db.selectFrom('assessment_schemes').select(['id', 'ref', 'status', 'created_at']).where('year', '=', year);
  if (ref) q = q.where('ref', '=', ref);
  const schemes = (await q.execute()).sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || b.created_at.localeCompare(a.created_at));
  const scheme = schemes[0];
  if (!scheme) return ref ? `${year} 年度没有编号为「${ref}」的考评方案` : `${year} 年度没有考评方案`;
  const { results } = await schemeResults(platform, null, scheme.id);
  return {
    year,
    scheme: scheme.ref ?? scheme.id,
    units: Object.fromEntries(results.map((r) => [r.unitCode, { total: r.total, grade: r.grade, rank: r.rank, category: r.category, vetoed: r.vetoed, lines: r.lines }])),
  };
}
