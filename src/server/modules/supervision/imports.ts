// Import types `inspections` and `findings` (issue contract: field names are API). Whole-platform
// imports for the law office: columns and row schemas derive from the definitions; the target units
// (several codes in one cell) and the finding's imported status are written beside them.
import type { z } from '../../../shared/zod.ts';
import { enumFromLabels } from '../../../shared/schemas/org.ts';
import { FINDING, FINDING_RECORD_TYPE, FINDING_WORKFLOW, INSPECTION } from '../../../shared/schemas/supervision.ts';
import { importFields, importRow } from '../../kernel/imports/from-record.ts';
import { applyEffects, type WorkflowRecord } from '../../kernel/workflow/engine.ts';
import type { ImportType, RowError } from '../../kernel/imports/types.ts';
import { rowChecker, splitCodes, textCell, unitIdsByCode } from '../../kernel/imports/rows.ts';
import { HttpError } from '../../kernel/http/errors.ts';
import { nowIso } from '../../kernel/ids.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import { createInspection, findingDateProblems, insertFinding, syncFindingProblem } from './supervision.ts';

const codes = splitCodes;

/** The ref is unique across the platform (these imports load the law office's whole ledger). */
const withRefNote = (fields: ReturnType<typeof importFields>, note: string) => fields.map((f) => (f.name === 'ref' ? { ...f, note } : f));

const TARGETS = { name: 'targetUnitCodes', label: '督察对象单位编码', required: true, note: '多个用英文分号 ; 分隔', example: 'SFX-D03;SFX-D21' };
const inspectionRow = importRow(INSPECTION, { targetUnitCodes: textCell(TARGETS.label, 4000) });
type InspectionRow = z.infer<typeof inspectionRow>;

export const inspectionsImport: ImportType<InspectionRow> = {
  type: 'inspections',
  title: '督察',
  permission: 'inspection.manage',
  fields: [...withRefNote(importFields(INSPECTION, 'INS-2026-01'), '督察的唯一编号，再次导入同一编号时更新'), TARGETS],
  row: inspectionRow,
  async apply(tx, rows, actor, platform) {
    const errors: RowError[] = [];
    let created = 0;
    let updated = 0;
    const units = await unitIdsByCode(tx);
    const check = rowChecker(errors);
    for (const r of rows) {
      const v = r.value;
      const { fail, duplicate } = check(r.row);
      if (duplicate(v.ref)) continue;
      const organiserId = units.get(v.organiserCode);
      if (!organiserId) {
        fail('组织单位编码（organiserCode）', `单位「${v.organiserCode}」不存在`);
        continue;
      }
      const targetCodes = codes(v.targetUnitCodes);
      const unknown = targetCodes.filter((c) => !units.has(c));
      if (unknown.length) {
        fail('督察对象单位编码（targetUnitCodes）', `单位「${unknown.join('、')}」不存在`);
        continue;
      }
      const targetUnitIds = targetCodes.map((c) => units.get(c)!);
      const existing = await tx.selectFrom('inspections').select('id').where('ref', '=', v.ref).executeTakeFirst();
      if (!existing) {
        await createInspection(tx, platform, actor, { ref: v.ref, organiserId, title: v.title, kind: v.kind, date: v.date, targetUnitIds, inspectors: '（导入）' });
        created++;
        continue;
      }
      const orphan = await tx.selectFrom('findings').select('unit_id').where('inspection_id', '=', existing.id).where('unit_id', 'not in', targetUnitIds).executeTakeFirst();
      if (orphan) {
        fail('督察对象单位编码（targetUnitCodes）', '不能移除已有问题的责任单位');
        continue;
      }
      const early = await tx.selectFrom('findings').select('due_date').where('inspection_id', '=', existing.id).where('due_date', '<', v.date).executeTakeFirst();
      if (early) {
        fail('督察日期（date）', `不能晚于已有问题的整改期限 ${early.due_date}`);
        continue;
      }
      await tx.updateTable('inspections').set({ unit_id: organiserId, title: v.title, kind: v.kind, date: v.date, updated_at: nowIso(), updated_by: actor.id, version: (eb) => eb('version', '+', 1) }).where('id', '=', existing.id).execute();
      await tx.deleteFrom('inspection_targets').where('inspection_id', '=', existing.id).execute();
      await tx.insertInto('inspection_targets').values(targetUnitIds.map((unit_id) => ({ inspection_id: existing.id, unit_id }))).execute();
      updated++;
    }
    return { created, updated, errors };
  },
};

