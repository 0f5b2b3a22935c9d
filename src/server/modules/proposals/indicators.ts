// Figures of proposals (domain.md §4), by the assigned date.
import type { IndicatorDef, RecordSource } from '../../kernel/indicators/registry.ts';
import { onTimeFigure } from '../../kernel/indicators/on-time.ts';
import { PROPOSAL_RECORD_TYPE } from '../../../shared/schemas/proposals.ts';

const assignedIn: RecordSource = (db, y) =>
  db.selectFrom('proposals').select(['id', 'title', 'unit_id', 'assigned_date as date']).where('assigned_date', '>=', `${y}-01-01`).where('assigned_date', '<=', `${y}-12-31`);
const repliedIn: RecordSource = (db, y) => assignedIn(db, y).where('reply_date', 'is not', null);
const common = { recordType: PROPOSAL_RECORD_TYPE, linkPrefix: '/proposals/' };

export const proposalIndicators: IndicatorDef[] = [
  { code: 'proposals.total', name: '承办建议提案', measure: '件', kind: 'count', definition: '年内交办的人大代表建议和政协委员提案（按交办日期）', ...common, records: assignedIn },
  { code: 'proposals.npc', name: '人大代表建议', measure: '件', kind: 'count', definition: '其中人大代表建议', ...common, records: (db, y) => assignedIn(db, y).where('kind', '=', 'npc') },
  { code: 'proposals.cppcc', name: '政协委员提案', measure: '件', kind: 'count', definition: '其中政协委员提案', ...common, records: (db, y) => assignedIn(db, y).where('kind', '=', 'cppcc') },
  { code: 'proposals.cppcc_filed', name: '政协提案立案', measure: '件', kind: 'count', definition: '政协委员提案中立案的', ...common, records: (db, y) => assignedIn(db, y).where('kind', '=', 'cppcc').where('filed', '=', 1) },
  { code: 'proposals.replied', name: '已答复建议提案', measure: '件', kind: 'count', definition: '年内交办且已答复的', ...common, records: repliedIn },
  onTimeFigure({ code: 'proposals.replied_on_time', name: '按期答复建议提案', definition: '已答复中，不晚于答复期限（3个月，复杂的6个月）的', ...common, done: repliedIn, table: 'proposals', doneColumn: 'reply_date', clockKey: 'reply' }),
  { code: 'proposals.on_time_rate', better: 'up', name: '建议提案按期答复率', measure: '%', kind: 'rate', definition: '按期答复 / 已答复', numerator: 'proposals.replied_on_time', denominator: 'proposals.replied' },
];
