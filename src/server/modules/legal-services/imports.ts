// Import types `legal_aid_cases` and `notarizations`, through the module's commands.
import { z } from '../../../shared/zod.ts';
import { LEGAL_AID_CASE, LEGAL_AID_WORKFLOW, NOTARIZATION } from '../../../shared/schemas/legal-services.ts';
import { importFields, importInput, importRow } from '../../kernel/imports/from-record.ts';
import { advanceTo, columnOf, refImport, refuseRow } from '../../kernel/imports/by-ref.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { aidCases, notarizations } from './services.ts';

/** `wagesRecoveredFen` is in fen as the contract names it (the definition's money cell reads yuan). */
const fen = z.coerce.number({ error: '挽回（追回）工资（wagesRecoveredFen）应为整数（分）' }).int({ error: '挽回（追回）工资（wagesRecoveredFen）应为整数（分）' }).min(0, { error: '挽回（追回）工资（wagesRecoveredFen）不能为负数' });
const aidRow = importRow(LEGAL_AID_CASE, { wagesRecoveredFen: fen.optional() });
type AidRow = z.infer<typeof aidRow>;
const aidFields = importFields(LEGAL_AID_CASE, 'FY-2025-0012');
const aidUnit = columnOf(aidFields, 'unitCode');
const closedColumn = columnOf(aidFields, 'closedDate');

export const legalAidImport = refImport<AidRow>({
  type: 'legal_aid_cases',
  title: '法律援助案件',
  permission: 'legal_services.manage',
  fields: aidFields,
  row: aidRow,
  table: 'legal_aid_cases',
  columns: { unitId: aidUnit, date: closedColumn, 'values.wagesRecoveredFen': columnOf(aidFields, 'wagesRecoveredFen') },
  unitOf: (v, run) => run.unit(v.unitCode, aidUnit),
  check(v) {
    if (v.closedDate && v.closedDate > chinaToday()) refuseRow(closedColumn, '结案日期不能晚于今天');
    if (v.wagesRecoveredFen !== undefined && !v.closedDate) refuseRow(columnOf(aidFields, 'wagesRecoveredFen'), '未结案的案件不能填写挽回工资（请同时填写结案日期）');
  },
  create: (v, unitId, run) => aidCases.create(run.tx, run.platform, run.actor, run.actor.scope, { ...(importInput(LEGAL_AID_CASE, v) as any), matter: '（导入）', unitId, ref: v.ref }),
  update: (v, existing, run) => aidCases.update(run.tx, run.platform, run.actor, run.actor.scope, existing.id, existing.version!, { ...(importInput(LEGAL_AID_CASE, v) as any), matter: existing.matter ?? undefined, applicant: existing.applicant ?? undefined, unitId: existing.unit_id }),
  // A closed case was approved on receipt and closed on its date, through the workflow.
  then: (v, id, run) =>
    advanceTo(run, LEGAL_AID_WORKFLOW, id, [
      { status: 'approved', transition: 'approve', date: v.receivedDate },
      { status: 'closed', transition: 'close', date: v.closedDate ?? '', values: v.wagesRecoveredFen !== undefined ? { wagesRecoveredFen: v.wagesRecoveredFen } : {} },
    ], v.closedDate ? 2 : 0, closedColumn),
});

const notaryRow = importRow(NOTARIZATION);
type NotaryRow = z.infer<typeof notaryRow>;
const notaryFields = importFields(NOTARIZATION, 'GZ-2025-03');
const notaryUnit = columnOf(notaryFields, 'unitCode');

export const notarizationsImport = refImport<NotaryRow>({
  type: 'notarizations',
  title: '公证办理统计',
  permission: 'legal_services.manage',
  fields: notaryFields,
  row: notaryRow,
  table: 'notarizations',
  columns: { unitId: notaryUnit },
  unitOf: (v, run) => run.unit(v.unitCode, notaryUnit),
  create: (v, unitId, run) => notarizations.create(run.tx, run.platform, run.actor, run.actor.scope, { ...(importInput(NOTARIZATION, v) as any), unitId, ref: v.ref }),
  update: (v, existing, run) => notarizations.update(run.tx, run.platform, run.actor, run.actor.scope, existing.id, existing.version!, { ...(importInput(NOTARIZATION, v) as any), kind: existing.kind ?? undefined, unitId: existing.unit_id }),
});
