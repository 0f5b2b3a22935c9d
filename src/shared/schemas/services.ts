// Government services — 政务服务 / 好差评 (domain.md §2.11; 国办发〔2019〕51号): the service item list
// (事项清单) with a version per listing period, case volumes (办件) by item and month, and ratings
// (好差评) whose 差评 runs a follow-up: 回访, rectification within `services.bad_rating_fix`,
// verified closure by the law office, or 申诉 decided by the law office.
import { z, text } from '../zod.ts';
import { createInput, defineRecord, f, listQuery, viewSchema, writes, type DueView, type RecordView, type StatusView } from '../records.ts';
import { stateLabels, statusFilter, workflowOf } from '../workflow.ts';
import { OFFICE_AND_UNIT, UNIT_STAFF } from '../roles.ts';

export const SERVICE_ITEM_RECORD_TYPE = 'service_item';
export const SERVICE_CASE_RECORD_TYPE = 'service_case';
export const SERVICE_RATING_RECORD_TYPE = 'service_rating';

export const SERVICE_ITEM_KINDS = {
  licence: '行政许可',
  payment: '行政给付',
  confirmation: '行政确认',
  ruling: '行政裁决',
  reward: '行政奖励',
  other_power: '其他行政权力',
  public_service: '公共服务',
} as const;
export type ServiceItemKind = keyof typeof SERVICE_ITEM_KINDS;

export const RATING_LEVELS = { very_satisfied: '非常满意', satisfied: '满意', basically: '基本满意', unsatisfied: '不满意', very_unsatisfied: '非常不满意' } as const;
export type RatingLevel = keyof typeof RATING_LEVELS;
/** 差评: the last two levels. */
export const BAD_LEVELS: readonly RatingLevel[] = ['unsatisfied', 'very_unsatisfied'];
/** 好评 as the good-rating rate counts it: the first two levels. */
export const GOOD_LEVELS: readonly RatingLevel[] = ['very_satisfied', 'satisfied'];
export const isBadLevel = (level: string) => (BAD_LEVELS as readonly string[]).includes(level);

export const RATING_CHANNELS = { portal: '门户网站', window: '窗口评价器', import: '省平台导入', staff: '人工登记' } as const;

const UNIT_ROLES = ['law_office', 'unit_liaison', 'unit_head'] as const;

/** 政务服务事项: one listing period of an item (a change to the list closes one version and opens the next). */
export const SERVICE_ITEM = defineRecord({
  type: SERVICE_ITEM_RECORD_TYPE,
  title: '政务服务事项',
  table: 'service_items',
  fields: {
    unitId: f.unit('实施单位', { required: true, list: true, filter: true, example: 'SFX-D05' }),
    code: f.text('事项编码', { max: 64, required: true, list: true, sort: true, search: true, example: '000105001000' }),
    name: f.text('事项名称', { max: 200, required: true, list: true, sort: true, search: true, detail: false, example: '食品经营许可' }),
    kind: f.enum('事项类型', SERVICE_ITEM_KINDS, { required: true, list: true, filter: true, sort: true, example: '行政许可' }),
    statutoryDays: f.integer('法定时限（工作日）', { list: true, sort: true, note: '工作日；无法定时限的留空', example: '20' }),
    promisedDays: f.integer('承诺时限（工作日）', { list: true, sort: true, note: '工作日，不得超过法定时限；即办件填 0', example: '5' }),
    maxOneVisit: f.boolean('最多跑一次', { list: true, filter: true, example: '是' }),
    online: f.boolean('网上可办', { list: true, filter: true, example: '是' }),
    zeroVisit: f.boolean('零跑腿', { filter: true, example: '否' }),
    immediate: f.boolean('即办', { filter: true, example: '否' }),
    notifyCommit: f.boolean('告知承诺', { filter: true, example: '否' }),
    listedFrom: f.date('列入清单日期', { required: true, sort: true, note: '本版本自该日起在册', example: '2024-01-01' }),
    listedUntil: f.date('移出清单日期', { notBefore: ['listedFrom'], sort: true, note: '自该日起不再在册（清单调整时新版本自该日起列入）；在册的留空', example: '' }),
  },
});

export const SERVICE_ITEM_WORKFLOW = workflowOf(SERVICE_ITEM, {
  titleColumn: 'name',
  readPermission: 'services.read',
  linkPrefix: '/service-items/',
  states: {
    listed: { label: '在册', tone: 'success' },
    delisted: { label: '已移出清单', tone: 'default', final: true },
  },
  transitions: [
    { key: 'delist', label: '移出清单', from: ['listed'], to: 'delisted', roles: OFFICE_AND_UNIT, dateColumn: 'listed_until', noteRequired: true, danger: true, secondary: true },
  ],
});

