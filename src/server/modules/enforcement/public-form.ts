// The online complaint about enforcement (投诉举报): the complainant's own fields of the complaint
// definition, made to a unit that has an enforcement body, landing in its intake through
// createComplaint with the reply clock running from today.
import type { PublicFormDef } from '../../kernel/public/types.ts';
import { COMPLAINT, COMPLAINT_WORKFLOW } from '../../../shared/schemas/enforcement.ts';
import type { RecordInput } from '../../../shared/records.ts';
import { createComplaint } from './complaints.ts';

export const complaintForm: PublicFormDef = {
  key: 'enforcement-complaint',
  title: '行政执法投诉举报',
  record: COMPLAINT,
  workflow: COMPLAINT_WORKFLOW,
  fields: [
    { name: 'kind', required: true, hint: '对执法行为本身不服的为投诉；反映执法人员违法违纪或不作为的为举报' },
    { name: 'complainantName', hint: '可使用真实姓名；本机关对投诉举报人信息依法保密' },
    { name: 'complainantIdNumber' },
    { name: 'complainantPhone', required: true, hint: '用于核实情况和告知处理结果' },
    { name: 'content', hint: '写明执法单位、时间、地点、执法人员（可填执法证号）和具体行为' },
  ],
  unit: {
    field: 'unitId',
    hint: '选择被投诉举报的执法单位；不清楚的，可选择县司法局（行政执法监督机构）',
    choices: (db) =>
      db
        .selectFrom('org_units as u')
        .select(['u.id', 'u.name'])
        .where('u.active', '=', 1)
        .where((eb) => eb.exists(eb.selectFrom('enforcement_bodies as b').select('b.id').whereRef('b.unit_id', '=', 'u.id')))
        .orderBy('u.sort_order')
        .orderBy('u.code')
        .execute(),
  },
  create: (tx, platform, actor, scope, input) => createComplaint(tx, platform, actor, scope, { ...(input as unknown as RecordInput<typeof COMPLAINT>), channel: 'online' }),
  managePermission: 'enforcement.complaint',
  clocks: { reply: '答复期限' },
  dates: [{ column: 'reply_date', label: '答复' }],
  periods: [{ action: '核查处理并答复', rule: 'enforcement.complaint_reply' }],
  attachments: { label: '证据材料', max: 3, hint: '可附现场照片、执法文书等' },
};
