// Import type `foi_requests`: the reply clock is rebuilt from the dates (and the approved extension)
// so that imported requests count like requests handled in the app.
import { z, isoDate } from '../../../shared/zod.ts';
import { enumFromLabels, unitCode } from '../../../shared/schemas/org.ts';
import { FOI_RECORD_TYPE, FOI_WORKFLOW, REPLY_TYPES } from '../../../shared/schemas/foi.ts';
import type { ImportType, RowError } from '../../kernel/imports/types.ts';
import { booleanCell, refCell, rowChecker, textCell, unitIdsByCode } from '../../kernel/imports/rows.ts';
import { newId, nowIso } from '../../kernel/ids.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { applyEffects, type WorkflowRecord } from '../../kernel/workflow/engine.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import { changeClock, clearClocks } from '../../kernel/workflow/clocks.ts';
import { REPLY_CLOCK, requestTitle } from './foi.ts';
import type { FoiRequestTable } from './tables.ts';

const row = z.object({
  ref: refCell(),
  unitCode: unitCode.meta({ title: '受理机关编码' }),
  applicant: textCell('申请人', 100),
  receivedDate: isoDate('收到日期'),
  content: textCell('申请内容', 2000),
  replyDate: isoDate('答复日期').optional(),
  replyType: enumFromLabels(REPLY_TYPES, '答复类型').optional(),
  extended: booleanCell('是否延期').optional(),
});
type Row = z.infer<typeof row>;

function contradiction(v: Row): [string, string] | null {
  if (v.receivedDate > chinaToday()) return ['收到日期（receivedDate）', '不能晚于今天'];
  if (v.replyDate && v.replyDate < v.receivedDate) return ['答复日期（replyDate）', '不能早于收到日期'];
  if (v.replyDate && v.replyDate > chinaToday()) return ['答复日期（replyDate）', '不能晚于今天'];
  if (v.replyDate && !v.replyType) return ['答复类型（replyType）', '已答复的申请必须填写答复类型'];
  if (v.replyType && !v.replyDate) return ['答复日期（replyDate）', '有答复类型的申请必须填写答复日期'];
  return null;
}

export const foiRequestsImport: ImportType<Row> = {
  type: 'foi_requests',
  title: '政府信息公开申请',
  permission: 'foi.manage',
  fields: [
    { name: 'ref', label: '外部编号', required: true, note: '申请的唯一编号，再次导入同一编号时更新', example: 'YSQ-2025-007' },
    { name: 'unitCode', label: '受理机关编码', required: true, note: '收到申请的机关（单位编码）', example: 'SFX-D09' },
    { name: 'applicant', label: '申请人', required: true, note: '', example: '张某' },
    { name: 'receivedDate', label: '收到日期', required: true, note: 'YYYY-MM-DD', example: '2025-09-28' },
    { name: 'content', label: '申请内容', required: true, note: '', example: '某地块征收补偿方案' },
    { name: 'replyDate', label: '答复日期', note: '不早于收到日期', example: '2025-10-30' },
    { name: 'replyType', label: '答复类型', note: `${Object.keys(REPLY_TYPES).join('/')}，或 ${Object.values(REPLY_TYPES).join('/')}`, example: '予以公开' },
    { name: 'extended', label: '是否延期', note: 'true/false 或 是/否（经批准延长20个工作日）', example: '否' },
  ],
  row,
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
        fail('受理机关编码（unitCode）', `单位「${v.unitCode}」不存在`);
        continue;
      }
      const problem = contradiction(v);
      if (problem) {
        fail(...problem);
        continue;
      }
      const now = nowIso();
      const columns = { unit_id: unitId, title: requestTitle(v.applicant, v.content), applicant_name: v.applicant, content: v.content, received_date: v.receivedDate, status: v.replyDate ? 'replied' : 'received', reply_date: v.replyDate ?? null, reply_type: v.replyType ?? null, updated_at: now, updated_by: actor.id };
      const existing = await tx.selectFrom('foi_requests').selectAll().where('ref', '=', v.ref).executeTakeFirst();
      let record: FoiRequestTable;
      if (existing) {
        record = { ...existing, ...columns, version: existing.version + 1 };
        await tx.updateTable('foi_requests').set({ ...columns, version: record.version }).where('id', '=', existing.id).execute();
        await addTimeline(tx, actor, { recordType: FOI_RECORD_TYPE, recordId: existing.id, action: 'import', label: '批量导入更新', fromStatus: existing.status, toStatus: columns.status });
        updated++;
      } else {
        record = { id: newId(), ref: v.ref, ...columns, channel: 'window', applicant_id_enc: null, applicant_id_hash: null, applicant_phone_enc: null, version: 1, created_at: now, created_by: actor.id };
        await tx.insertInto('foi_requests').values(record).execute();
        await addTimeline(tx, actor, { recordType: FOI_RECORD_TYPE, recordId: record.id, action: 'import', label: '批量导入', toStatus: columns.status });
        created++;
      }
      await clearClocks(tx, FOI_RECORD_TYPE, record.id);
      await applyEffects(tx, platform, actor, FOI_WORKFLOW, record as unknown as WorkflowRecord, [REPLY_CLOCK], v.receivedDate);
      const clock = () => tx.selectFrom('clocks').selectAll().where('record_type', '=', FOI_RECORD_TYPE).where('record_id', '=', record.id).where('clock_key', '=', 'reply').executeTakeFirstOrThrow();
      if (v.extended) await changeClock(tx, platform, actor, await clock(), { op: 'extend', approval: '批量导入：已经批准延长' });
      if (v.replyDate) await changeClock(tx, platform, actor, await clock(), { op: 'stop', date: v.replyDate, reason: '批量导入：已答复' });
    }
    return { created, updated, errors };
  },
};

