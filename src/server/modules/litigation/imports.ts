// Import types `litigation_cases` and `litigation_hearings`.
import { z, isoDate } from '../../../shared/zod.ts';
import { enumFromLabels, unitCode } from '../../../shared/schemas/org.ts';
import { CASE_RESULTS, LITIGATION_RECORD_TYPE, LITIGATION_WORKFLOW } from '../../../shared/schemas/litigation.ts';
import type { ImportType, RowError } from '../../kernel/imports/types.ts';
import { booleanCell, refCell, rowChecker, textCell, unitIdsByCode } from '../../kernel/imports/rows.ts';
import { newId, nowIso } from '../../kernel/ids.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { applyEffects, type WorkflowRecord } from '../../kernel/workflow/engine.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import { clearClocks } from '../../kernel/workflow/clocks.ts';
import { DEFENCE_CLOCK, caseDateProblem, litigationTitle } from './litigation.ts';
import type { LitigationCaseTable } from './tables.ts';

const caseRow = z.object({
  ref: refCell(),
  unitCode: unitCode.meta({ title: '被告单位编码' }),
  court: textCell('法院', 100),
  plaintiff: textCell('原告', 100),
  cause: textCell('案由', 300),
  filedDate: isoDate('立案日期'),
  complaintReceivedDate: isoDate('收到起诉状副本日期'),
  judgmentDate: isoDate('裁判日期').optional(),
  result: enumFromLabels(CASE_RESULTS, '结果').optional(),
});
type CaseRow = z.infer<typeof caseRow>;

const COLUMNS: Record<string, string> = { filedDate: '立案日期（filedDate）', complaintReceivedDate: '收到起诉状副本日期（complaintReceivedDate）', judgmentDate: '裁判日期（judgmentDate）' };

export const litigationCasesImport: ImportType<CaseRow> = {
  type: 'litigation_cases',
  title: '行政应诉案件',
  permission: 'litigation.manage',
  fields: [
    { name: 'ref', label: '外部编号', required: true, note: '如法院案号，再次导入同一编号时更新', example: '(2025)湘0102行初15号' },
    { name: 'unitCode', label: '被告单位编码', required: true, note: '', example: 'SFX-D21' },
    { name: 'court', label: '法院', required: true, note: '', example: '示范县人民法院' },
    { name: 'plaintiff', label: '原告', required: true, note: '', example: '某商贸有限公司' },
    { name: 'cause', label: '案由', required: true, note: '', example: '不服行政处罚决定' },
    { name: 'filedDate', label: '立案日期', required: true, note: 'YYYY-MM-DD', example: '2025-04-10' },
    { name: 'complaintReceivedDate', label: '收到起诉状副本日期', required: true, note: '不早于立案日期', example: '2025-04-15' },
    { name: 'judgmentDate', label: '裁判日期', note: '不早于立案日期；有结果（未结除外）时必填', example: '2025-08-20' },
    { name: 'result', label: '结果', note: 'won/lost/withdrawn/mediated/pending 或 胜诉/败诉/原告撤诉/调解结案/未结', example: '胜诉' },
  ],
  row: caseRow,
  async apply(tx, rows, actor, platform) {
    const errors: RowError[] = [];
    const check = rowChecker(errors);
    let created = 0;
    let updated = 0;
    const units = await unitIdsByCode(tx);
    for (const r of rows) {
      const v = r.value;
      const { fail, duplicate } = check(r.row);
      if (duplicate(v.ref)) continue;
      const unitId = units.get(v.unitCode);
      if (!unitId) {
        fail('被告单位编码（unitCode）', `单位「${v.unitCode}」不存在`);
        continue;
      }
      const problem = caseDateProblem(v);
      if (problem) {
        fail(COLUMNS[problem[0]]!, problem[2]);
        continue;
      }
      const result = v.result && v.result !== 'pending' ? v.result : null;
      if (result && !v.judgmentDate) {
        fail('裁判日期（judgmentDate）', '有结果的案件必须填写裁判日期');
        continue;
      }
      if (!result && v.judgmentDate) {
        fail('结果（result）', '有裁判日期的案件必须填写结果');
        continue;
      }
      const now = nowIso();
      const columns = { unit_id: unitId, title: litigationTitle(v.plaintiff, v.cause), court: v.court, plaintiff: v.plaintiff, cause: v.cause, filed_date: v.filedDate, complaint_received_date: v.complaintReceivedDate, status: result ? 'closed' : 'filed', judgment_date: v.judgmentDate ?? null, result, updated_at: now, updated_by: actor.id };
      const existing = await tx.selectFrom('litigation_cases').selectAll().where('ref', '=', v.ref).executeTakeFirst();
      let record: LitigationCaseTable;
      if (existing) {
        record = { ...existing, ...columns, version: existing.version + 1 };
        await tx.updateTable('litigation_cases').set({ ...columns, version: record.version }).where('id', '=', existing.id).execute();
        updated++;
      } else {
        record = { id: newId(), ref: v.ref, ...columns, defence_date: null, loss_analysis: null, version: 1, created_at: now, created_by: actor.id };
        await tx.insertInto('litigation_cases').values(record).execute();
        created++;
      }
      await addTimeline(tx, actor, { recordType: LITIGATION_RECORD_TYPE, recordId: record.id, action: 'import', label: existing ? '批量导入更新' : '批量导入', toStatus: record.status });
      await clearClocks(tx, LITIGATION_RECORD_TYPE, record.id);
      await applyEffects(tx, platform, actor, LITIGATION_WORKFLOW, record as unknown as WorkflowRecord, [DEFENCE_CLOCK], v.complaintReceivedDate);
      if (result) await applyEffects(tx, platform, actor, LITIGATION_WORKFLOW, record as unknown as WorkflowRecord, [{ stop: 'defence', reason: '批量导入：已结案' }], v.judgmentDate!);
    }
    return { created, updated, errors };
  },
};

