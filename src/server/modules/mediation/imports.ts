// Import types `mediation_orgs` and `disputes`, through the module's own commands (kernel/imports/by-ref.ts).
import { z, isoDate } from '../../../shared/zod.ts';
import { enumFromLabels, unitCode } from '../../../shared/schemas/org.ts';
import { DISPUTE_WORKFLOW, MEDIATION_CHANNELS, ORG_TYPES } from '../../../shared/schemas/mediation.ts';
import { booleanCell, refCell, textCell } from '../../kernel/imports/rows.ts';
import { advanceTo, refImport, refuseRow } from '../../kernel/imports/by-ref.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { createDispute, createOrg, updateDispute, updateOrg } from './mediation.ts';

const orgRow = z.object({ ref: refCell(), unitCode: unitCode.meta({ title: '所属单位编码' }), name: textCell('名称', 100), type: enumFromLabels(ORG_TYPES, '类型'), establishedDate: isoDate('成立日期').optional() });
type OrgRow = z.infer<typeof orgRow>;

export const mediationOrgsImport = refImport<OrgRow>({
  type: 'mediation_orgs',
  title: '调解组织',
  permission: 'mediation.manage',
  fields: [
    { name: 'ref', label: '外部编号', required: true, note: '', example: 'TJ-T01' },
    { name: 'unitCode', label: '所属单位编码', required: true, note: '', example: 'SFX-T01' },
    { name: 'name', label: '名称', required: true, note: '', example: '城关镇人民调解委员会' },
    { name: 'type', label: '类型', required: true, note: 'town/village/industry/joint/park 或 乡镇（街道）调委会/村（社区）调委会/行业性专业性调委会/联合调委会/园区调委会', example: 'town' },
    { name: 'establishedDate', label: '成立日期', note: '可空（默认导入当日）', example: '2012-06-01' },
  ],
  row: orgRow,
  table: 'mediation_orgs',
  unitOf: (v, run) => run.unit(v.unitCode, '所属单位编码（unitCode）'),
  create: (v, unitId, { tx, platform, actor }) => createOrg(tx, platform, actor, actor.scope, { unitId, name: v.name, type: v.type, establishedDate: v.establishedDate, ref: v.ref }),
  update: (v, existing, { tx, platform, actor }) => updateOrg(tx, platform, actor, actor.scope, existing.id, { name: v.name, type: v.type, establishedDate: v.establishedDate }),
});

const disputeRow = z.object({
  ref: refCell(),
  unitCode: unitCode.meta({ title: '受理单位编码' }),
  orgRef: refCell('调解组织编号').optional(),
  type: textCell('纠纷类型', 50),
  receivedDate: isoDate('受理日期'),
  channel: enumFromLabels(MEDIATION_CHANNELS, '调解途径'),
  outcome: enumFromLabels({ success: '调解成功', failure: '调解不成功', transferred: '转其他途径', pending: '调解中' }, '调解结果').optional(),
  closedDate: isoDate('结案日期').optional(),
  revisitDate: isoDate('回访日期').optional(),
  lawyerInvolved: booleanCell('律师参与').optional(),
  revisitResult: textCell('回访情况', 1000).optional(),
});
type DisputeRow = z.infer<typeof disputeRow>;

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

export const disputesImport = refImport<DisputeRow>({
  type: 'disputes',
  title: '矛盾纠纷',
  permission: 'mediation.manage',
  fields: [
    { name: 'ref', label: '外部编号', required: true, note: '', example: 'TJ-2025-0123' },
    { name: 'unitCode', label: '受理单位编码', required: true, note: '', example: 'SFX-T01' },
    { name: 'orgRef', label: '调解组织编号', note: '调解组织的外部编号', example: 'TJ-T01' },
    { name: 'type', label: '纠纷类型', required: true, note: '如 婚姻家庭、邻里纠纷、合同纠纷', example: '邻里纠纷' },
    { name: 'receivedDate', label: '受理日期', required: true, note: 'YYYY-MM-DD', example: '2025-05-06' },
    { name: 'channel', label: '调解途径', required: true, note: 'people/administrative/judicial 或 人民调解/行政调解/司法调解', example: '人民调解' },
    { name: 'outcome', label: '调解结果', note: 'success/failure/transferred/pending 或 调解成功/调解不成功/转其他途径/调解中', example: '调解成功' },
    { name: 'closedDate', label: '结案日期', note: '已结案的必填', example: '2025-05-20' },
    { name: 'revisitDate', label: '回访日期', note: '不早于结案日期', example: '2025-06-20' },
    { name: 'lawyerInvolved', label: '律师参与', note: 'true/false 或 是/否', example: '否' },
    { name: 'revisitResult', label: '回访情况', note: '有回访日期时填写', example: '当事人履行协议，无反复' },
  ],
  row: disputeRow,
  table: 'disputes',
  columns: { unitId: '受理单位编码（unitCode）', orgId: '调解组织编号（orgRef）', date: '结案日期（closedDate）' },
  unitOf: (v, run) => run.unit(v.unitCode, '受理单位编码（unitCode）'),
  async create(v, unitId, run) {
    const id = await createDispute(run.tx, run.platform, run.actor, run.actor.scope, { ...(await intake(v, run)), unitId, parties: IMPORTED, summary: IMPORTED, mediators: IMPORTED, linkedDisputeId: null, ref: v.ref });
    await advanceTo(run, DISPUTE_WORKFLOW, id, steps(v), wanted(v), '调解结果（outcome）');
  },
  async update(v, existing, run) {
    await updateDispute(run.tx, run.platform, run.actor, run.actor.scope, existing.id, existing.version!, await intake(v, run));
    await advanceTo(run, DISPUTE_WORKFLOW, existing.id, steps(v), wanted(v), '调解结果（outcome）');
  },
});

const IMPORTED = '（导入）';

async function intake(v: DisputeRow, run: Parameters<typeof advanceTo>[0]) {
  const problem = contradiction(v);
  if (problem) refuseRow(...problem);
  const org = v.orgRef ? await run.record('mediation_orgs', v.orgRef, '调解组织编号（orgRef）', '调解组织') : null;
  return { type: v.type, receivedDate: v.receivedDate, channel: v.channel, orgId: org?.id ?? null, lawyerInvolved: v.lawyerInvolved ?? false };
}

/** 结案 then 回访, on the row's dates. */
const steps = (v: DisputeRow) => [
  { status: 'closed', transition: 'close', date: v.closedDate ?? '', values: { outcome: v.outcome } },
  { status: 'revisited', transition: 'revisit', date: v.revisitDate ?? '', values: { revisitResult: v.revisitResult ?? '（批量导入，未记录回访情况）' } },
];
const wanted = (v: DisputeRow) => (v.revisitDate ? 2 : v.outcome && v.outcome !== 'pending' ? 1 : 0);
