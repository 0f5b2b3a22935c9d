// Figures of public legal services (domain.md §4): legal-aid cases received in Y [received], closed in
// Y and the wages they recovered (fen); notarisations and consultations in Y [month]; stations at
// the end of Y (set up by then, not closed by then) and their staff.
import { sql } from 'kysely';
import type { IndicatorDef, RecordSource } from '../../kernel/indicators/registry.ts';
import type { Db } from '../../kernel/db/index.ts';
import { CONSULTATION_RECORD_TYPE, LEGAL_AID_RECORD_TYPE, NOTARIZATION_RECORD_TYPE, STATION_RECORD_TYPE } from '../../../shared/schemas/legal-services.ts';

const aid = { recordType: LEGAL_AID_RECORD_TYPE, linkPrefix: '/legal-aid/' };
const receivedIn: RecordSource = (db, y) => db.selectFrom('legal_aid_cases').select(['id', 'title', 'unit_id', 'received_date as date']).where('received_date', '>=', `${y}-01-01`).where('received_date', '<=', `${y}-12-31`);
const closedIn = (db: Db, y: number) => db.selectFrom('legal_aid_cases').select(['id', 'title', 'unit_id', 'closed_date as date']).where('closed_date', '>=', `${y}-01-01`).where('closed_date', '<=', `${y}-12-31`);
const monthly = (table: 'notarizations' | 'legal_consultations') => (db: Db, y: number) =>
  db.selectFrom(table).select(['id', 'title', 'unit_id', sql<string>`month || '-01'`.as('date'), 'count as amount']).where('month', '>=', `${y}-01`).where('month', '<=', `${y}-12`);
const stationsAt = (db: Db, y: number) =>
  db
    .selectFrom('legal_service_stations')
    .select(['id', 'name as title', 'unit_id', 'established_date as date'])
    .where('established_date', '<=', `${y}-12-31`)
    .where((eb) => eb.or([eb('closed_date', 'is', null), eb('closed_date', '>', `${y}-12-31`)]));
const station = { recordType: STATION_RECORD_TYPE, linkPrefix: '/legal-service-stations/' };

export const legalServicesIndicators: IndicatorDef[] = [
  { code: 'legal_aid.cases', name: '法律援助案件', measure: '件', kind: 'count', definition: '年内受理的法律援助案件（按受理日期）', ...aid, records: receivedIn },
  { code: 'legal_aid.refused', name: '不予法律援助', measure: '件', kind: 'count', definition: '年内受理的申请中决定不予援助的', ...aid, records: (db, y) => receivedIn(db, y).where('decision', '=', 'refused') },
  { code: 'legal_aid.closed', name: '法律援助结案', measure: '件', kind: 'count', definition: '年内结案的法律援助案件（按结案日期）', ...aid, records: closedIn },
  { code: 'legal_aid.wages_recovered_fen', name: '法律援助挽回工资', measure: '分', kind: 'sum', scale: 1, definition: '年内结案的法律援助案件为受援人挽回（追回）的工资', ...aid, records: (db, y) => closedIn(db, y).select(sql<number>`coalesce(wages_recovered_fen, 0)`.as('amount')) as any },
  { code: 'notary.cases', name: '公证办理', measure: '件', kind: 'sum', scale: 1, definition: '年内各月公证办理件数合计（按月份）', recordType: NOTARIZATION_RECORD_TYPE, linkPrefix: '/notarizations/', records: monthly('notarizations') },
  { code: 'legal_services.consultations', name: '法律咨询', measure: '人次', kind: 'sum', scale: 1, definition: '年内各月各渠道法律咨询人次合计', recordType: CONSULTATION_RECORD_TYPE, linkPrefix: '/legal-consultations/', records: monthly('legal_consultations') },
  { code: 'legal_services.stations', name: '公共法律服务站点', measure: '个', kind: 'count', definition: '年末运行的公共法律服务中心、工作站、服务室和老年人法律服务站', ...station, records: stationsAt },
  { code: 'legal_services.elderly_stations', name: '老年人法律服务站', measure: '个', kind: 'count', definition: '其中老年人法律服务站', ...station, records: (db, y) => stationsAt(db, y).where('kind', '=', 'elderly') },
  { code: 'legal_services.station_staff', name: '站点工作人员', measure: '人', kind: 'sum', scale: 1, definition: '年末运行站点的工作人员数合计', ...station, records: (db, y) => stationsAt(db, y).select('staff_count as amount') as any },
];