const FINDING_STATUS_LABELS = { open: '待整改', rectifying: '整改中', rectified: '已整改', verified: '已核查', reopened: '重新整改' } as const;

// The file names the states in the ledger-keeper's words (已整改, 已核查…), not the workflow's labels.
const findingRow = importRow(FINDING, { status: enumFromLabels(FINDING_STATUS_LABELS, '状态').optional() });
type FindingRow = z.infer<typeof findingRow>;

const FINDING_COLUMNS: Record<string, string> = {
  inspectionId: '督察编号（inspectionRef）',
  unitId: '责任单位编码（unitCode）',
  dueDate: '整改期限（dueDate）',
  rectifiedDate: '整改完成日期（rectifiedDate）',
  verifiedDate: '核查日期（verifiedDate）',
};

export const findingsImport: ImportType<FindingRow> = {
  type: 'findings',
  title: '督察问题',
  permission: 'inspection.manage',
  fields: withRefNote(importFields(FINDING, 'F-2026-001'), '问题的唯一编号，再次导入同一编号时更新'),
  row: findingRow,
  async apply(tx, rows, actor, platform) {
    const errors: RowError[] = [];
    let created = 0;
    let updated = 0;
    const units = await unitIdsByCode(tx);
    const check = rowChecker(errors);
    for (const r of rows) {
      const v = r.value;
      const { fail, duplicate, fromHttpError } = check(r.row);
      if (duplicate(v.ref)) continue;
      const inspection = await tx.selectFrom('inspections').select(['id', 'date']).where('ref', '=', v.inspectionRef).executeTakeFirst();
      if (!inspection) {
        fail('督察编号（inspectionRef）', `督察「${v.inspectionRef}」不存在`);
        continue;
      }
      const unitId = units.get(v.unitCode);
      if (!unitId) {
        fail('责任单位编码（unitCode）', `单位「${v.unitCode}」不存在`);
        continue;
      }
      const input = { inspectionId: inspection.id, unitId, description: v.description, severity: v.severity, dueDate: v.dueDate, status: v.status ?? 'open', rectifiedDate: v.rectifiedDate ?? null, verifiedDate: v.verifiedDate ?? null };
      const existing = await tx.selectFrom('findings').selectAll().where('ref', '=', v.ref).executeTakeFirst();
      try {
        if (!existing) {
          await insertFinding(tx, platform, actor, { ...input, ref: v.ref });
          created++;
          continue;
        }
        const problem = findingDateProblems(input, inspection.date);
        if (problem) throw new HttpError(400, problem.message, [{ field: problem.field, message: problem.message }]);
        const target = await tx.selectFrom('inspection_targets').select('unit_id').where('inspection_id', '=', inspection.id).where('unit_id', '=', unitId).executeTakeFirst();
        if (!target) throw new HttpError(400, '不是该次督察的对象单位', [{ field: 'unitId', message: '不是该次督察的对象单位' }]);
        await tx
          .updateTable('findings')
          .set({ inspection_id: inspection.id, unit_id: unitId, description: v.description, severity: v.severity, due_date: v.dueDate, status: input.status, rectified_date: input.rectifiedDate, verified_date: input.verifiedDate, updated_at: nowIso(), updated_by: actor.id, version: (eb) => eb('version', '+', 1) })
          .where('id', '=', existing.id)
          .execute();
        if (input.status === 'verified') {
          await applyEffects(tx, platform, actor, FINDING_WORKFLOW, { ...existing, unit_id: unitId } as unknown as WorkflowRecord, [{ stop: 'rectify', reason: '批量导入：已核查销号' }], input.verifiedDate!);
        }
        await syncFindingProblem(tx, { ...existing, unit_id: unitId, status: input.status, description: v.description, severity: v.severity }, input.verifiedDate ?? nowIso().slice(0, 10));
        await addTimeline(tx, actor, { recordType: FINDING_RECORD_TYPE, recordId: existing.id, action: 'import', label: '批量导入更新', fromStatus: existing.status, toStatus: input.status });
        updated++;
      } catch (error) {
        fromHttpError(error, FINDING_COLUMNS);
      }
    }
    return { created, updated, errors };
  },
};
