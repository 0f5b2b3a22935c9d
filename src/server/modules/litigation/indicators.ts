// Figures of litigation (domain.md §4): cases by filing date, hearings by hearing date, judgments
// (won, lost, withdrawn, mediated) by judgment date.
import type { IndicatorDef, RecordSource } from '../../kernel/indicators/registry.ts';
import { yearBounds } from '../../kernel/calendar/days.ts';
import { LITIGATION_RECORD_TYPE } from '../../../shared/schemas/litigation.ts';

const filedIn: RecordSource = (db, y) => db.selectFrom('litigation_cases').select(['id', 'title', 'unit_id', 'filed_date as date']).where('filed_date', '>=', yearBounds(y)[0]).where('filed_date', '<=', yearBounds(y)[1]);
const judgedIn: RecordSource = (db, y) =>
  db.selectFrom('litigation_cases').select(['id', 'title', 'unit_id', 'judgment_date as date']).where('judgment_date', '>=', yearBounds(y)[0]).where('judgment_date', '<=', yearBounds(y)[1]).where('result', 'is not', null);
const hearingsIn: RecordSource = (db, y) =>
  db
    .selectFrom('litigation_hearings as h')
    .innerJoin('litigation_cases as c', 'c.id', 'h.case_id')
    .select(['h.id', 'c.title', 'h.unit_id', 'h.date'])
    .where('h.date', '>=', yearBounds(y)[0])
    .where('h.date', '<=', yearBounds(y)[1]);
const cases = { recordType: LITIGATION_RECORD_TYPE, linkPrefix: '/litigation/' };
const hearings = { recordType: 'litigation_hearing', linkPrefix: null };

export const litigationIndicators: IndicatorDef[] = [
  { code: 'litigation.cases', name: '行政诉讼案件', measure: '件', kind: 'count', definition: '年内立案的以本级行政机关为被告的案件（按立案日期）', ...cases, records: filedIn },
  { code: 'litigation.cases_yoy', name: '行政诉讼案件同比', measure: '%', kind: 'change', definition: '（本年案件 − 上年案件）/ 上年案件', of: 'litigation.cases' },
  { code: 'litigation.hearings', name: '开庭次数', measure: '次', kind: 'count', definition: '年内开庭审理的次数（按开庭日期）', ...hearings, records: hearingsIn },
  { code: 'litigation.head_appeared', name: '负责人出庭次数', measure: '次', kind: 'count', definition: '其中行政机关负责人出庭应诉的', ...hearings, records: (db, y) => hearingsIn(db, y).where('h.head_appeared', '=', 1) },
  { code: 'litigation.head_appearance_rate', better: 'up', name: '负责人出庭应诉率', measure: '%', kind: 'rate', definition: '负责人出庭次数 / 开庭次数', numerator: 'litigation.head_appeared', denominator: 'litigation.hearings' },
  { code: 'litigation.judgments', name: '审结案件', measure: '件', kind: 'count', definition: '年内作出裁判或以撤诉、调解结案的（按裁判日期）', ...cases, records: judgedIn },
  { code: 'litigation.lost', better: 'down', name: '败诉案件', measure: '件', kind: 'count', definition: '其中败诉的', ...cases, records: (db, y) => judgedIn(db, y).where('result', '=', 'lost') },
  { code: 'litigation.loss_rate', better: 'down', name: '败诉率', measure: '%', kind: 'rate', definition: '败诉案件 / 审结案件', numerator: 'litigation.lost', denominator: 'litigation.judgments' },
];
