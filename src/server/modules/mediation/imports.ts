// Import types `mediation_orgs` and `disputes`, through the module's own commands (kernel/imports/by-ref.ts).
import { enumFromLabels } from '../../../shared/schemas/org.ts';
import { DISPUTE, DISPUTE_WORKFLOW, MEDIATION_ORG, OUTCOMES } from '../../../shared/schemas/mediation.ts';
import { importInput, recordImport, type RecordImportRow } from '../../kernel/imports/from-record.ts';
import type { RecordInput } from '../../../shared/records.ts';
import { advanceTo, refuseRow } from '../../kernel/imports/by-ref.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { createDispute, createOrg, updateDispute, updateOrg } from './mediation.ts';

export const mediationOrgsImport = recordImport(MEDIATION_ORG, {
  type: 'mediation_orgs', title: '调解组织', permission: 'mediation.manage', example: 'TJ-T01',
  unitOf: (v, run) => run.unit(v.unitCode, '所属单位编码（unitCode）'),
  create: (v, unitId, { tx, platform, actor }) => createOrg(tx, platform, actor, actor.scope, { unitId, name: v.name, type: v.type, establishedDate: v.establishedDate, ref: v.ref }),
  update: (v, existing, { tx, platform, actor }) => updateOrg(tx, platform, actor, actor.scope, existing.id, existing.version!, { name: v.name, type: v.type, establishedDate: v.establishedDate }),
});

const disputeRowExtra = {
  // 调解中 says the dispute is still open (no closure yet).
  outcome: enumFromLabels({ ...OUTCOMES, pending: '调解中' }, '调解结果').optional(),
};
type DisputeRow = RecordImportRow<typeof DISPUTE.fields, typeof disputeRowExtra>;

function contradiction(v: DisputeRow): [string, string] | null {
  const closed = v.outcome && v.outcome !== 'pending';
  if (v.receivedDate > chinaToday()) return ['受理日期（receivedDate）', '不能晚于今天'];
  if (closed && !v.closedDate) return ['结案日期（closedDate）', '已结案的纠纷必须填写结案日期'];
  if (!closed && v.closedDate) return ['调解结果（outcome）', '有结案日期的纠纷必须填写调解结果'];
  if (v.closedDate && v.closedDate < v.receivedDate) return ['结案日期（closedDate）', '不能早于受理日期'];
  if (v.revisitDate && !v.closedDate) return ['回访日期（revisitDate）', '未结案的纠纷不能回访'];
  if (v.revisitDate && v.closedDate && v.revisitDate < v.closedDate) return ['回访日期（revisitDate）', '不能早于结案日期'];
  if ((v.closedDate && v.closedDate > chinaToday()) || (v.revisitDate && v.revisitDate > chinaToday())) return ['回访日期（revisitDate）', '日期不能晚于今天'];
  return null;
}

export const disputesImport = recordImport(DISPUTE, {
  type: 'disputes', title: '矛盾纠纷', permission: 'mediation.manage', example: 'TJ-2025-0123', extra: disputeRowExtra,
  columns: { orgId: '调解组织编号（orgRef）', date: '结案日期（closedDate）' },
  check(v) {
    const problem = contradiction(v);
    if (problem) refuseRow(...problem);
  },
  create: async (v, unitId, run) => createDispute(run.tx, run.platform, run.actor, run.actor.scope, { ...(await intake(v, run)), unitId, linkedDisputeId: null, ref: v.ref }),
  update: async (v, existing, run) => updateDispute(run.tx, run.platform, run.actor, run.actor.scope, existing.id, existing.version!, await intake(v, run)),
  // 结案 then 回访, on the row's dates.
  then: (v, id, run) => advanceTo(run, DISPUTE_WORKFLOW, id, steps(v), wanted(v), '调解结果（outcome）'),
});

/** The row's intake: every field the file carries (importInput), its organisation found by ref within the importer's scope. */
async function intake(v: DisputeRow, run: Parameters<typeof advanceTo>[0]) {
  const org = v.orgRef ? await run.record('mediation_orgs', v.orgRef, '调解组织编号（orgRef）', '调解组织') : null;
  return { ...(importInput(DISPUTE, v) as Omit<RecordInput<typeof DISPUTE>, 'unitId' | 'orgId' | 'linkedDisputeId'>), orgId: org?.id ?? null, lawyerInvolved: v.lawyerInvolved ?? false };
}

const steps = (v: DisputeRow) => [
  { status: 'closed', transition: 'close', date: v.closedDate ?? '', values: { outcome: v.outcome } },
  { status: 'revisited', transition: 'revisit', date: v.revisitDate ?? '', values: { revisitResult: v.revisitResult ?? '（批量导入，未记录回访情况）' } },
];
const wanted = (v: DisputeRow) => (v.revisitDate ? 2 : v.outcome && v.outcome !== 'pending' ? 1 : 0);
