// Import types `pufa_activities`, `legal_literates`, `model_villages` and `study_sessions`, through the
// module's commands (kernel/imports/by-ref.ts): the same scope, rules and audit as the API.
import type { z } from '../../../shared/zod.ts';
import { LEGAL_LITERATE, MODEL_VILLAGE, MODEL_VILLAGE_WORKFLOW, PUFA_ACTIVITY, STUDY_SESSION } from '../../../shared/schemas/education.ts';
import { importFields, importInput, importRow } from '../../kernel/imports/from-record.ts';
import { columnOf, refImport, refuseRow, type RefImportRun } from '../../kernel/imports/by-ref.ts';
import { transitionWithin } from '../../kernel/workflow/engine.ts';
import type { ImportType } from '../../kernel/imports/types.ts';
import type { RecordDef } from '../../../shared/records.ts';
import { activities, createModelVillage, literates, sessions, updateModelVillage } from './education.ts';

type Registry = { create: (...args: any[]) => Promise<string>; update: (...args: any[]) => Promise<unknown> };

/** A registry record type's import: the row's fields as the API's input, its unit by code within the importer's scope. */
function registryImport(def: RecordDef<any>, type: string, title: string, refExample: string, records: Registry): ImportType<any> {
  const row = importRow(def);
  const fields = importFields(def, refExample);
  const unitColumn = columnOf(fields, 'unitCode');
  return refImport<any>({
    type,
    title,
    permission: 'education.manage',
    fields,
    row,
    table: def.table,
    columns: { unitId: unitColumn },
    unitOf: (v, run) => run.unit(v.unitCode, unitColumn),
    create: (v, unitId, run) => records.create(run.tx, run.platform, run.actor, run.actor.scope, { ...importInput(def, v), unitId, ref: v.ref }),
    update: (v, existing, run) => records.update(run.tx, run.platform, run.actor, run.actor.scope, existing.id, existing.version!, { ...importInput(def, v), unitId: existing.unit_id }),
  });
}

export const pufaActivitiesImport = registryImport(PUFA_ACTIVITY, 'pufa_activities', '普法活动', 'PF-2025-001', activities);
export const legalLiteratesImport = registryImport(LEGAL_LITERATE, 'legal_literates', '法律明白人', 'FLMBR-0001', literates);
export const studySessionsImport = registryImport(STUDY_SESSION, 'study_sessions', '学法活动', 'XF-2025-01', sessions);

const villageRow = importRow(MODEL_VILLAGE);
type VillageRow = z.infer<typeof villageRow>;
const villageFields = importFields(MODEL_VILLAGE, 'SFC-001');
const villageUnit = columnOf(villageFields, 'unitCode');
const revokedColumn = columnOf(villageFields, 'revokedDate');

/** A row's revocation date: not before the named year, not after today; then 复核：撤销 on that date. */
async function revokeAsImported(v: VillageRow, id: string, run: RefImportRun): Promise<void> {
  if (!v.revokedDate) return;
  if (v.revokedDate < `${v.namedYear}-01-01`) refuseRow(revokedColumn, `撤销日期（${v.revokedDate}）不能早于命名年度 ${v.namedYear} 年`);
  const row = await run.tx.selectFrom('model_villages').select(['status', 'version', 'revoked_date']).where('id', '=', id).executeTakeFirstOrThrow();
  if (row.status === 'revoked') {
    if (row.revoked_date !== v.revokedDate) refuseRow(revokedColumn, `已于 ${row.revoked_date} 撤销，导入不能更改撤销日期`);
    return;
  }
  await transitionWithin(run.tx, run.platform, run.actor, MODEL_VILLAGE_WORKFLOW, id, 'revoke', { version: row.version, date: v.revokedDate, note: '批量导入：已撤销命名' });
}

export const modelVillagesImport = refImport<VillageRow>({
  type: 'model_villages',
  title: '民主法治示范村（社区）',
  permission: 'education.villages',
  fields: villageFields,
  row: villageRow,
  table: 'model_villages',
  columns: { unitId: villageUnit, date: revokedColumn },
  unitOf: (v, run) => run.unit(v.unitCode, villageUnit),
  create: (v, unitId, run) => createModelVillage(run.tx, run.platform, run.actor, run.actor.scope, { unitId, level: v.level, namedYear: v.namedYear, ref: v.ref }),
  update: (v, existing, run) => updateModelVillage(run.tx, run.platform, run.actor, run.actor.scope, existing.id, existing.version!, { level: v.level, namedYear: v.namedYear }),
  then: (v, id, run) => revokeAsImported(v, id, run),
});