/** 办件量: an item's cases in one month, from the provincial platform's export. */
export const SERVICE_CASE = defineRecord({
  type: SERVICE_CASE_RECORD_TYPE,
  title: '办件量',
  table: 'service_cases',
  fields: {
    itemId: f.record('事项', { required: true, list: true, display: 'itemName', example: 'SX-000105001000' }),
    month: f.text('月份', { max: 7, required: true, list: true, sort: true, note: 'YYYY-MM，不能晚于本月', example: '2025-03' }),
    count: f.integer('办件量', { required: true, list: true, sort: true, note: '非负整数', example: '128' }),
  },
});

/** 好差评: a rating of an item on a date; a 差评 carries its follow-up (回访、整改、核验、申诉). */
export const SERVICE_RATING = defineRecord({
  type: SERVICE_RATING_RECORD_TYPE,
  title: '好差评',
  table: 'service_ratings',
  fields: {
    itemId: f.record('评价事项', { required: true, list: true, display: 'itemName', example: 'SX-000105001000' }),
    /** The item's unit (the unit that handled the case), set from the item. */
    unitId: f.unit('实施单位', { input: false, importName: false, list: true, filter: true }),
    receivedDate: f.date('评价日期', { basis: '政务服务“好差评”制度（国办发〔2019〕51号）及省级实施办法：差评自评价之日起15个工作日内整改并回访', column: 'date', importName: 'date', required: true, notAfterToday: true, list: true, filter: true, sort: true, note: '事项在该日应在清单内', example: '2025-04-08' }),
    level: f.enum('评价等级', RATING_LEVELS, { required: true, list: true, filter: true, sort: true, example: '不满意' }),
    named: f.boolean('实名评价', { list: true, filter: true, note: '实名差评须回访', example: '是' }),
    channel: f.enum('评价渠道', RATING_CHANNELS, { importName: false, list: true, filter: true }),
    /** The case rated (办件编号 on the receipt): a 差评 is traced to it. */
    caseNumber: f.text('办件编号', { max: 64, importName: false, search: true, note: '办件回执上的编号，差评据此追溯到办件' }),
    comment: f.longText('评价内容', { max: 500, importName: false, export: false }),
    raterName: f.text('评价人', { max: 50, importName: false }),
    raterPhone: f.phone('联系电话', { importName: false }),
    revisitDate: f.date('回访日期', { input: false, importName: false, notBefore: ['receivedDate'] }),
    revisitResult: f.text('回访情况', { max: 1000, input: false, importName: false }),
    rectification: f.longText('整改情况', { max: 2000, input: false, importName: false, export: false }),
    rectifiedDate: f.date('整改日期', { basis: '政务服务“好差评”制度（国办发〔2019〕51号）及省级实施办法', input: false, notBefore: ['receivedDate'], list: true, sort: true, note: '差评已整改的填写，不早于评价日期', example: '2025-04-20' }),
    closedDate: f.date('办结日期', { input: false, importName: false, notBefore: ['receivedDate'] }),
    appealReason: f.text('申诉理由', { max: 1000, input: false, importName: false }),
    appealDecision: f.text('申诉审核意见', { max: 1000, input: false, importName: false }),
  },
});

/** The follow-up of a 差评; a good rating is recorded and done. */
export const SERVICE_RATING_WORKFLOW = workflowOf(SERVICE_RATING, {
  readPermission: 'services.read',
  linkPrefix: '/service-ratings/',
  states: {
    recorded: { label: '已评价', tone: 'success', final: true },
    pending: { label: '待回访整改', tone: 'warning' },
    rectifying: { label: '整改中', tone: 'processing' },
    submitted: { label: '整改待核验', tone: 'processing' },
    appealing: { label: '申诉审核中', tone: 'warning' },
    closed: { label: '已整改办结', tone: 'success', final: true },
    voided: { label: '申诉成立', tone: 'default', final: true },
  },
  transitions: [
    { key: 'revisit', label: '回访', from: ['pending', 'rectifying'], to: 'rectifying', roles: UNIT_ROLES, ...writes({ revisitResult: text('回访情况', 1000) }), dateColumn: 'revisit_date' },
    {
      key: 'rectify',
      label: '提交整改情况',
      from: ['pending', 'rectifying'],
      to: 'submitted',
      roles: UNIT_ROLES,
      // 实名差评: the unit calls the rater back before it reports its rectification.
      check: (r) => (r.named === 1 && !r.revisit_date ? '实名差评须先回访评价人' : null),
      ...writes({ rectification: text('整改情况', 2000) }),
      dateColumn: 'rectified_date',
    },
    { key: 'verify', label: '核验办结', from: ['submitted'], to: 'closed', roles: ['law_office'], dateColumn: 'closed_date', effects: [{ stop: 'fix', reason: '整改已核验办结' }] },
    { key: 'return', label: '退回整改', from: ['submitted'], to: 'rectifying', roles: ['law_office'], noteRequired: true, danger: true },
    { key: 'appeal', label: '申诉（恶意差评）', from: ['pending', 'rectifying'], to: 'appealing', roles: UNIT_STAFF, ...writes({ appealReason: text('申诉理由', 1000) }), dateColumn: 'appeal_date', effects: [{ pause: 'fix', reason: '申诉审核中' }], secondary: true },
    { key: 'uphold_appeal', label: '申诉成立', from: ['appealing'], to: 'voided', roles: ['law_office'], ...writes({ appealDecision: text('审核意见', 1000) }), dateColumn: 'closed_date', effects: [{ stop: 'fix', reason: '申诉成立，差评不计入' }] },
    { key: 'reject_appeal', label: '申诉不成立', from: ['appealing'], to: 'rectifying', roles: ['law_office'], ...writes({ appealDecision: text('审核意见', 1000) }), effects: [{ resume: 'fix' }], danger: true },
  ],
});
export const RATING_STATUSES = stateLabels(SERVICE_RATING_WORKFLOW);

