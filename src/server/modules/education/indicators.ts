// Figures of legal education and study (domain.md §4): activities and their audience in Y [date];
// registries "at the end of Y" — 法律明白人 trained by then and not removed by then, 民主法治示范村
// named by Y and not revoked by its end, by level; study sessions, training attendance, exams.
import { sql } from 'kysely';
import type { IndicatorDef, RecordSource } from '../../kernel/indicators/registry.ts';
import { yearBounds } from '../../kernel/calendar/days.ts';
import type { Db } from '../../kernel/db/index.ts';
import { LEGAL_LITERATE_RECORD_TYPE, MODEL_VILLAGE_RECORD_TYPE, PUFA_ACTIVITY_RECORD_TYPE, PUFA_DUTY_RECORD_TYPE, STUDY_SESSION_RECORD_TYPE } from '../../../shared/schemas/education.ts';

const activitiesIn: RecordSource = (db, y) => db.selectFrom('pufa_activities').select(['id', 'title', 'unit_id', 'date']).where('date', '>=', yearBounds(y)[0]).where('date', '<=', yearBounds(y)[1]);
const sessionsIn = (db: Db, y: number, kinds: string[]) => db.selectFrom('study_sessions').select(['id', 'topic as title', 'unit_id', 'date']).where('date', '>=', yearBounds(y)[0]).where('date', '<=', yearBounds(y)[1]).where('kind', 'in', kinds);
const villagesAt = (level: string) => (db: Db, y: number) =>
  db
    .selectFrom('model_villages')
    .select(['id', 'title', 'unit_id', sql<string>`cast(named_year as text) || '-12-31'`.as('date')])
    .where('level', '=', level)
    .where('named_year', '<=', y)
    .where((eb) => eb.or([eb('revoked_date', 'is', null), eb('revoked_date', '>', `${y}-12-31`)]));
const activity = { recordType: PUFA_ACTIVITY_RECORD_TYPE, linkPrefix: '/pufa-activities/' };
const study = { recordType: STUDY_SESSION_RECORD_TYPE, linkPrefix: '/study-sessions/' };
const village = { recordType: MODEL_VILLAGE_RECORD_TYPE, linkPrefix: '/model-villages/' };

export const educationIndicators: IndicatorDef[] = [
  { code: 'pufa.duty_lists', name: '普法责任清单', measure: '份', kind: 'count', definition: '该年度制定普法责任清单的单位数', recordType: PUFA_DUTY_RECORD_TYPE, linkPrefix: '/pufa-duties/', records: (db, y) => db.selectFrom('pufa_duties').select(['id', 'title', 'unit_id', sql<string>`cast(year as text) || '-12-31'`.as('date')]).where('year', '=', y) },
  { code: 'pufa.activities', name: '普法活动', measure: '场', kind: 'count', definition: '年内开展的普法活动（按活动日期）', ...activity, records: activitiesIn },
  { code: 'pufa.audience', name: '普法受众', measure: '人次', kind: 'sum', scale: 1, definition: '年内普法活动的受众人数合计', ...activity, records: (db, y) => activitiesIn(db, y).select('audience as amount') as any },
  {
    code: 'pufa.legal_literates',
    name: '法律明白人',
    measure: '人',
    kind: 'count',
    definition: '年末在册的法律明白人（培训日期不晚于年末，且年末前未退出）',
    recordType: LEGAL_LITERATE_RECORD_TYPE,
    linkPrefix: '/legal-literates/',
    records: (db, y) =>
      db
        .selectFrom('legal_literates')
        .select(['id', 'name as title', 'unit_id', 'trained_date as date'])
        .where('trained_date', '<=', `${y}-12-31`)
        .where((eb) => eb.or([eb('removed_date', 'is', null), eb('removed_date', '>', `${y}-12-31`)])),
  },
  { code: 'pufa.model_villages_national', name: '全国民主法治示范村（社区）', measure: '个', kind: 'count', definition: '年末在册的全国民主法治示范村（社区）（命名年度不晚于该年度，年末前未撤销）', ...village, records: villagesAt('national') },
  { code: 'pufa.model_villages_provincial', name: '省级民主法治示范村（社区）', measure: '个', kind: 'count', definition: '年末在册的省级民主法治示范村（社区）', ...village, records: villagesAt('provincial') },
  { code: 'pufa.model_villages_city', name: '市级民主法治示范村（社区）', measure: '个', kind: 'count', definition: '年末在册的市级民主法治示范村（社区）', ...village, records: villagesAt('city') },
  { code: 'study.sessions', name: '学法活动', measure: '次', kind: 'count', definition: '年内政府常务会议会前学法和党组（党委）理论学习中心组学法的次数', ...study, records: (db, y) => sessionsIn(db, y, ['standing_meeting', 'party_group']) },
  { code: 'study.trainings', name: '领导干部法治培训', measure: '期', kind: 'count', definition: '年内举办的领导干部法治培训', ...study, records: (db, y) => sessionsIn(db, y, ['training']) },
  { code: 'study.training_attendance', name: '法治培训参训', measure: '人次', kind: 'sum', scale: 1, definition: '年内领导干部法治培训的参训人次合计', ...study, records: (db, y) => sessionsIn(db, y, ['training']).select('attendance as amount') as any },
  { code: 'study.exam_takers', name: '法治理论考试参考', measure: '人次', kind: 'sum', scale: 1, definition: '年内法治理论考试的参考人次', ...study, records: (db, y) => sessionsIn(db, y, ['exam']).select('attendance as amount') as any },
  { code: 'study.exam_passed', name: '法治理论考试合格', measure: '人次', kind: 'sum', scale: 1, definition: '年内法治理论考试的合格人次', ...study, records: (db, y) => sessionsIn(db, y, ['exam']).select(sql<number>`coalesce(passed, 0)`.as('amount')) as any },
];
