// Figures of government services (domain.md §4; issue 17). The list "at the end of Y" is the item
// versions listed on 31 December of Y (listed from on or before it, not yet moved out). Ratings by
// their date; a 差评 whose appeal was upheld (申诉成立, a malicious rating) is counted in neither the
// ratings nor the 差评 (国办发〔2019〕51号: 经核实的恶意差评不纳入统计).
import { sql } from 'kysely';
import type { IndicatorDef, RecordSource } from '../../kernel/indicators/registry.ts';
import { SERVICE_ITEM_RECORD_TYPE, SERVICE_RATING_RECORD_TYPE } from '../../../shared/schemas/services.ts';

const end = (y: number) => `${y}-12-31`;
const listedAtEnd: RecordSource = (db, y) =>
  db
    .selectFrom('service_items')
    .select(['id', 'name as title', 'unit_id', 'listed_from as date'])
    .where('listed_from', '<=', end(y))
    .where((eb) => eb.or([eb('listed_until', 'is', null), eb('listed_until', '>', end(y))]));
const items = { recordType: SERVICE_ITEM_RECORD_TYPE, linkPrefix: '/service-items/' };

const ratedIn: RecordSource = (db, y) =>
  db.selectFrom('service_ratings').select(['id', 'title', 'unit_id', 'date']).where('date', '>=', `${y}-01-01`).where('date', '<=', end(y)).where('status', '!=', 'voided');
const badIn: RecordSource = (db, y) => ratedIn(db, y).where('level', 'in', ['unsatisfied', 'very_unsatisfied']);
const ratings = { recordType: SERVICE_RATING_RECORD_TYPE, linkPrefix: '/service-ratings/' };

export const servicesIndicators: IndicatorDef[] = [
  { code: 'services.items', name: '政务服务事项', measure: '项', kind: 'count', definition: '年末在册的政务服务事项（按事项版本的列入、移出清单日期）', ...items, records: listedAtEnd },
  { code: 'services.max_one_visit_items', name: '“最多跑一次”事项', measure: '项', kind: 'count', definition: '年末在册事项中标注“最多跑一次”的', ...items, records: (db, y) => listedAtEnd(db, y).where('max_one_visit', '=', 1) },
  { code: 'services.max_one_visit_rate', better: 'up', name: '“最多跑一次”事项占比', measure: '%', kind: 'rate', definition: '“最多跑一次”事项 / 年末在册事项', numerator: 'services.max_one_visit_items', denominator: 'services.items' },
  { code: 'services.online_items', name: '网上可办事项', measure: '项', kind: 'count', definition: '年末在册事项中网上可办的', ...items, records: (db, y) => listedAtEnd(db, y).where('online', '=', 1) },
  { code: 'services.online_rate', better: 'up', name: '网上可办率', measure: '%', kind: 'rate', definition: '网上可办事项 / 年末在册事项', numerator: 'services.online_items', denominator: 'services.items' },
  { code: 'services.zero_visit_items', name: '“零跑腿”事项', measure: '项', kind: 'count', definition: '年末在册事项中标注“零跑腿”的', ...items, records: (db, y) => listedAtEnd(db, y).where('zero_visit', '=', 1) },
  {
    code: 'services.statutory_days',
    name: '法定时限合计',
    measure: '工作日',
    kind: 'sum',
    scale: 1,
    definition: '年末在册且法定时限、承诺时限都有的事项，法定时限之和',
    ...items,
    records: (db, y) => listedAtEnd(db, y).where('statutory_days', 'is not', null).where('promised_days', 'is not', null).select(sql<number>`statutory_days`.as('amount')),
  },
  {
    code: 'services.days_saved',
    name: '压缩的办理时限合计',
    measure: '工作日',
    kind: 'sum',
    scale: 1,
    definition: '同上事项，法定时限减承诺时限之和',
    ...items,
    records: (db, y) => listedAtEnd(db, y).where('statutory_days', 'is not', null).where('promised_days', 'is not', null).select(sql<number>`statutory_days - promised_days`.as('amount')),
  },
  { code: 'services.time_compression_rate', better: 'up', name: '审批时限压缩率', measure: '%', kind: 'rate', definition: '1 − Σ承诺时限 / Σ法定时限（年末在册且两者都有的事项），即压缩的时限合计 / 法定时限合计', numerator: 'services.days_saved', denominator: 'services.statutory_days' },
  {
    code: 'services.cases',
    name: '政务服务办件量',
    measure: '件',
    kind: 'sum',
    scale: 1,
    definition: '年内各月办件量之和（按月份）',
    recordType: 'service_case',
    linkPrefix: null,
    records: (db, y) =>
      db
        .selectFrom('service_cases as c')
        .innerJoin('service_items as i', 'i.id', 'c.item_id')
        .select(['c.id', sql<string>`i.name || '（' || c.month || '）'`.as('title'), 'c.unit_id', sql<string>`c.month || '-01'`.as('date'), 'c.count as amount'])
        .where('c.month', '>=', `${y}-01`)
        .where('c.month', '<=', `${y}-12`),
  },
  { code: 'services.ratings', name: '好差评评价', measure: '次', kind: 'count', definition: '年内收到的评价（按评价日期；申诉成立的恶意差评不计）', ...ratings, records: ratedIn },
  { code: 'services.good_ratings', name: '好评', measure: '次', kind: 'count', definition: '其中“非常满意”“满意”的', ...ratings, records: (db, y) => ratedIn(db, y).where('level', 'in', ['very_satisfied', 'satisfied']) },
  { code: 'services.good_rating_rate', better: 'up', name: '好评率', measure: '%', kind: 'rate', definition: '（非常满意 + 满意）/ 年内评价', numerator: 'services.good_ratings', denominator: 'services.ratings' },
  { code: 'services.bad_ratings', better: 'down', name: '差评', measure: '次', kind: 'count', definition: '年内评价中“不满意”“非常不满意”的（申诉成立的不计）', ...ratings, records: badIn },
  { code: 'services.bad_ratings_fixed', name: '差评已整改办结', measure: '次', kind: 'count', definition: '其中整改经法治办核验办结的', ...ratings, records: (db, y) => badIn(db, y).where('status', '=', 'closed') },
  { code: 'services.bad_rating_fix_rate', better: 'up', name: '差评整改率', measure: '%', kind: 'rate', definition: '差评已整改办结 / 差评', numerator: 'services.bad_ratings_fixed', denominator: 'services.bad_ratings' },
];