/** 更正 of a version: its fields, not its unit or code. */
export const serviceItemCorrection = createInput(SERVICE_ITEM, { version: z.number({ error: '请提供版本号（version）' }).int() }, ['name', 'kind', 'statutoryDays', 'promisedDays', 'maxOneVisit', 'online', 'zeroVisit', 'immediate', 'notifyCommit', 'listedFrom', 'listedUntil']);
export type ServiceItemCorrection = z.infer<typeof serviceItemCorrection>;
/** A new version of an item: its fields from a date on (the current version leaves the list that day). */
export const serviceItemRevision = createInput(SERVICE_ITEM, { version: z.number({ error: '请提供版本号（version）' }).int() }, ['name', 'kind', 'statutoryDays', 'promisedDays', 'maxOneVisit', 'online', 'zeroVisit', 'immediate', 'notifyCommit', 'listedFrom']);
export type ServiceItemRevision = z.infer<typeof serviceItemRevision>;

export const publicServiceQuery = z.strictObject({
  q: z.string().trim().max(50, { error: '关键词（q）不能超过 50 字' }).optional().meta({ title: '关键词' }),
  unit: z.string().trim().max(64).optional().meta({ title: '实施单位编码' }),
  page: z.coerce.number({ error: '页码（page）应为整数' }).int().min(1, { error: '页码（page）应为正整数' }).max(10000).optional().meta({ title: '页码' }),
});

export const serviceItemListQuery = listQuery(SERVICE_ITEM, {
  status: z.enum(['listed', 'delisted'], { error: '状态（status）无效' }).optional().meta({ title: '状态' }),
});
export type ServiceItemListQuery = z.infer<typeof serviceItemListQuery>;

export const serviceRatingListQuery = listQuery(SERVICE_RATING, {
  ...statusFilter(SERVICE_RATING_WORKFLOW),
  /** Only 差评 (their follow-ups). */
  bad: z.enum(['true', 'false'], { error: '差评（bad）应为 true 或 false' }).optional().meta({ title: '只看差评' }),
  itemId: z.string().trim().max(64).optional().meta({ title: '事项' }),
});
export type ServiceRatingListQuery = z.infer<typeof serviceRatingListQuery>;

export const serviceItemView = viewSchema(SERVICE_ITEM, { unitName: z.string(), status: z.string(), statusLabel: z.string(), title: z.string(), previousId: z.string().nullable() });
export const serviceRatingView = viewSchema(SERVICE_RATING, { title: z.string(), itemName: z.string(), unitName: z.string(), status: z.string(), statusLabel: z.string(), bad: z.boolean(), due: z.string().nullable(), light: z.enum(['green', 'yellow', 'red']).nullable() });
export const serviceCaseView = viewSchema(SERVICE_CASE, { itemName: z.string(), unitId: z.string() });

export type ServiceItemView = RecordView<typeof SERVICE_ITEM.fields> & StatusView & { title: string; unitName: string; previousId: string | null };
export type ServiceCaseView = RecordView<typeof SERVICE_CASE.fields> & { itemName: string; unitId: string };
export type ServiceRatingView = RecordView<typeof SERVICE_RATING.fields> & StatusView & DueView & { title: string; itemName: string; unitName: string; bad: boolean };

/** An item's page: the version, the item's other versions, and its cases and ratings by year. */
export interface ServiceItemDetail extends ServiceItemView {
  versions: { id: string; listedFrom: string; listedUntil: string | null; name: string; statutoryDays: number | null; promisedDays: number | null; current: boolean }[];
  cases: { month: string; count: number }[];
  ratings: { level: RatingLevel; count: number }[];
}

/** What the portal shows of the list: items in the list today, searchable, by unit. */
export interface PublicServiceItem {
  id: string;
  code: string;
  name: string;
  kind: string;
  unitName: string;
  statutoryDays: number | null;
  promisedDays: number | null;
  flags: string[];
}
export interface PublicServiceList {
  items: PublicServiceItem[];
  total: number;
  page: number;
  pageSize: number;
  units: { code: string; name: string }[];
}
