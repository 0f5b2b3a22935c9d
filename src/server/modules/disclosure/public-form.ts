// The online disclosure request (政府信息公开条例 arts. 27–33): the applicant's own fields of the
// request definition, made to any organ of the county, landing in its intake through createRequest
// with the 20-working-day reply clock running from today.
import type { PublicFormDef } from '../../kernel/public/types.ts';
import { DISCLOSURE_REQUEST, DISCLOSURE_WORKFLOW } from '../../../shared/schemas/disclosure.ts';
import type { RecordInput } from '../../../shared/records.ts';
import { createRequest } from './disclosure.ts';

export const disclosureRequestForm: PublicFormDef = {
  key: 'disclosure-request',
  title: '政府信息公开申请',
  record: DISCLOSURE_REQUEST,
  workflow: DISCLOSURE_WORKFLOW,
  fields: [
    { name: 'applicantType', required: true },
    { name: 'applicantName', hint: '自然人填写姓名；法人或者其他组织填写全称' },
    { name: 'applicantIdNumber', required: true, hint: '法人或者其他组织申请的，填写法定代表人或者主要负责人的身份证号码' },
    { name: 'applicantPhone', required: true, hint: '用于联系您、告知补正和答复' },
    { name: 'content', hint: '写明所需政府信息的名称、文号，或者便于行政机关查询的其他特征性描述' },
    { name: 'delivery', required: true },
    { name: 'contactAddress', hint: '选择邮寄的，填写通信地址；选择电子邮件的，填写电子邮箱' },
  ],
  unit: {
    field: 'unitId',
    hint: '向制作或者保存该政府信息的行政机关提出申请',
    choices: (db) => db.selectFrom('org_units').select(['id', 'name']).where('kind', 'in', ['county', 'department', 'town']).where('active', '=', 1).orderBy('sort_order').orderBy('code').execute(),
  },
  create: (tx, platform, actor, scope, input) => createRequest(tx, platform, actor, scope, { ...(input as unknown as RecordInput<typeof DISCLOSURE_REQUEST>), channel: 'online' }),
  managePermission: 'foi.manage',
  supplement: { request: 'request_supplement', state: 'supplementing', answer: 'supplement_received' },
  clocks: { reply: '答复期限' },
  dates: [{ column: 'reply_date', label: '答复' }],
  periods: [{ action: '作出答复（需要延长的，经批准可延长不超过20个工作日；补正的，自收到补正后的申请之日起重新计算）', rule: 'foi.reply' }],
  attachments: { label: '身份证明等材料', max: 3, hint: '可附身份证件照片；法人或者其他组织可附营业执照等' },
};
