// Import types `mediation_orgs` and `disputes`.
import { z, isoDate } from '../../../shared/zod.ts';
import { enumFromLabels, unitCode } from '../../../shared/schemas/org.ts';
import { DISPUTE_RECORD_TYPE, MEDIATION_CHANNELS, ORG_TYPES } from '../../../shared/schemas/mediation.ts';
import type { ImportType, RowError } from '../../kernel/imports/types.ts';
import { booleanCell, refCell, rowChecker, textCell, unitIdsByCode } from '../../kernel/imports/rows.ts';
import { newId, nowIso } from '../../kernel/ids.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import { disputeTitle } from './mediation.ts';

const orgRow = z.object({ ref: refCell(), unitCode: unitCode.meta({ title: '所属单位编码' }), name: textCell('名称', 100), type: enumFromLabels(ORG_TYPES, '类型'), establishedDate: isoDate('成立日期').optional() });
type OrgRow = z.infer<typeof orgRow>;

export const mediationOrgsImport: ImportType<OrgRow> = {
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
  async apply(tx, rows, actor) {
    const errors: RowError[] = [];
    const check = rowChecker(errors);
    let created = 0;
    let updated = 0;
    const units = await unitIdsByCode(tx);
    for (const r of rows) {
      const v = r.value;
      const { fail, duplicate } = check(r.row);
      if (duplicate(v.ref)) continue;
      const unitId = units.get(v.unitCode);
      if (!unitId) {
        fail('所属单位编码（unitCode）', `单位「${v.unitCode}」不存在`);
        continue;
      }
      const now = nowIso();
      if (v.establishedDate && v.establishedDate > chinaToday()) {
        fail('成立日期（establishedDate）', '不能晚于今天');
        continue;
      }
      const existing = await tx.selectFrom('mediation_orgs').select('id').where('ref', '=', v.ref).executeTakeFirst();
      if (existing) {
        await tx.updateTable('mediation_orgs').set({ unit_id: unitId, name: v.name, type: v.type, ...(v.establishedDate ? { established_date: v.establishedDate } : {}), updated_at: now, updated_by: actor.id }).where('id', '=', existing.id).execute();
        updated++;
      } else {
        await tx.insertInto('mediation_orgs').values({ id: newId(), ref: v.ref, unit_id: unitId, name: v.name, type: v.type, established_date: v.establishedDate ?? chinaToday(), active: 1, created_at: now, created_by: actor.id, updated_at: now, updated_by: actor.id }).execute();
        created++;
      }
    }
    return { created, updated, errors };
  },
};

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

export const disputesImport: ImportType<DisputeRow> = {
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
  ],
  row: disputeRow,
  async apply(tx, rows, actor) {
    const errors: RowError[] = [];
    const check = rowChecker(errors);
    let created = 0;
    let updated = 0;
    const units = await unitIdsByCode(tx);
    for (const r of rows) {
      const v = r.value;
      const { fail, duplicate } = check(r.row);
      if (duplicate(v.ref)) continue;
      const unitId = units.get(v.unitCode);
      if (!unitId) {
        fail('受理单位编码（unitCode）', `单位「${v.unitCode}」不存在`);
        continue;
      }
      const org = v.orgRef ? await tx.selectFrom('mediation_orgs').select('id').where('ref', '=', v.orgRef).executeTakeFirst() : null;
      if (v.orgRef && !org) {
        fail('调解组织编号（orgRef）', `调解组织「${v.orgRef}」不存在`);
        continue;
      }
      const problem = contradiction(v);
      if (problem) {
        fail(...problem);
        continue;
      }
      const outcome = v.outcome && v.outcome !== 'pending' ? v.outcome : null;
      const status = v.revisitDate ? 'revisited' : outcome ? 'closed' : 'received';
      const now = nowIso();
      const values = { unit_id: unitId, org_id: org?.id ?? null, title: disputeTitle(v.type, '（导入）'), type: v.type, received_date: v.receivedDate, channel: v.channel, lawyer_involved: v.lawyerInvolved ? 1 : 0, status, outcome, closed_date: v.closedDate ?? null, revisit_date: v.revisitDate ?? null, updated_at: now, updated_by: actor.id };
      const existing = await tx.selectFrom('disputes').select(['id', 'version']).where('ref', '=', v.ref).executeTakeFirst();
      let id: string;
      if (existing) {
        id = existing.id;
        await tx.updateTable('disputes').set({ ...values, version: existing.version + 1 }).where('id', '=', id).execute();
        updated++;
      } else {
        id = newId();
        await tx.insertInto('disputes').values({ id, ref: v.ref, ...values, parties: '（导入）', summary: '（导入）', linked_dispute_id: null, mediators: '（导入）', agreement: null, revisit_result: null, version: 1, created_at: now, created_by: actor.id }).execute();
        created++;
      }
      await addTimeline(tx, actor, { recordType: DISPUTE_RECORD_TYPE, recordId: id, action: 'import', label: existing ? '批量导入更新' : '批量导入', toStatus: status });
    }
    return { created, updated, errors };
  },
};
