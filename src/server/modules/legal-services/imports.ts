// Import types `legal_aid_cases` and `notarizations`, through the module's commands.
import { z } from '../../../shared/zod.ts';
import { LEGAL_AID_CASE, LEGAL_AID_WORKFLOW, NOTARIZATION } from '../../../shared/schemas/legal-services.ts';
import { importColumn, importInput, recordImport } from '../../kernel/imports/from-record.ts';
import { advanceTo, refuseRow } from '../../kernel/imports/by-ref.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { aidCases, notarizations } from './services.ts';

/** `wagesRecoveredFen` is in fen as the contract names it (the definition's money cell reads yuan). */
const fen = z.coerce.number({ error: '挽回（追回）工资（wagesRecoveredFen）应为整数（分）' }).int({ error: '挽回（追回）工资（wagesRecoveredFen）应为整数（分）' }).min(0, { error: '挽回（追回）工资（wagesRecoveredFen）不能为负数' });
const closedColumn = importColumn(LEGAL_AID_CASE, 'closedDate');
const wagesColumn = importColumn(LEGAL_AID_CASE, 'wagesRecoveredFen');

export const legalAidImport = recordImport(LEGAL_AID_CASE, {
  type: 'legal_aid_cases', title: '法律援助案件', permission: 'legal_services.manage', example: 'FY-2025-0012', extra: { wagesRecoveredFen: fen.optional() },
  columns: { date: closedColumn, 'values.wagesRecoveredFen': wagesColumn },
  check(v) {
    if (v.closedDate && v.closedDate > chinaToday()) refuseRow(closedColumn, '结案日期不能晚于今天');
    if (v.wagesRecoveredFen !== undefined && !v.closedDate) refuseRow(wagesColumn, '未结案的案件不能填写挽回工资（请同时填写结案日期）');
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

export const notarizationsImport = recordImport(NOTARIZATION, {
  type: 'notarizations', title: '公证办理统计', permission: 'legal_services.manage', example: 'GZ-2025-03',
  create: (v, unitId, run) => notarizations.create(run.tx, run.platform, run.actor, run.actor.scope, { ...(importInput(NOTARIZATION, v) as any), unitId, ref: v.ref }),
  update: (v, existing, run) => notarizations.update(run.tx, run.platform, run.actor, run.actor.scope, existing.id, existing.version!, { ...(importInput(NOTARIZATION, v) as any), kind: existing.kind ?? undefined, unitId: existing.unit_id }),
});
