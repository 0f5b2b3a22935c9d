// Figures of the year's final assessment (domain.md §4): units assessed, graded 优秀, graded 不合格.
import type { IndicatorDef, RecordSource } from '../../kernel/indicators/registry.ts';
import { SCHEME_RECORD_TYPE } from '../../../shared/schemas/assessment.ts';

const results = (grade?: string): RecordSource => (db, year) => {
  let q = db
    .selectFrom('assessment_results as r')
    .innerJoin('assessment_schemes as s', 's.id', 'r.scheme_id')
    .innerJoin('org_units as u', 'u.id', 'r.unit_id')
    .select(['r.unit_id as id', 'u.name as title', 'r.unit_id', 's.final_date as date'])
    .where('s.year', '=', year)
    .where('s.status', '=', 'final');
  if (grade) q = q.where('r.grade', '=', grade);
  return q;
};

export const assessmentIndicators: IndicatorDef[] = [
  { code: 'assessment.units', name: '参加考评单位', measure: '个', kind: 'count', recordType: SCHEME_RECORD_TYPE, linkPrefix: null, records: results(), definition: 'Y 年度已定稿考评方案的被考评单位数' },
  { code: 'assessment.excellent', name: '考评优秀单位', measure: '个', kind: 'count', recordType: SCHEME_RECORD_TYPE, linkPrefix: null, records: results('优秀'), better: 'up', definition: 'Y 年度已定稿考评中等次为优秀的单位数' },
  { code: 'assessment.failed', name: '考评不合格单位', measure: '个', kind: 'count', recordType: SCHEME_RECORD_TYPE, linkPrefix: null, records: results('不合格'), better: 'down', definition: 'Y 年度已定稿考评中等次为不合格（含一票否决）的单位数' },
];
