// Figures of disclosure requests (domain.md §4), by the received date; on time = replied no later
// than the reply clock's due date (restarts, third-party pauses and the approved extension included).
import type { AmountSource, IndicatorDef, RecordSource } from '../../kernel/indicators/registry.ts';
import { FEE_RECORD_TYPE } from '../../../shared/schemas/fees.ts';
import { sql } from 'kysely';
import { onTimeFigure } from '../../kernel/indicators/on-time.ts';
import { DISCLOSURE_RECORD_TYPE } from '../../../shared/schemas/disclosure.ts';

const receivedIn: RecordSource = (db, year) =>
  db.selectFrom('foi_requests').select(['id', 'title', 'unit_id', 'received_date as date']).where('received_date', '>=', `${year}-01-01`).where('received_date', '<=', `${year}-12-31`);
const repliedIn: RecordSource = (db, year) => receivedIn(db, year).where('status', '=', 'replied');
/** The year's charges, each with the amount collected in fen. */
const feesIn: AmountSource = (db, year) => db.selectFrom('fee_items').select(['id', 'item as title', 'unit_id', sql<string | null>`null`.as('date'), 'amount_fen as amount']).where('year', '=', year);
const common = { recordType: DISCLOSURE_RECORD_TYPE, linkPrefix: '/foi/' };

export const disclosureIndicators: IndicatorDef[] = [
  { code: 'foi.requests', name: '收到政府信息公开申请', measure: '件', kind: 'count', definition: '年内收到的依申请公开申请（按收到日期）', ...common, records: receivedIn },
  { code: 'foi.replied', name: '已答复申请', measure: '件', kind: 'count', definition: '其中已作出答复的', ...common, records: repliedIn },
  { code: 'foi.reply_rate', better: 'up', name: '答复率', measure: '%', kind: 'rate', definition: '已答复 / 收到申请', numerator: 'foi.replied', denominator: 'foi.requests' },
  onTimeFigure({ code: 'foi.replied_on_time', name: '按期答复', definition: '已答复中，不晚于答复期限（含补正重新计算、征求意见不计入、经批准延长）的', ...common, done: repliedIn, table: 'foi_requests', doneColumn: 'reply_date', clockKey: 'reply' }),
  { code: 'foi.fees_collected', name: '行政事业性收费金额', measure: '元', kind: 'sum', scale: 100, recordType: FEE_RECORD_TYPE, linkPrefix: null, records: feesIn, definition: '该年度登记的行政事业性收费本年收费金额之和（政府信息公开工作年度报告表二第二十条第（八）项）' },
  { code: 'foi.on_time_rate', better: 'up', name: '政府信息公开按期答复率', measure: '%', kind: 'rate', definition: '按期答复 / 已答复', numerator: 'foi.replied_on_time', denominator: 'foi.replied' },
];
