// Information disclosure requests — 依申请公开 (domain.md §2.12; 政府信息公开条例 2019). Public codes
// keep their first name: API /foi-requests, import type foi_requests, permissions and figures foi.*,
// record type foi_request.
import { z, labelledEnum, version } from '../zod.ts';
import { defineRecord, f, listQuery, writes, type DueView, type RecordView, type StatusView } from '../records.ts';
import { stateLabels, statusFilter, stops, workflowOf } from '../workflow.ts';
import { OFFICE_AND_UNIT } from '../roles.ts';
import type { ClockView } from './calendar.ts';

export const DISCLOSURE_RECORD_TYPE = 'foi_request';
export * from './disclosure-codes.ts';
import { APPLICANT_TYPES, DISCLOSURE_CHANNELS, OUTCOME_REASONS, OUTCOME_REASON_LABELS, REASONS_BY_REPLY, REPLY_TYPES } from './disclosure-codes.ts';

/** 获取信息的方式 (条例 art. 29: 申请公开的政府信息的形式要求，包括获取信息的方式、途径). */
export const DELIVERY_METHODS = { mail: '邮寄纸质文书', email: '电子邮件', pickup: '当面领取', online: '网上下载（凭查询码）' } as const;

/** 公开申请: what is received; the reply (date and type) comes through the workflow, the deadline from the reply clock. */
export const DISCLOSURE_REQUEST = defineRecord({
  type: DISCLOSURE_RECORD_TYPE,
  title: '公开申请',
  table: 'foi_requests',
  fields: {
    receivedDate: f.date('收到日期', { basis: '《中华人民共和国政府信息公开条例》（2019年修订）第三十三条：收到申请之日起20个工作日内答复，经负责人同意可延长不超过20个工作日', required: true, notAfterToday: true, list: true, filter: true, sort: true, note: '答复期限自此计算，登记后不能直接修改', example: '2025-09-28' }),
    unitId: f.unit('受理机关', { required: true, list: true, filter: true, example: 'SFX-D09' }),
    caseNumber: f.text('答复书文号', { max: 64, input: false, importName: false, list: true, sort: true, search: true, note: '答复时按编号规则自动编号' }),
    applicantName: f.text('申请人', { max: 100, required: true, sort: true, search: true, importName: 'applicant', example: '张某' }),
    applicantType: f.enum('申请人类型', APPLICANT_TYPES, { filter: true, note: '政府信息公开工作年度报告表三按此分列', example: '自然人' }),
    applicantIdNumber: f.idNumber('身份证号码', { column: 'applicant_id_enc', importName: false }),
    applicantPhone: f.phone('联系电话', { importName: false }),
    content: f.longText('申请内容', { max: 2000, required: true, search: true, example: '某地块征收补偿方案' }),
    channel: f.enum('申请方式', DISCLOSURE_CHANNELS, { required: true, filter: true, sort: true, importName: false }),
    delivery: f.enum('获取信息的方式', DELIVERY_METHODS, { importName: false }),
    contactAddress: f.text('通信地址或电子邮箱', { max: 200, importName: false, export: false }),
    replyDate: f.date('答复日期', { basis: '《中华人民共和国政府信息公开条例》（2019年修订）第三十三条', input: false, notBefore: ['receivedDate'], list: true, sort: true, note: '不早于收到日期', example: '2025-10-30' }),
    replyType: f.enum('答复类型', REPLY_TYPES, { input: false, list: true, filter: true, sort: true, example: '予以公开' }),
    // On the request's page only once charged (most requests are free).
    processingFee: f.money('信息处理费', { input: false, detail: false, column: 'processing_fee_fen', importName: false, note: '发出收费通知时填写' }),
    feeNoticeDate: f.date('收费通知日期', { input: false, detail: false, importName: false, notBefore: ['receivedDate'] }),
    feePaidDate: f.date('缴费日期', { input: false, detail: false, importName: false, notBefore: ['feeNoticeDate'] }),
    outcomeReason: f.enum('办理结果', OUTCOME_REASON_LABELS, { input: false, filter: true, note: '按政府信息公开工作年度报告表三的情形；已答复或不再处理的申请必填（撤回的申请计入“其他处理·其他”）', example: '予以公开' }),
  },
});

