// Import types `pufa_activities`, `legal_literates`, `model_villages` and `study_sessions`, through the
// module's commands (kernel/imports/by-ref.ts): the same scope, rules and audit as the API.
import { LEGAL_LITERATE, MODEL_VILLAGE, MODEL_VILLAGE_WORKFLOW, PUFA_ACTIVITY, STUDY_SESSION } from '../../../shared/schemas/education.ts';
import { importColumn, recordImport, type ImportCommands, type RecordImportRow } from '../../kernel/imports/from-record.ts';
import { refuseRow, type RefImportRun } from '../../kernel/imports/by-ref.ts';
import { transitionWithin } from '../../kernel/workflow/engine.ts';
import type { RecordDef } from '../../../shared/records.ts';
import { activities, createModelVillage, literates, sessions, updateModelVillage } from './education.ts';

const registryImport = (def: RecordDef<any>, type: string, title: string, example: string, commands: ImportCommands) => recordImport(def, { type, title, permission: 'education.manage', example, commands });

export const pufaActivitiesImport = registryImport(PUFA_ACTIVITY, 'pufa_activities', '普法活动', 'PF-2025-001', activities);
export const legalLiteratesImport = registryImport(LEGAL_LITERATE, 'legal_literates', '法律明白人', 'FLMBR-0001', literates);
export const studySessionsImport = registryImport(STUDY_SESSION, 'study_sessions', '学法活动', 'XF-2025-01', sessions);

type VillageRow = RecordImportRow<typeof MODEL_VILLAGE.fields>;
const revokedColumn = importColumn(MODEL_VILLAGE, 'revokedDate');

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

export const modelVillagesImport = recordImport(MODEL_VILLAGE, {
  type: 'model_villages', title: '民主法治示范村（社区）', permission: 'education.villages', example: 'SFC-001',
  columns: { date: revokedColumn },
  create: (v, unitId, run) => createModelVillage(run.tx, run.platform, run.actor, run.actor.scope, { unitId, level: v.level, namedYear: v.namedYear, ref: v.ref }),
  update: (v, existing, run) => updateModelVillage(run.tx, run.platform, run.actor, run.actor.scope, existing.id, existing.version!, { level: v.level, namedYear: v.namedYear }),
  then: (v, id, run) => revokeAsImported(v, id, run),
});
