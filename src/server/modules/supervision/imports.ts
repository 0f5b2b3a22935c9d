// Import types `inspections` and `findings` (issue contract: field names are API).
import { z, isoDate } from '../../../shared/zod.ts';
import { enumFromLabels, unitCode } from '../../../shared/schemas/org.ts';
import { FINDING_RECORD_TYPE, FINDING_WORKFLOW, INSPECTION_KINDS, SEVERITIES } from '../../../shared/schemas/supervision.ts';
import { applyEffects, type WorkflowRecord } from '../../kernel/workflow/engine.ts';
import type { ImportType, RowError } from '../../kernel/imports/types.ts';
import { refCell, rowChecker, splitCodes, textCell, unitIdsByCode } from '../../kernel/imports/rows.ts';
import { HttpError } from '../../kernel/http/errors.ts';
import { nowIso } from '../../kernel/ids.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import { createInspection, findingDateProblems, insertFinding, syncFindingProblem } from './supervision.ts';

const ref = refCell();
const cell = textCell;
const codes = splitCodes;

const inspectionRow = z.object({
  ref,
  organiserCode: unitCode.meta({ title: '组织单位编码' }),
  title: cell('督察名称', 200),
  kind: enumFromLabels(INSPECTION_KINDS, '督察方式'),
  date: isoDate('督察日期'),
  targetUnitCodes: cell('督察对象单位编码', 4000),
});
type InspectionRow = z.infer<typeof inspectionRow>;

export const inspectionsImport: ImportType<InspectionRow> = {
  type: 'inspections',
  title: '督察',
  permission: 'inspection.manage',
  fields: [
    { name: 'ref', label: '外部编号', required: true, note: '督察的唯一编号，再次导入同一编号时更新', example: 'INS-2026-01' },
    { name: 'organiserCode', label: '组织单位编码', required: true, note: '组织督察的单位编码', example: 'SFX-D01' },
    { name: 'title', label: '督察名称', required: true, note: '', example: '2026年度行政执法专项督察' },
    { name: 'kind', label: '督察方式', required: true, note: 'written/onsite/special/unannounced，或 书面/实地/专项/暗访', example: '实地' },
    { name: 'date', label: '督察日期', required: true, note: 'YYYY-MM-DD', example: '2026-05-20' },
    { name: 'targetUnitCodes', label: '督察对象单位编码', required: true, note: '多个用英文分号 ; 分隔', example: 'SFX-D03;SFX-D21' },
  ],
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

const findingRow = z.object({
  ref,
  inspectionRef: ref.meta({ title: '督察编号' }),
  unitCode: unitCode.meta({ title: '责任单位编码' }),
  description: cell('问题描述', 2000),
  severity: enumFromLabels(SEVERITIES, '严重程度'),
  dueDate: isoDate('整改期限'),
  status: enumFromLabels(FINDING_STATUS_LABELS, '状态').optional(),
  rectifiedDate: isoDate('整改完成日期').optional(),
  verifiedDate: isoDate('核查日期').optional(),
});
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
  fields: [
    { name: 'ref', label: '外部编号', required: true, note: '问题的唯一编号，再次导入同一编号时更新', example: 'F-2026-001' },
    { name: 'inspectionRef', label: '督察编号', required: true, note: '所属督察的外部编号（先导入督察）', example: 'INS-2026-01' },
    { name: 'unitCode', label: '责任单位编码', required: true, note: '须为该次督察的对象单位', example: 'SFX-D03' },
    { name: 'description', label: '问题描述', required: true, note: '', example: '行政执法全过程记录不完整' },
    { name: 'severity', label: '严重程度', required: true, note: 'general/major，或 一般/重大', example: '一般' },
    { name: 'dueDate', label: '整改期限', required: true, note: 'YYYY-MM-DD，不能早于督察日期', example: '2026-07-31' },
    { name: 'status', label: '状态', note: 'open/rectifying/rectified/verified/reopened，或 待整改/整改中/已整改/已核查/重新整改；默认待整改', example: '已整改' },
    { name: 'rectifiedDate', label: '整改完成日期', note: '已整改、已核查的必填；不能早于督察日期', example: '2026-07-20' },
    { name: 'verifiedDate', label: '核查日期', note: '已核查的必填；不能早于整改完成日期', example: '' },
  ],
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
      const input = { inspectionId: inspection.id, unitId, description: v.description, severity: v.severity, dueDate: v.dueDate, status: v.status ?? 'open', rectifiedDate: v.rectifiedDate ?? null, verifiedDate: v.verifiedDate ?? null } as const;
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
