// Import type `proposals`: its columns and row derive from the definition. A whole-platform type
// (docs/imports.md): the law office loads the ledger with its history, replies and satisfaction
// included, so it writes the state directly rather than through the by-ref runner.
import type { z } from '../../../shared/zod.ts';
import { PROPOSAL, PROPOSAL_RECORD_TYPE, PROPOSAL_WORKFLOW } from '../../../shared/schemas/proposals.ts';
import type { ImportType, RowError } from '../../kernel/imports/types.ts';
import { rowChecker, unitIdsByCode } from '../../kernel/imports/rows.ts';
import { importFields, importRow } from '../../kernel/imports/from-record.ts';
import { HttpError } from '../../kernel/http/errors.ts';
import { nowIso } from '../../kernel/ids.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { applyEffects, type WorkflowRecord } from '../../kernel/workflow/engine.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import { clearClocks } from '../../kernel/workflow/clocks.ts';
import { REPLY_CLOCK, createProposal } from './proposals.ts';

const row = importRow(PROPOSAL);
type Row = z.infer<typeof row>;

export const proposalsImport: ImportType<Row> = {
  type: 'proposals',
  title: '建议提案',
  permission: 'proposal.manage',
  fields: importFields(PROPOSAL, 'NPC-2025-012').map((f) => (f.name === 'filed' ? { ...f, note: '政协提案：true/false 或 是/否（默认立案）' } : f)),
  row,
  async apply(tx, rows, actor, platform) {
    const errors: RowError[] = [];
    const check = rowChecker(errors);
    let created = 0;
    let updated = 0;
    const units = await unitIdsByCode(tx);
    for (const r of rows) {
      const v = r.value;
      const { fail, duplicate, fromHttpError } = check(r.row);
      if (duplicate(v.ref)) continue;
      const unitId = units.get(v.leadUnitCode);
      if (!unitId) {
        fail('主办单位编码（leadUnitCode）', `单位「${v.leadUnitCode}」不存在`);
        continue;
      }
      if (v.replyDate && v.replyDate < v.assignedDate) {
        fail('答复日期（replyDate）', '不能早于交办日期');
        continue;
      }
      if (v.replyDate && v.replyDate > chinaToday()) {
        fail('答复日期（replyDate）', '不能晚于今天');
        continue;
      }
      if (v.satisfaction && !v.replyDate) {
        fail('满意度（satisfaction）', '尚未答复的建议提案不能登记满意度');
        continue;
      }
      if (v.kind === 'npc' && v.filed !== undefined && v.filed !== false) {
        fail('是否立案（filed）', '只适用于政协提案');
        continue;
      }
      const existing = await tx.selectFrom('proposals').select(['id']).where('ref', '=', v.ref).executeTakeFirst();
      try {
        let id = existing?.id;
        if (!id) {
          id = await createProposal(tx, platform, actor, { ref: v.ref, kind: v.kind, number: v.number, title: v.title, proposer: '（导入）', leadUnitId: unitId, assignedDate: v.assignedDate, filed: v.kind === 'cppcc' ? (v.filed ?? true) : null });
          created++;
        } else {
          await tx.updateTable('proposals').set({ kind: v.kind, number: v.number, title: v.title, unit_id: unitId, assigned_date: v.assignedDate, filed: v.kind === 'cppcc' ? (v.filed === false ? 0 : 1) : null, updated_at: nowIso(), updated_by: actor.id, version: (eb) => eb('version', '+', 1) }).where('id', '=', id).execute();
          await clearClocks(tx, PROPOSAL_RECORD_TYPE, id);
          const record = await tx.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
          await applyEffects(tx, platform, actor, PROPOSAL_WORKFLOW, record as unknown as WorkflowRecord, [REPLY_CLOCK], v.assignedDate);
          updated++;
        }
        const status = v.satisfaction ? 'closed' : v.replyDate ? 'replied' : 'assigned';
        await tx.updateTable('proposals').set({ status, reply_date: v.replyDate ?? null, satisfaction: v.satisfaction ?? null }).where('id', '=', id).execute();
        if (v.replyDate) {
          const record = await tx.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
          await applyEffects(tx, platform, actor, PROPOSAL_WORKFLOW, record as unknown as WorkflowRecord, [{ stop: 'reply', reason: '批量导入：已答复' }], v.replyDate);
        }
        await addTimeline(tx, actor, { recordType: PROPOSAL_RECORD_TYPE, recordId: id, action: 'import', label: existing ? '批量导入更新' : '批量导入', toStatus: status });
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        fromHttpError(error, { leadUnitId: '主办单位编码（leadUnitCode）', assignedDate: '交办日期（assignedDate）', filed: '是否立案（filed）' });
      }
    }
    return { created, updated, errors };
  },
};
