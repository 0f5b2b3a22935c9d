// 述法: each unit head's annual report (draft → submitted → reviewed with an assessor's comment),
// one per unit and year; the list of assessed units that have not submitted.
import './tables.ts';
import type { Tx } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import { scoped, type DataScope } from '../../kernel/auth/scope.ts';
import { conflict } from '../../kernel/http/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { newStamps, updateVersioned } from '../../kernel/db/versioned.ts';
import { recordRow, recordView } from '../../kernel/records/view.ts';
import { recordReader } from '../../kernel/records/reader.ts';
import { rowInScope, statusOf } from '../../kernel/records/read.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import { REPORT, REPORT_RECORD_TYPE, REPORT_WORKFLOW } from '../../../shared/schemas/assessment.ts';
import type { RecordInput } from '../../../shared/records.ts';
import type { ReportTable } from './tables.ts';
import type { Who } from './schemes.ts';
import { ownerUnit } from '../../kernel/records/plain.ts';

export async function createReport(tx: Tx, platform: Platform, who: Who, input: RecordInput<typeof REPORT> & { ref?: string | null }): Promise<string> {
  await ownerUnit(tx, who.scope, input.unitId, { field: 'unitId', label: '单位' });
  if (await tx.selectFrom('assessment_reports').select('id').where('unit_id', '=', input.unitId).where('year', '=', input.year).executeTakeFirst()) throw conflict(`该单位${input.year}年度的述法报告已经登记`);
  const id = newId();
  await tx.insertInto('assessment_reports').values({ ...(recordRow<ReportTable>(REPORT, input) as ReportTable), id, ref: input.ref ?? null, status: 'draft', submitted_date: null, reviewed_date: null, comment: null, ...newStamps(who.id) }).execute();
  await addTimeline(tx, who, { recordType: REPORT_RECORD_TYPE, recordId: id, action: 'create', label: '起草述法报告', toStatus: 'draft' });
  await platform.audit.record(tx, who, { action: 'assessment.report_create', targetType: REPORT_RECORD_TYPE, targetId: id });
  return id;
}

export async function updateReport(tx: Tx, platform: Platform, who: Who, id: string, version: number, input: { title?: string; headName?: string; content?: string }): Promise<void> {
  const r = rowInScope(await tx.selectFrom('assessment_reports').selectAll().where('id', '=', id).executeTakeFirst(), who.scope, '述法报告');
  if (r.status !== 'draft') throw conflict('述法报告已提交，不能再修改');
  await updateVersioned(tx, 'assessment_reports', id, version, recordRow(REPORT, input), who.id);
  await platform.audit.record(tx, who, { action: 'assessment.report_update', targetType: REPORT_RECORD_TYPE, targetId: id });
}

type Row = ReportTable & { unit_name: string };
const reportView = (r: Row) => ({ ...recordView(REPORT, r), ...statusOf(REPORT_WORKFLOW, r.status), unitName: r.unit_name });

const reports = recordReader<Row, ReturnType<typeof reportView>>({
  def: REPORT, what: '述法报告', alias: 'r', status: true, defaultSort: { field: 'year', order: 'desc' },
  query: (db) => db.selectFrom('assessment_reports as r').innerJoin('org_units as u', 'u.id', 'r.unit_id').selectAll('r').select('u.name as unit_name'),
  views: (_platform, rows) => rows.map(reportView),
});

export const listReports = reports.list;
export const getReport = reports.get;

/** The departments and towns (units with an assessment category) in scope without a submitted report for the year. */
export async function missingReports(platform: Platform, scope: DataScope, year: number) {
  const units = await scoped(platform.db.selectFrom('org_units').select(['id', 'code', 'name', 'category']).where('active', '=', 1).where('category', 'is not', null), scope, 'id').orderBy('sort_order').orderBy('code').execute();
  const reports = await platform.db.selectFrom('assessment_reports').select(['unit_id', 'status']).where('year', '=', year).execute();
  const status = new Map(reports.map((r) => [r.unit_id, r.status]));
  return {
    year,
    items: units
      .filter((u) => !['submitted', 'reviewed'].includes(status.get(u.id) ?? ''))
      .map((u) => ({ unitId: u.id, unitCode: u.code, unitName: u.name, category: u.category, status: status.get(u.id) ?? null, statusLabel: status.has(u.id) ? REPORT_WORKFLOW.states[status.get(u.id)!]!.label : '未起草' })),
  };
}