export const DISCLOSURE_WORKFLOW = workflowOf(DISCLOSURE_REQUEST, {
  title: '政府信息公开申请',
  readPermission: 'foi.read',
  linkPrefix: '/foi/',
  states: {
    received: { label: '办理中', tone: 'processing' },
    supplementing: { label: '补正中', tone: 'warning' },
    consulting: { label: '征求第三方意见', tone: 'warning' },
    replied: { label: '已答复', tone: 'success', final: true },
    // 信息处理费管理办法: the time the applicant takes to pay does not count against the reply.
    charging: { label: '待缴纳信息处理费', tone: 'warning' },
    // 条例 art. 30 and 42: the applicant did not supplement, or did not pay the charge, in time.
    closed: { label: '不再处理', tone: 'default', final: true },
    withdrawn: { label: '申请人撤回', tone: 'default', final: true },
  },
  transitions: [
    { key: 'request_supplement', label: '一次性告知补正', from: ['received'], to: 'supplementing', roles: OFFICE_AND_UNIT, noteRequired: true, effects: [{ pause: 'reply', reason: '告知申请人补正' }] },
    // 条例 art. 33: the 20 working days run afresh from the supplemented application.
    { key: 'supplement_received', label: '收到补正后的申请', from: ['supplementing'], to: 'received', roles: OFFICE_AND_UNIT, effects: [{ restart: 'reply', reason: '收到补正后的申请，答复期限重新计算' }] },
    { key: 'consult', label: '征求第三方意见', from: ['received'], to: 'consulting', roles: OFFICE_AND_UNIT, effects: [{ pause: 'reply', reason: '征求第三方意见（所需时间不计入答复期限）' }, { start: 'third_party', label: '第三方意见期限', rule: 'foi.third_party' }] },
    { key: 'third_party_done', label: '第三方意见已返回', from: ['consulting'], to: 'received', roles: OFFICE_AND_UNIT, effects: [{ stop: 'third_party', reason: '第三方已提出意见或逾期未提出' }, { resume: 'reply' }] },
    {
      key: 'reply',
      label: '作出答复',
      from: ['received'],
      to: 'replied',
      roles: OFFICE_AND_UNIT,
      input: z
        .strictObject({ replyType: labelledEnum(REPLY_TYPES, '答复类型', 'replyType'), outcomeReason: labelledEnum(OUTCOME_REASON_LABELS, '办理结果', 'outcomeReason').optional() })
        .superRefine((v, ctx) => {
          const allowed = REASONS_BY_REPLY[v.replyType];
          if (!v.outcomeReason && allowed.length > 1) ctx.addIssue({ code: 'custom', path: ['outcomeReason'], message: `答复类型为「${REPLY_TYPES[v.replyType]}」时请选择办理结果（年度报告表三的具体情形）` });
          else if (v.outcomeReason && !allowed.includes(v.outcomeReason)) ctx.addIssue({ code: 'custom', path: ['outcomeReason'], message: `办理结果「${OUTCOME_REASON_LABELS[v.outcomeReason]}」与答复类型「${REPLY_TYPES[v.replyType]}」不符` });
        })
        // A reply type with a single outcome (予以公开, 部分公开, 非本机关) records it without asking.
        .overwrite((v) => ({ ...v, outcomeReason: v.outcomeReason ?? REASONS_BY_REPLY[v.replyType][0] })),
      inputColumns: { replyType: 'reply_type', outcomeReason: 'outcome_reason' },
      dateColumn: 'reply_date',
      effects: [{ stop: 'reply', reason: '已答复' }],
    },
    {
      // 条例 art. 42 and the 信息处理费管理办法: a charge for requests beyond a reasonable number or scale.
      key: 'charge_notice',
      label: '发出收费通知（信息处理费）',
      from: ['received'],
      to: 'charging',
      roles: OFFICE_AND_UNIT,
      secondary: true,
      input: z.strictObject({
        processingFee: z.number({ error: '信息处理费（processingFee）应为金额' }).int({ error: '信息处理费（processingFee）应精确到分' }).min(1, { error: '信息处理费（processingFee）应大于 0' }).max(100_000_000, { error: '信息处理费（processingFee）过大' }).meta({ title: '信息处理费（元）', format: 'fen' }),
      }),
      inputColumns: { processingFee: 'processing_fee_fen' },
      dateColumn: 'fee_notice_date',
      effects: [{ pause: 'reply', reason: '发出收费通知（申请人缴费期间不计入答复期限）' }, { start: 'payment', label: '缴纳信息处理费期限', rule: 'foi.payment' }],
    },
    { key: 'fee_paid', label: '申请人已缴费', from: ['charging'], to: 'received', roles: OFFICE_AND_UNIT, dateColumn: 'fee_paid_date', effects: [{ stop: 'payment', reason: '申请人已缴纳信息处理费' }, { resume: 'reply' }] },
    {
      key: 'close',
      label: '不再处理（逾期未补正、未缴费）',
      from: ['received', 'supplementing', 'charging'],
      to: 'closed',
      roles: OFFICE_AND_UNIT,
      noteRequired: true,
      secondary: true,
      ...writes({ outcomeReason: labelledEnum({ other_1: OUTCOME_REASONS.other_1, other_2: OUTCOME_REASONS.other_2 }, '不再处理的原因', 'outcomeReason') }),
      dateColumn: 'reply_date',
      effects: stops('不再处理', 'reply', 'third_party', 'payment'),
    },
    {
      key: 'withdraw',
      label: '申请人撤回',
      from: ['received', 'supplementing', 'consulting', 'charging'],
      to: 'withdrawn',
      roles: OFFICE_AND_UNIT,
      noteRequired: true,
      secondary: true,
      dateColumn: 'reply_date',
      effects: stops('申请人撤回', 'reply', 'third_party', 'payment'),
    },
  ],
});
export const DISCLOSURE_STATUSES = stateLabels(DISCLOSURE_WORKFLOW);

/**
 * 更正年报分类: a request's applicant type and, once it is closed, its 办理结果 — what table 3 of the
 * annual report counts, corrected when its cross-check names the request.
 */
export const disclosureClassificationInput = z.strictObject({
  version,
  applicantType: labelledEnum(APPLICANT_TYPES, '申请人类型', 'applicantType'),
  outcomeReason: labelledEnum(OUTCOME_REASON_LABELS, '办理结果', 'outcomeReason').optional(),
});
export type DisclosureClassificationInput = z.infer<typeof disclosureClassificationInput>;

export const disclosureListQuery = listQuery(DISCLOSURE_REQUEST, {
  ...statusFilter(DISCLOSURE_WORKFLOW),
  overdue: z.enum(['true', 'false'], { error: '仅逾期（overdue）应为 true 或 false' }).optional().meta({ title: '仅逾期' }),
});
export type DisclosureListQuery = z.infer<typeof disclosureListQuery>;

/** Sealed applicant data shows masked (unmasking is its own audited request). */
export type DisclosureRequestView = RecordView<typeof DISCLOSURE_REQUEST.fields> & StatusView & DueView & {
  title: string;
  unitName: string;
  onTime: boolean | null;
  extended: boolean;
};

export type DisclosureRequestDetail = DisclosureRequestView & {
  clocks: ClockView[];
};
