// Figures of the year's final assessment (domain.md §4): units assessed, their total and average
// score, graded 优秀, graded 不合格.
import { sql } from 'kysely';
import type { AmountSource, IndicatorDef, RecordSource } from '../../kernel/indicators/registry.ts';
import { SCHEME_RECORD_TYPE } from '../../../shared/schemas/assessment.ts';

// A record is one unit's result in one final scheme: a unit assessed by two schemes of a year is two
// records (each listed with its own scheme and total), so the id names both.
const results = (grade?: string): RecordSource => (db, year) => {
  let q = db
    .selectFrom('assessment_results as r')
    .innerJoin('assessment_schemes as s', 's.id', 'r.scheme_id')
    .select([sql<string>`r.scheme_id || ':' || r.unit_id`.as('id'), 's.title as title', 'r.unit_id', 's.final_date as date'])
    .where('s.year', '=', year)
    .where('s.status', '=', 'final');
  if (grade) q = q.where('r.grade', '=', grade);
  return q;
};

/** The final results with each unit's total in hundredths (the amount a sum adds up). */
const totals: AmountSource = (db, year) => results()(db, year).select('r.total_c as amount');

export const assessmentIndicators: IndicatorDef[] = [
  { code: 'assessment.units', name: '参加考评单位', measure: '个', kind: 'count', recordType: SCHEME_RECORD_TYPE, linkPrefix: null, records: results(), definition: '该年度已定稿考评方案的被考评单位数' },
  { code: 'assessment.score_sum', name: '考评总分合计', measure: '分', kind: 'sum', scale: 100, recordType: SCHEME_RECORD_TYPE, linkPrefix: null, records: totals, definition: '该年度已定稿考评中各被考评单位总分之和（用于计算平均分）' },
  { code: 'assessment.average_score', name: '考评平均分', measure: '分', kind: 'average', sum: 'assessment.score_sum', count: 'assessment.units', better: 'up', definition: '该年度已定稿考评中被考评单位的平均总分（总分之和 ÷ 被考评单位数）' },
  { code: 'assessment.excellent', name: '考评优秀单位', measure: '个', kind: 'count', recordType: SCHEME_RECORD_TYPE, linkPrefix: null, records: results('优秀'), better: 'up', definition: '该年度已定稿考评中等次为优秀的单位数' },
  { code: 'assessment.failed', name: '考评不合格单位', measure: '个', kind: 'count', recordType: SCHEME_RECORD_TYPE, linkPrefix: null, records: results('不合格'), better: 'down', definition: '该年度已定稿考评中等次为不合格（含一票否决）的单位数' },
];
