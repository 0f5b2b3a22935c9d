// Figures of mediation (domain.md §4), by the received date. Success rate over the closed ones;
// return-visit rate over the closed ones; organisations active at the end of the year.
import type { IndicatorDef, RecordSource } from '../../kernel/indicators/registry.ts';
import { DISPUTE_RECORD_TYPE } from '../../../shared/schemas/mediation.ts';

const receivedIn: RecordSource = (db, y) => db.selectFrom('disputes').select(['id', 'title', 'unit_id', 'received_date as date']).where('received_date', '>=', `${y}-01-01`).where('received_date', '<=', `${y}-12-31`);
const closedOf: RecordSource = (db, y) => receivedIn(db, y).where('outcome', 'is not', null);
const common = { recordType: DISPUTE_RECORD_TYPE, linkPrefix: '/disputes/' };

export const mediationIndicators: IndicatorDef[] = [
  { code: 'mediation.disputes', name: '受理矛盾纠纷', measure: '件', kind: 'count', definition: '年内受理的矛盾纠纷（按受理日期）', ...common, records: receivedIn },
  { code: 'mediation.closed', name: '已结案纠纷', measure: '件', kind: 'count', definition: '其中已结案的（成功、不成功或转其他途径）', ...common, records: closedOf },
  { code: 'mediation.success', name: '调解成功', measure: '件', kind: 'count', definition: '其中调解成功的', ...common, records: (db, y) => receivedIn(db, y).where('outcome', '=', 'success') },
  { code: 'mediation.success_rate', better: 'up', name: '调解成功率', measure: '%', kind: 'rate', definition: '调解成功 / 已结案纠纷', numerator: 'mediation.success', denominator: 'mediation.closed' },
  { code: 'mediation.revisited', name: '已回访纠纷', measure: '件', kind: 'count', definition: '已结案纠纷中已回访的', ...common, records: (db, y) => closedOf(db, y).where('revisit_date', 'is not', null) },
  { code: 'mediation.revisit_rate', better: 'up', name: '回访率', measure: '%', kind: 'rate', definition: '已回访 / 已结案纠纷', numerator: 'mediation.revisited', denominator: 'mediation.closed' },
  { code: 'mediation.lawyer_participations', name: '律师参与调解', measure: '件', kind: 'count', definition: '年内受理的纠纷中有律师参与调解的', ...common, records: (db, y) => receivedIn(db, y).where('lawyer_involved', '=', 1) },
  {
    code: 'mediation.orgs',
    name: '调解组织',
    measure: '个',
    kind: 'count',
    definition: '年末在册的调解组织（按成立日期）',
    recordType: 'mediation_org',
    linkPrefix: null,
    records: (db, y) => db.selectFrom('mediation_orgs').select(['id', 'name as title', 'unit_id', 'established_date as date']).where('active', '=', 1).where('established_date', '<=', `${y}-12-31`),
  },
];
