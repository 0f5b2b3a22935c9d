// Import types `inspections` and `findings` (issue contract: field names are API). Whole-platform
// imports for the law office, through the module's own commands: columns and row schemas derive
// from the definitions; the target units (several codes in one cell) and the finding's imported
// status are written beside them.
import type { z } from '../../../shared/zod.ts';
import { enumFromLabels } from '../../../shared/schemas/org.ts';
import { FINDING, INSPECTION, type InspectionInput } from '../../../shared/schemas/supervision.ts';
import type { RecordInput } from '../../../shared/records.ts';
import { importFields, importInput, importRow } from '../../kernel/imports/from-record.ts';
import { platformImport, type RefImportRun } from '../../kernel/imports/by-ref.ts';
import { textCell } from '../../kernel/imports/rows.ts';
import { correctFinding, createInspection, insertFinding, updateInspection, type FindingWrite } from './supervision.ts';

/** The ref is unique across the platform (these imports load the law office's whole ledger). */
const withRefNote = (fields: ReturnType<typeof importFields>, note: string) => fields.map((f) => (f.name === 'ref' ? { ...f, note } : f));

const TARGETS = { name: 'targetUnitCodes', label: '督察对象单位编码', required: true, note: '多个用英文分号 ; 分隔', example: 'SFX-D03;SFX-D21' };
const inspectionRow = importRow(INSPECTION, { targetUnitCodes: textCell(TARGETS.label, 4000) });
type InspectionRow = z.infer<typeof inspectionRow>;

/** The row's organiser and targets, resolved in the file's order. */
const placement = (v: InspectionRow, run: RefImportRun) => ({
  organiserId: run.unit(v.organiserCode, '组织单位编码（organiserCode）'),
  targetUnitIds: run.units(v.targetUnitCodes, '督察对象单位编码（targetUnitCodes）'),
  ...(importInput(INSPECTION, v) as Pick<InspectionInput, 'title' | 'kind' | 'date'>),
});

export const inspectionsImport = platformImport<InspectionRow>({
  type: 'inspections',
  title: '督察',
  permission: 'inspection.manage',
  fields: [...withRefNote(importFields(INSPECTION, 'INS-2026-01'), '督察的唯一编号，再次导入同一编号时更新'), TARGETS],
  row: inspectionRow,
  table: 'inspections',
  columns: { targetUnitIds: '督察对象单位编码（targetUnitCodes）' },
  create: (v, run) => createInspection(run.tx, run.platform, run.actor, { ...placement(v, run), ref: v.ref, inspectors: '（导入）' }),
  // The file does not carry the inspectors, checklist or summary: the edit keeps them.
  update: (v, inspection, run) =>
    updateInspection(run.tx, run.platform, run.actor, run.actor.scope, inspection.id, { ...placement(v, run), version: inspection.version!, inspectors: inspection.inspectors, checklist: JSON.parse(inspection.checklist), summary: inspection.summary }),
});

const FINDING_STATUS_LABELS = { open: '待整改', rectifying: '整改中', rectified: '已整改', verified: '已核查', reopened: '重新整改' } as const;

// The file names the states in the ledger-keeper's words (已整改, 已核查…), not the workflow's labels.
const findingRow = importRow(FINDING, { status: enumFromLabels(FINDING_STATUS_LABELS, '状态').optional() });
type FindingRow = z.infer<typeof findingRow>;

/** The row as a finding: its inspection and unit resolved in the file's order, its status and dates. */
async function finding(v: FindingRow, run: RefImportRun): Promise<FindingWrite> {
  const inspection = await run.record('inspections', v.inspectionRef, '督察编号（inspectionRef）', '督察');
  const unitId = run.unit(v.unitCode, '责任单位编码（unitCode）');
  return { ...(importInput(FINDING, v) as Pick<RecordInput<typeof FINDING>, 'description' | 'severity' | 'dueDate'>), inspectionId: inspection.id, unitId, status: v.status ?? 'open', rectifiedDate: v.rectifiedDate ?? null, verifiedDate: v.verifiedDate ?? null };
}

export const findingsImport = platformImport<FindingRow>({
  type: 'findings',
  title: '督察问题',
  permission: 'inspection.manage',
  fields: withRefNote(importFields(FINDING, 'F-2026-001'), '问题的唯一编号，再次导入同一编号时更新'),
  row: findingRow,
  table: 'findings',
  columns: { inspectionId: '督察编号（inspectionRef）', unitId: '责任单位编码（unitCode）' },
  create: async (v, run) => insertFinding(run.tx, run.platform, run.actor, { ...(await finding(v, run)), ref: v.ref }),
  update: async (v, existing, run) => correctFinding(run.tx, run.platform, run.actor, existing.id, existing.version!, await finding(v, run)),
});
