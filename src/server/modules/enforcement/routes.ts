import type { FastifyInstance } from 'fastify';
import { paramsWithId, route } from '../../kernel/http/route.ts';
import { fieldError } from '../../kernel/http/errors.ts';
import type { Platform } from '../../kernel/platform.ts';
import type { Tx } from '../../kernel/db/index.ts';
import { changeRoute, inTransaction, ledgerRoutes, recordRoutes, unmaskRoute, updateRoute } from '../../kernel/records/routes.ts';
import { exportColumns } from '../../kernel/exports/from-record.ts';
import { z } from '../../../shared/zod.ts';
import { pageOf } from '../../../shared/records.ts';
import {
  COMPLAINT,
  complaintAssignInput,
  complaintListQuery,
  type ComplaintView,
  TRANSFER,
  TRANSFER_RESULTS,
  transferListQuery,
  transferResultInput,
  type TransferView,
  CERTIFICATE_STATES,
  ENFORCEMENT_BODY,
  ENFORCEMENT_CASE,
  SUPERVISION,
  evaluationInput,
  supervisionListQuery,
  FILE_REVIEW,
  REVIEW_CAMPAIGN,
  campaignInput,
  campaignListQuery,
  fileReviewListQuery,
  sampleInput,
  scoreInput,
  type FileReviewView,
  caseInput,
  caseListQuery,
  caseRecordInput,
  type CaseView,
  ENFORCEMENT_LISTS,
  LIST_ITEM,
  OFFICER,
  bodyListQuery,
  bodyUpdate,
  bodyView,
  certificateActionInput,
  listItemQuery,
  listItemRepeal,
  listItemUpdate,
  listItemView,
  officerListQuery,
  officerUpdate,
  settingsInput,
  trainingInput,
  type BodyView,
  type ListItemView,
  type OfficerView,
  ENFORCEMENT_POWER,
} from '../../../shared/schemas/enforcement.ts';
import { addPower, bodyChoices, createBody, getBody, listBodies, removePower, updateBody } from './bodies.ts';
import { publicBodies, publicBody, publicDecisions } from './public.ts';
import { createCampaign, getCampaign, getFileReview, listCampaigns, listFileReviews, sampleFiles, scoreFile } from './file-reviews.ts';
import { assignComplaint, createComplaint, getComplaint, listComplaints, unmaskComplainant } from './complaints.ts';
import { createTransfer, getTransfer, listTransfers, recordTransferResult } from './transfers.ts';
import { createSupervision, evaluateSupervision, getSupervision, listSupervisions } from './supervisions.ts';
import { addCaseRecord, createCase, getCase, listCases, unmaskParty } from './cases.ts';
import { createListItem, getListItem, listItems, repealListItem, updateListItem } from './lists.ts';
import { addTraining, certificateAction, createOfficer, getOfficer, enforcementSettings, listOfficers, unmaskOfficer, updateOfficer } from './officers.ts';

const publicDecisionQuery = z.strictObject({
  bodyId: z.string().trim().max(64).optional().meta({ title: '执法主体' }),
  page: z.coerce.number().int().min(1).max(10000).default(1).meta({ title: '页码' }),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).meta({ title: '每页条数' }),
});
const powerParams = z.object({ id: z.string().min(1).max(64), powerId: z.string().min(1).max(64) });

