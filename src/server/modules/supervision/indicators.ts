// Figures of supervision (domain.md §4): inspections held in Y; the findings of those inspections,
// how many were verified as rectified; interviews held in Y.
import type { IndicatorDef, RecordSource } from '../../kernel/indicators/registry.ts';
import { yearBounds } from '../../kernel/calendar/days.ts';
import { FINDING_RECORD_TYPE } from '../../../shared/schemas/supervision.ts';


const findingsOfYear: RecordSource = (db, year) =>
  db
    .selectFrom('findings as f')
    .innerJoin('inspections as i', 'i.id', 'f.inspection_id')
    .select(['f.id', 'f.description as title', 'f.unit_id', 'i.date as date'])
    .where('i.date', '>=', yearBounds(year)[0])
    .where('i.date', '<=', yearBounds(year)[1]);

export const supervisionIndicators: IndicatorDef[] = [
  {
    code: 'inspections.count',
    name: '开展督察次数',
    measure: '次',
    kind: 'count',
    definition: '年内开展的督察（按督察日期，计入组织单位）',
    recordType: 'inspection',
    linkPrefix: '/inspections/',
    records: (db, year) => db.selectFrom('inspections').select(['id', 'title', 'unit_id', 'date']).where('date', '>=', yearBounds(year)[0]).where('date', '<=', yearBounds(year)[1]),
  },
  { code: 'inspections.findings', name: '督察发现问题数', measure: '个', kind: 'count', definition: '年内督察发现的问题（计入责任单位）', recordType: FINDING_RECORD_TYPE, linkPrefix: '/findings/', records: findingsOfYear },
  { code: 'inspections.rectified', name: '已整改销号问题数', measure: '个', kind: 'count', definition: '其中经回头看核查销号的问题', recordType: FINDING_RECORD_TYPE, linkPrefix: '/findings/', records: (db, year) => findingsOfYear(db, year).where('f.status', '=', 'verified') },
  { code: 'inspections.rectification_rate', better: 'up', name: '问题整改率', measure: '%', kind: 'rate', definition: '已整改销号问题数 / 督察发现问题数', numerator: 'inspections.rectified', denominator: 'inspections.findings' },
  {
    code: 'inspections.interviews',
    name: '约谈次数',
    measure: '次',
    kind: 'count',
    definition: '年内对问题责任单位负责人开展的约谈（按约谈日期）',
    recordType: 'interview',
    linkPrefix: null,
    records: (db, year) => db.selectFrom('interviews').select(['id', 'interviewee as title', 'unit_id', 'held_on as date']).where('held_on', '>=', yearBounds(year)[0]).where('held_on', '<=', yearBounds(year)[1]),
  },
];
