// Figures of reconsideration (domain.md §4). "Received in Y" by the received date; decisions by
// their decision date; on time = decided no later than the decision clock's due date (with its
// approved extension and pauses).
import type { IndicatorDef, RecordSource } from '../../kernel/indicators/registry.ts';
import { onTimeFigure } from '../../kernel/indicators/on-time.ts';
import { CORRECTIONS, DECISIONS, REVIEW_RECORD_TYPE } from '../../../shared/schemas/reconsideration.ts';

const inYear = (column: string, year: number) => [column, `${year}-01-01`, `${year}-12-31`] as const;
const receivedIn: RecordSource = (db, year) => {
  const [c, from, to] = inYear('received_date', year);
  return db.selectFrom('review_cases').select(['id', 'title', 'unit_id', 'received_date as date']).where(c as 'received_date', '>=', from).where(c as 'received_date', '<=', to);
};
const decidedIn: RecordSource = (db, year) =>
  db
    .selectFrom('review_cases')
    .select(['id', 'title', 'unit_id', 'closed_date as date'])
    .where('closed_date', '>=', `${year}-01-01`)
    .where('closed_date', '<=', `${year}-12-31`)
    .where('outcome', 'in', Object.keys(DECISIONS));

const common = { recordType: REVIEW_RECORD_TYPE, linkPrefix: '/review/' };

export const reviewIndicators: IndicatorDef[] = [
  { code: 'review.received', name: '收到行政复议申请', measure: '件', kind: 'count', definition: '年内收到的行政复议申请（按收到日期）', ...common, records: receivedIn },
  { code: 'review.accepted', name: '受理行政复议申请', measure: '件', kind: 'count', definition: '其中已受理（含期满视为受理）的', ...common, records: (db, y) => receivedIn(db, y).where('accepted_date', 'is not', null) },
  { code: 'review.mediated', name: '调解和解结案', measure: '件', kind: 'count', definition: '年内收到的申请中，以调解或和解结案的', ...common, records: (db, y) => receivedIn(db, y).where('outcome', 'in', ['mediated', 'settled']) },
  { code: 'review.decided', name: '作出复议决定', measure: '件', kind: 'count', definition: '年内作出的复议决定（按决定日期）', ...common, records: decidedIn },
  { code: 'review.corrected', name: '纠错案件', measure: '件', kind: 'count', definition: '其中决定撤销、变更、确认违法、责令履行、确认无效的', ...common, records: (db, y) => decidedIn(db, y).where('outcome', 'in', [...CORRECTIONS]) },
  { code: 'review.correction_rate', name: '复议纠错率', measure: '%', kind: 'rate', definition: '纠错案件 / 作出复议决定', numerator: 'review.corrected', denominator: 'review.decided' },
  onTimeFigure({ code: 'review.decided_on_time', name: '按期作出决定', definition: '作出的复议决定中，不晚于决定期限（含经批准的延长）的', ...common, done: decidedIn, table: 'review_cases', doneColumn: 'closed_date', clockKey: 'decide' }),
  { code: 'review.on_time_rate', better: 'up', name: '复议决定按期率', measure: '%', kind: 'rate', definition: '按期作出决定 / 作出复议决定', numerator: 'review.decided_on_time', denominator: 'review.decided' },
];