const hearingRow = z.object({
  ref: refCell(),
  caseRef: refCell('案件编号'),
  date: isoDate('开庭日期'),
  headAppeared: booleanCell('负责人是否出庭'),
  headName: textCell('出庭负责人', 50).optional(),
});
type HearingRow = z.infer<typeof hearingRow>;

export const litigationHearingsImport: ImportType<HearingRow> = {
  type: 'litigation_hearings',
  title: '行政应诉开庭',
  permission: 'litigation.manage',
  fields: [
    { name: 'ref', label: '外部编号', required: true, note: '', example: 'H-2025-015-1' },
    { name: 'caseRef', label: '案件编号', required: true, note: '应诉案件的外部编号', example: '(2025)湘0102行初15号' },
    { name: 'date', label: '开庭日期', required: true, note: '不早于立案日期', example: '2025-06-18' },
    { name: 'headAppeared', label: '负责人是否出庭', required: true, note: 'true/false 或 是/否', example: '是' },
    { name: 'headName', label: '出庭负责人', note: '负责人出庭时必填', example: '李局长' },
  ],
  row: hearingRow,
  async apply(tx, rows, actor) {
    const errors: RowError[] = [];
    const check = rowChecker(errors);
    let created = 0;
    let updated = 0;
    for (const r of rows) {
      const v = r.value;
      const { fail, duplicate } = check(r.row);
      if (duplicate(v.ref)) continue;
      const c = await tx.selectFrom('litigation_cases').select(['id', 'unit_id', 'filed_date']).where('ref', '=', v.caseRef).executeTakeFirst();
      if (!c) {
        fail('案件编号（caseRef）', `案件「${v.caseRef}」不存在`);
        continue;
      }
      if (v.date < c.filed_date) {
        fail('开庭日期（date）', `不能早于立案日期 ${c.filed_date}`);
        continue;
      }
      if (v.date > chinaToday()) {
        fail('开庭日期（date）', '不能晚于今天');
        continue;
      }
      if (v.headAppeared && !v.headName) {
        fail('出庭负责人（headName）', '负责人出庭时必须填写');
        continue;
      }
      const values = { case_id: c.id, unit_id: c.unit_id, date: v.date, head_appeared: v.headAppeared ? 1 : 0, head_name: v.headName ?? null };
      const existing = await tx.selectFrom('litigation_hearings').select('id').where('ref', '=', v.ref).executeTakeFirst();
      if (existing) {
        await tx.updateTable('litigation_hearings').set(values).where('id', '=', existing.id).execute();
        updated++;
      } else {
        await tx.insertInto('litigation_hearings').values({ id: newId(), ref: v.ref, ...values, note: null, created_by: actor.id, created_at: nowIso() }).execute();
        created++;
      }
    }
    return { created, updated, errors };
  },
};