export async function enforcementRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const tags = ['行政执法'];
  const register = { permission: 'enforcement.register', tags };
  const inTx = <T>(work: (tx: Tx) => Promise<T>) => platform.db.transaction().execute(work);

  // 执法主体 and their powers.
  const readBody = recordRoutes(api, platform, ENFORCEMENT_BODY, {
    url: '/enforcement-bodies', tags, permissions: { create: 'enforcement.register', read: 'enforcement.read' }, sheet: '执法主体',
    summaries: { list: '执法主体', export: '按当前筛选导出执法主体（.xlsx）', create: '登记执法主体（法定、授权、委托）', read: '执法主体详情（权责清单、赋权事项）' },
    columns: exportColumns<BodyView>(ENFORCEMENT_BODY, [
      { header: '在岗执法人员', width: 12, value: (b) => b.officers },
      { header: '职权事项', width: 10, value: (b) => b.powers },
      { header: '其中赋权事项', width: 12, value: (b) => b.delegatedPowers },
    ]),
    query: bodyListQuery, body: ENFORCEMENT_BODY.create, responses: { list: pageOf(bodyView) }, records: { list: listBodies, create: createBody, get: getBody },
  });
  updateRoute(api, platform, { url: '/enforcement-bodies', summary: '更正执法主体', body: bodyUpdate, ...register }, updateBody, readBody);
  changeRoute(api, { method: 'POST', url: '/enforcement-bodies/:id/powers', summary: '添加权责清单事项（赋权事项须填写赋权机关与日期）', body: ENFORCEMENT_POWER.create, ...register }, inTransaction(platform, addPower), readBody);
  route(api, {
    method: 'DELETE',
    url: '/enforcement-bodies/:id/powers/:powerId',
    summary: '删除权责清单事项',
    params: powerParams,
    ...register,
    handler: async ({ ctx, params }) => {
      await inTx((tx) => removePower(tx, platform, ctx, ctx.scope, params.id, params.powerId));
      return getBody(platform, ctx.scope, params.id);
    },
  });
  route(api, { method: 'GET', url: '/enforcement-body-choices', permission: 'enforcement.read', summary: '可选的执法主体（本单位及下级）', tags, handler: async ({ ctx }) => ({ items: await bodyChoices(platform, ctx.scope) }) });

  // 执法人员 / 监督人员.
  const readOfficer = recordRoutes(api, platform, OFFICER, {
    url: '/enforcement-officers', tags, permissions: { create: 'enforcement.register', read: 'enforcement.read' }, sheet: '执法人员',
    summaries: { list: '执法人员与监督人员（执法证到期预警）', export: '按当前筛选导出执法人员台账（.xlsx，身份证号脱敏）', create: '登记执法人员或监督人员（已持证的同时登记执法证）', read: '执法人员详情（执法证记录、培训学时）' },
    columns: exportColumns<OfficerView>(OFFICER, [
      { header: `${OFFICER.fields.idNumber.label}（脱敏）`, width: 22, value: (o) => o.idNumber },
      { header: '执法证', width: 12, value: (o) => CERTIFICATE_STATES[o.certificateState] },
      { header: '在岗状态', width: 8, value: (o) => o.statusLabel },
      { header: '本年培训学时', width: 12, value: (o) => o.trainingHours },
    ]),
    query: officerListQuery, body: OFFICER.create, records: { list: listOfficers, create: createOfficer, get: getOfficer },
  });
  updateRoute(api, platform, { url: '/enforcement-officers', summary: '更正执法人员信息（姓名、岗位、监督人员）', body: officerUpdate, ...register }, updateOfficer, readOfficer);
  changeRoute(api, { method: 'POST', url: '/enforcement-officers/:id/certificate', summary: '执法证发证、换证、暂扣、恢复、收回', body: certificateActionInput, permission: 'enforcement.certify', tags }, inTransaction(platform, certificateAction), readOfficer);
  changeRoute(api, { method: 'POST', url: '/enforcement-officers/:id/trainings', summary: '登记培训学时', body: trainingInput, ...register }, inTransaction(platform, addTraining), readOfficer);
  unmaskRoute(api, { url: '/enforcement-officers', tags, summary: '查看执法人员完整身份证号（记入审计日志）' }, async (ctx, id, field) => {
    if (field === 'phone') throw fieldError('field', '字段', '执法人员不登记手机号码，只能查看身份证号（idNumber）');
    return unmaskOfficer(platform, ctx, id);
  });

  // 四张清单 and the inspection catalog.
  const readItem = recordRoutes(api, platform, LIST_ITEM, {
    url: '/enforcement-list-items', tags, permissions: { create: 'enforcement.register', read: 'enforcement.read' }, sheet: '清单事项',
    summaries: { list: '四张清单与分类检查事项目录', export: '按当前筛选导出清单事项（.xlsx）', create: `登记清单事项（${Object.values(ENFORCEMENT_LISTS).join('、')}）`, read: '清单事项' },
    columns: exportColumns<ListItemView>(LIST_ITEM, [{ header: '现行有效', width: 8, value: (i) => (i.current ? '是' : '否') }]),
    query: listItemQuery, body: LIST_ITEM.create, responses: { list: pageOf(listItemView), record: listItemView }, records: { list: listItems, create: createListItem, get: getListItem },
  });
  updateRoute(api, platform, { url: '/enforcement-list-items', summary: '更正清单事项', body: listItemUpdate, response: listItemView, ...register }, updateListItem, readItem);
  changeRoute(api, { method: 'POST', url: '/enforcement-list-items/:id/repeal', summary: '废止清单事项', body: listItemRepeal, response: listItemView, ...register }, (ctx, id, body) => inTx((tx) => repealListItem(tx, platform, ctx, ctx.scope, id, body.version, body.date)), readItem);

  // 行政执法案件: intake, the full-process records; review, decision, disclosure through the workflow.
  const readCase = recordRoutes(api, platform, ENFORCEMENT_CASE, {
    url: '/enforcement-cases', tags, permissions: { create: 'enforcement.case', read: 'enforcement.read' }, sheet: '执法案件',
    summaries: { list: '行政执法案件（办案、公示期限）', export: '按当前筛选导出执法案件台账（.xlsx）', create: '立案（至少两名持有效执法证的执法人员）', read: '执法案件详情（执法人员、全过程记录）' },
    columns: exportColumns<CaseView>(ENFORCEMENT_CASE, [
      { header: '执法人员', width: 20, value: (c) => c.officerNames },
      { header: '状态', width: 12, value: (c) => c.statusLabel },
      { header: '期限', width: 12, value: (c) => c.due },
    ]),
    query: caseListQuery, body: caseInput, records: { list: listCases, create: createCase, get: getCase },
  });
  changeRoute(api, { method: 'POST', url: '/enforcement-cases/:id/records', summary: '登记全过程记录（文书、照片、录音、录像，按办案阶段）', body: caseRecordInput, permission: 'enforcement.case', tags }, inTransaction(platform, addCaseRecord), readCase);
  unmaskRoute(api, { url: '/enforcement-cases', tags, summary: '查看当事人完整身份证号（记入审计日志）' }, async (ctx, id, field) => {
    if (field === 'phone') throw fieldError('field', '字段', '执法案件不登记手机号码，只能查看身份证号（idNumber）');
    return unmaskParty(platform, ctx, id);
  });

  // 案卷评查: the justice bureau's campaigns; each body reads its own files' results.
  const supervise = { permission: 'enforcement.supervise', tags };
  const readCampaign = recordRoutes(api, platform, REVIEW_CAMPAIGN, {
    url: '/file-review-campaigns', tags, permissions: { create: 'enforcement.supervise', read: 'enforcement.supervise' }, sheet: '案卷评查',
    summaries: { list: '案卷评查活动', export: '按当前筛选导出案卷评查活动（.xlsx）', create: '开展案卷评查（评分表、合格分数线）', read: '案卷评查活动（按执法主体的评查结果）' },
    query: campaignListQuery, body: campaignInput, records: { list: listCampaigns, create: createCampaign, get: getCampaign },
  });
  changeRoute(api, { method: 'POST', url: '/file-review-campaigns/:id/sample', summary: '按执法主体、案件类别、决定年度随机抽取案卷', body: sampleInput, ...supervise }, inTransaction(platform, sampleFiles), readCampaign);
  ledgerRoutes<z.infer<typeof fileReviewListQuery>, FileReviewView>(api, platform, {
    url: '/file-reviews', tags, permission: 'enforcement.read', sheet: '评查案卷', targetType: FILE_REVIEW.type,
    summaries: { list: '评查案卷（本单位及下级的评查结果）', export: '按当前筛选导出评查案卷（.xlsx）' },
    columns: exportColumns<FileReviewView>(FILE_REVIEW, [{ header: '执法主体', width: 24, value: (f) => f.bodyName }]),
    list: (ctx, query) => listFileReviews(platform, ctx.scope, query),
    query: fileReviewListQuery,
  });
  route(api, { method: 'GET', url: '/file-reviews/:id', permission: 'enforcement.read', summary: '评查案卷', tags, params: paramsWithId, handler: async ({ ctx, params }) => getFileReview(platform, ctx.scope, params.id) });
  changeRoute(api, { method: 'PUT', url: '/file-reviews/:id/score', summary: '案卷评分（不合格的进入问题池）', body: scoreInput, ...supervise }, inTransaction(platform, scoreFile), (ctx, id) => getFileReview(platform, ctx.scope, id));

  // 行政执法监督: the bureau's supervision actions; the body reads its own and reports its correction (workflow).
  const readSupervision = recordRoutes(api, platform, SUPERVISION, {
    url: '/enforcement-supervisions', tags, permissions: { create: 'enforcement.supervise', read: 'enforcement.read' }, sheet: '执法监督',
    summaries: { list: '行政执法监督（日常、重点、专项监督，监督意见书整改期限）', export: '按当前筛选导出执法监督台账（.xlsx）', create: '开展执法监督', read: '执法监督详情' },
    query: supervisionListQuery, body: SUPERVISION.create, records: { list: listSupervisions, create: createSupervision, get: getSupervision },
  });
  changeRoute(api, { method: 'POST', url: '/enforcement-supervisions/:id/evaluation', summary: '登记执法评议结果（优秀、良好、合格、不合格）', body: evaluationInput, ...supervise }, inTransaction(platform, evaluateSupervision), readSupervision);

  // 投诉举报: registered by the bureau or the body's unit (or submitted on the portal), 交办 to the body's unit, answered through the workflow.
  const readComplaint = recordRoutes(api, platform, COMPLAINT, {
    url: '/enforcement-complaints', tags, permissions: { create: 'enforcement.complaint', read: 'enforcement.read' }, sheet: '投诉举报',
    summaries: { list: '行政执法投诉举报（答复期限红黄牌）', export: '按当前筛选导出投诉举报台账（.xlsx，个人信息不导出）', create: '登记投诉举报（填写被投诉执法主体的，由其所属单位承办）', read: '投诉举报详情' },
    columns: exportColumns<ComplaintView>(COMPLAINT, [
      { header: '状态', width: 10, value: (c) => c.statusLabel },
      { header: '答复期限', width: 12, value: (c) => c.due },
      { header: '按期答复', width: 8, value: (c) => (c.onTime === null ? null : c.onTime ? '是' : '否') },
    ]),
    query: complaintListQuery, body: COMPLAINT.create, records: { list: listComplaints, create: createComplaint, get: getComplaint },
  });
  changeRoute(api, { method: 'POST', url: '/enforcement-complaints/:id/assign', summary: '交办投诉举报（交被投诉执法主体所属单位办理，答复期限不重新计算）', body: complaintAssignInput, permission: 'enforcement.complaint', tags }, (ctx, id, body) => inTx((tx) => assignComplaint(tx, platform, ctx, ctx.scope, id, body.version, body.bodyId)), readComplaint);
  unmaskRoute(api, { url: '/enforcement-complaints', tags, summary: '查看投诉举报人完整身份证号或联系电话（记入审计日志）' }, (ctx, id, field) => unmaskComplainant(platform, ctx, id, field));

  // 两法衔接: cases transferred to the public-security organs, and the organs' results.
  const readTransfer = recordRoutes(api, platform, TRANSFER, {
    url: '/enforcement-transfers', tags, permissions: { create: 'enforcement.case', read: 'enforcement.read' }, sheet: '移送案件',
    summaries: { list: '移送涉嫌犯罪案件（两法衔接）', export: '按当前筛选导出移送案件台账（.xlsx）', create: '移送公安机关（移送日期不早于立案日期）', read: '移送案件详情' },
    columns: exportColumns<TransferView>(TRANSFER, [{ header: '执法主体', width: 24, value: (t) => t.bodyName }]),
    query: transferListQuery, body: TRANSFER.create, records: { list: listTransfers, create: createTransfer, get: getTransfer },
  });
  changeRoute(api, { method: 'POST', url: '/enforcement-transfers/:id/result', summary: `登记公安机关的决定（${Object.values(TRANSFER_RESULTS).slice(1).join('、')}）`, body: transferResultInput, permission: 'enforcement.case', tags }, inTransaction(platform, recordTransferResult), readTransfer);

  // 行政执法公示 on the portal: no login.
  route(api, { method: 'GET', url: '/public/enforcement-decisions', permission: 'public', summary: '行政执法决定公示（已公示、未撤回的决定；自然人当事人姓名脱敏）', tags: ['公开'], query: publicDecisionQuery, handler: async ({ query }) => publicDecisions(platform, query) });
  route(api, { method: 'GET', url: '/public/enforcement-bodies', permission: 'public', summary: '行政执法主体公示（主体类型、职权、清单事项、持证执法人员数）', tags: ['公开'], handler: async () => publicBodies(platform) });
  route(api, { method: 'GET', url: '/public/enforcement-bodies/:id', permission: 'public', summary: '执法主体公示：权责清单、赋权事项、四张清单与分类检查事项目录、持证执法人员', tags: ['公开'], params: paramsWithId, handler: async ({ params }) => publicBody(platform, params.id) });

  enforcementSettings.routes(api, platform, { url: '/enforcement-settings', tags, permissions: { read: 'enforcement.read', update: 'enforcement.settings' }, summaries: { read: '行政执法设置（年度培训最低学时）', update: '修改行政执法设置' }, body: settingsInput });
}
