// 公共法律服务: legal-aid cases through their workflow, monthly counts of notarisations and
// consultations (one record per unit, month and kind or channel), and the service stations.
import './tables.ts';
import type { Executor, Tx } from '../../kernel/db/index.ts';
import { fieldError } from '../../kernel/http/errors.ts';
import { checkMonth, monthInYear, plainRecords } from '../../kernel/records/plain.ts';
import {
  AID_DECISIONS, CONSULTATION, CONSULTATION_WORKFLOW, CONSULT_CHANNELS, LEGAL_AID_CASE, LEGAL_AID_WORKFLOW, NOTARIZATION, NOTARIZATION_WORKFLOW, NOTARY_KINDS, SERVICE_STATION, STATION_WORKFLOW, type ConsultationView,
  type LegalAidView, type NotarizationView, type StationView,
} from '../../../shared/schemas/legal-services.ts';
import type { RecordInput } from '../../../shared/records.ts';

export const aidCases = plainRecords<RecordInput<typeof LEGAL_AID_CASE>, LegalAidView>({
  def: LEGAL_AID_CASE,
  workflow: LEGAL_AID_WORKFLOW,
  what: '法律援助案件',
  actions: { create: 'legal_services.aid_create', update: 'legal_services.aid_update' },
  initial: { status: 'received', label: '受理法律援助申请' },
  unit: { field: 'unitId', label: '承办单位' },
  title: (input) => `${input.matter ?? '法律援助'}（${input.receivedDate}受理）`,
  check(_tx, input, existing) {
    if (existing?.decided_date && input.receivedDate > existing.decided_date) throw fieldError('receivedDate', '受理日期', `不能晚于审查决定日期 ${existing.decided_date}`);
  },
  defaultSort: { field: 'receivedDate', order: 'desc' },
});

/** The decision follows the workflow: approved (and then closed) or refused. */
export async function syncDecision(tx: Tx, record: Record<string, unknown>): Promise<void> {
  const decision = record.status === 'refused' ? 'refused' : record.status === 'approved' || record.status === 'closed' ? 'approved' : null;
  await tx.updateTable('legal_aid_cases').set({ decision }).where('id', '=', String(record.id)).execute();
}
export const decisionLabel = (d: string | null) => (d ? AID_DECISIONS[d as keyof typeof AID_DECISIONS] : null);

/**
 * A monthly count: one record per unit, month and kind (or channel), a second being a correction of
 * the first; its ledger filtered by year, newest month first.
 */
function monthlyCount<I extends { unitId: string; month: string; kind?: string | null; channel?: string }>(table: 'notarizations' | 'legal_consultations', column: 'kind' | 'channel', what: (input: I) => string) {
  return {
    async check(tx: Executor, input: I, existing: Record<string, any> | null): Promise<void> {
      checkMonth('month', '月份', input.month);
      const value = input[column];
      let same = (tx as any).selectFrom(table).select('id').where('unit_id', '=', input.unitId).where('month', '=', input.month);
      same = value ? same.where(column, '=', value) : same.where(column, 'is', null);
      if (existing) same = same.where('id', '<>', existing.id);
      if (await same.executeTakeFirst()) throw fieldError('month', '月份', `该单位${input.month}已登记${what(input)}，请修改原记录`);
    },
    filter: (q: any, query: Record<string, unknown>) => monthInYear(q, 'r.month', query.year),
    defaultSort: { field: 'month', order: 'desc' } as const,
  };
}

export const notarizations = plainRecords<RecordInput<typeof NOTARIZATION>, NotarizationView>({
  def: NOTARIZATION,
  workflow: NOTARIZATION_WORKFLOW,
  what: '公证办理统计',
  actions: { create: 'legal_services.notary_create', update: 'legal_services.notary_update' },
  initial: { status: 'recorded', label: '登记公证办理件数' },
  unit: { field: 'unitId', label: '公证机构所在单位' },
  title: (input) => `${input.month} ${input.kind ? NOTARY_KINDS[input.kind] : ''}公证`,
  ...monthlyCount<RecordInput<typeof NOTARIZATION>>('notarizations', 'kind', (input) => (input.kind ? `${NOTARY_KINDS[input.kind]}公证件数` : '公证件数')),
});

export const consultations = plainRecords<RecordInput<typeof CONSULTATION>, ConsultationView>({
  def: CONSULTATION,
  workflow: CONSULTATION_WORKFLOW,
  what: '法律咨询统计',
  actions: { create: 'legal_services.consult_create', update: 'legal_services.consult_update' },
  initial: { status: 'recorded', label: '登记法律咨询人次' },
  unit: { field: 'unitId', label: '服务单位' },
  title: (input) => `${input.month} ${CONSULT_CHANNELS[input.channel]}咨询`,
  ...monthlyCount<RecordInput<typeof CONSULTATION>>('legal_consultations', 'channel', (input) => `${CONSULT_CHANNELS[input.channel]}咨询人次`),
});

export const stations = plainRecords<RecordInput<typeof SERVICE_STATION>, StationView>({
  def: SERVICE_STATION,
  workflow: STATION_WORKFLOW,
  what: '公共法律服务站点',
  actions: { create: 'legal_services.station_create', update: 'legal_services.station_update' },
  initial: { status: 'active', label: '设立公共法律服务站点' },
  unit: { field: 'unitId', label: '所在单位' },
  defaultSort: { field: 'establishedDate', order: 'desc' },
});
