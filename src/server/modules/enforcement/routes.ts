import type { FastifyInstance } from 'fastify';
import { paramsWithId, route } from '../../kernel/http/route.ts';
import type { Platform } from '../../kernel/platform.ts';
import { createAndReadRoutes, ledgerRoutes } from '../../kernel/records/routes.ts';
import { exportColumns } from '../../kernel/exports/from-record.ts';
import { z } from '../../../shared/zod.ts';
import { pageOf } from '../../../shared/records.ts';
import {
  CERTIFICATE_STATES,
  ENFORCEMENT_BODY,
  ENFORCEMENT_LISTS,
  LIST_ITEM,
  OFFICER,
  bodyInput,
  bodyListQuery,
  bodyUpdate,
  bodyView,
  certificateActionInput,
  listItemInput,
  listItemQuery,
  listItemRepeal,
  listItemUpdate,
  listItemView,
  officerInput,
  officerListQuery,
  officerUpdate,
  powerInput,
  settingsInput,
  trainingInput,
  type BodyView,
  type ListItemView,
  type OfficerView,
} from '../../../shared/schemas/enforcement.ts';
import { addPower, bodyChoices, createBody, getBody, listBodies, removePower, updateBody } from './bodies.ts';
import { publicBodies, publicBody } from './public.ts';
import { createListItem, getListItem, listItems, repealListItem, updateListItem } from './lists.ts';
import { addTraining, certificateAction, createOfficer, getOfficer, listOfficers, readSettings, unmaskOfficer, updateOfficer, writeSettings } from './officers.ts';

const powerParams = z.object({ id: z.string().min(1).max(64), powerId: z.string().min(1).max(64) });

export async function enforcementRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const tags = ['行政执法'];

  // 执法主体 and their powers.
  ledgerRoutes(api, platform, {
    url: '/enforcement-bodies',
    tags,
    permission: 'enforcement.read',
    summaries: { list: '执法主体', export: '按当前筛选导出执法主体（.xlsx）' },
    query: bodyListQuery,
    response: pageOf(bodyView),
    sheet: '执法主体',
    targetType: ENFORCEMENT_BODY.type,
    columns: exportColumns<BodyView>(ENFORCEMENT_BODY, [
      { header: '在岗执法人员', width: 12, value: (b) => b.officers },
      { header: '职权事项', width: 10, value: (b) => b.powers },
      { header: '其中赋权事项', width: 12, value: (b) => b.delegatedPowers },
    ]),
    list: (ctx, query) => listBodies(platform, ctx.scope, query),
  });
  createAndReadRoutes(api, platform, {
    url: '/enforcement-bodies',
    tags,
    permissions: { create: 'enforcement.register', read: 'enforcement.read' },
    summaries: { create: '登记执法主体（法定、授权、委托）', read: '执法主体详情（权责清单、赋权事项）' },
    body: bodyInput,
    create: (tx, ctx, body) => createBody(tx, platform, ctx, ctx.scope, body),
    read: (ctx, id) => getBody(platform, ctx.scope, id),
  });
  route(api, {
    method: 'PUT',
    url: '/enforcement-bodies/:id',
    permission: 'enforcement.register',
    summary: '更正执法主体',
    tags,
    params: paramsWithId,
    body: bodyUpdate,
    handler: async ({ ctx, params, body }) => {
      const { version, ...fields } = body;
      await platform.db.transaction().execute((tx) => updateBody(tx, platform, ctx, ctx.scope, params.id, version, fields as any));
      return getBody(platform, ctx.scope, params.id);
    },
  });
  route(api, {
    method: 'POST',
    url: '/enforcement-bodies/:id/powers',
    permission: 'enforcement.register',
    summary: '添加权责清单事项（赋权事项须填写赋权机关与日期）',
    tags,
    params: paramsWithId,
    body: powerInput,
    status: 201,
    handler: async ({ ctx, params, body, reply }) => {
      await platform.db.transaction().execute((tx) => addPower(tx, platform, ctx, ctx.scope, params.id, body));
      reply.code(201);
      return getBody(platform, ctx.scope, params.id);
    },
  });
  route(api, {
    method: 'DELETE',
    url: '/enforcement-bodies/:id/powers/:powerId',
    permission: 'enforcement.register',
    summary: '删除权责清单事项',
    tags,
    params: powerParams,
    handler: async ({ ctx, params }) => {
      await platform.db.transaction().execute((tx) => removePower(tx, platform, ctx, ctx.scope, params.id, params.powerId));
      return getBody(platform, ctx.scope, params.id);
    },
  });
  route(api, { method: 'GET', url: '/enforcement-body-choices', permission: 'enforcement.read', summary: '可选的执法主体（本单位及下级）', tags, handler: async ({ ctx }) => ({ items: await bodyChoices(platform, ctx.scope) }) });

  // 执法人员 / 监督人员.
  ledgerRoutes(api, platform, {
    url: '/enforcement-officers',
    tags,
    permission: 'enforcement.read',
    summaries: { list: '执法人员与监督人员（执法证到期预警）', export: '按当前筛选导出执法人员台账（.xlsx，身份证号脱敏）' },
    query: officerListQuery,
    sheet: '执法人员',
    targetType: OFFICER.type,
    columns: exportColumns<OfficerView>(OFFICER, [
      { header: `${OFFICER.fields.idNumber.label}（脱敏）`, width: 22, value: (o) => o.idNumber },
      { header: '执法证', width: 12, value: (o) => CERTIFICATE_STATES[o.certificateState] },
      { header: '在岗状态', width: 8, value: (o) => o.statusLabel },
      { header: '本年培训学时', width: 12, value: (o) => o.trainingHours },
    ]),
    list: (ctx, query) => listOfficers(platform, ctx.scope, query),
  });
  createAndReadRoutes(api, platform, {
    url: '/enforcement-officers',
    tags,
    permissions: { create: 'enforcement.register', read: 'enforcement.read' },
    summaries: { create: '登记执法人员或监督人员（已持证的同时登记执法证）', read: '执法人员详情（执法证记录、培训学时）' },
    body: officerInput,
    create: (tx, ctx, body) => createOfficer(tx, platform, ctx, ctx.scope, body),
    read: (ctx, id) => getOfficer(platform, ctx.scope, id),
  });
  route(api, {
    method: 'PUT',
    url: '/enforcement-officers/:id',
    permission: 'enforcement.register',
    summary: '更正执法人员信息（姓名、岗位、监督人员）',
    tags,
    params: paramsWithId,
    body: officerUpdate,
    handler: async ({ ctx, params, body }) => {
      const { version, ...fields } = body;
      await platform.db.transaction().execute((tx) => updateOfficer(tx, platform, ctx, ctx.scope, params.id, version, fields));
      return getOfficer(platform, ctx.scope, params.id);
    },
  });
  route(api, {
    method: 'POST',
    url: '/enforcement-officers/:id/certificate',
    permission: 'enforcement.certify',
    summary: '执法证发证、换证、暂扣、恢复、收回',
    tags,
    params: paramsWithId,
    body: certificateActionInput,
    handler: async ({ ctx, params, body }) => {
      await platform.db.transaction().execute((tx) => certificateAction(tx, platform, ctx, ctx.scope, params.id, body));
      return getOfficer(platform, ctx.scope, params.id);
    },
  });
  route(api, {
    method: 'POST',
    url: '/enforcement-officers/:id/trainings',
    permission: 'enforcement.register',
    summary: '登记培训学时',
    tags,
    params: paramsWithId,
    body: trainingInput,
    status: 201,
    handler: async ({ ctx, params, body, reply }) => {
      await platform.db.transaction().execute((tx) => addTraining(tx, platform, ctx, ctx.scope, params.id, body));
      reply.code(201);
      return getOfficer(platform, ctx.scope, params.id);
    },
  });
  route(api, {
    method: 'POST',
    url: '/enforcement-officers/:id/unmask',
    permission: 'pii.unmask',
    summary: '查看执法人员完整身份证号（记入审计日志）',
    tags,
    params: paramsWithId,
    body: z.strictObject({ field: z.literal('idNumber', { error: '字段（field）只能是 idNumber' }).meta({ title: '字段' }) }),
    handler: async ({ ctx, params }) => unmaskOfficer(platform, ctx, params.id),
  });

  // 四张清单 and the inspection catalog.
  ledgerRoutes(api, platform, {
    url: '/enforcement-list-items',
    tags,
    permission: 'enforcement.read',
    summaries: { list: '四张清单与分类检查事项目录', export: '按当前筛选导出清单事项（.xlsx）' },
    query: listItemQuery,
    response: pageOf(listItemView),
    sheet: '清单事项',
    targetType: LIST_ITEM.type,
    columns: exportColumns<ListItemView>(LIST_ITEM, [{ header: '现行有效', width: 8, value: (i) => (i.current ? '是' : '否') }]),
    list: (ctx, query) => listItems(platform, ctx.scope, query),
  });
  createAndReadRoutes(api, platform, {
    url: '/enforcement-list-items',
    tags,
    permissions: { create: 'enforcement.register', read: 'enforcement.read' },
    summaries: { create: `登记清单事项（${Object.values(ENFORCEMENT_LISTS).join('、')}）`, read: '清单事项' },
    body: listItemInput,
    response: listItemView,
    create: (tx, ctx, body) => createListItem(tx, platform, ctx, ctx.scope, body),
    read: (ctx, id) => getListItem(platform, ctx.scope, id),
  });
  route(api, {
    method: 'PUT',
    url: '/enforcement-list-items/:id',
    permission: 'enforcement.register',
    summary: '更正清单事项',
    tags,
    params: paramsWithId,
    body: listItemUpdate,
    response: listItemView,
    handler: async ({ ctx, params, body }) => {
      const { version, ...fields } = body;
      await platform.db.transaction().execute((tx) => updateListItem(tx, platform, ctx, ctx.scope, params.id, version, fields as any));
      return getListItem(platform, ctx.scope, params.id);
    },
  });
  route(api, {
    method: 'POST',
    url: '/enforcement-list-items/:id/repeal',
    permission: 'enforcement.register',
    summary: '废止清单事项',
    tags,
    params: paramsWithId,
    body: listItemRepeal,
    response: listItemView,
    handler: async ({ ctx, params, body }) => {
      await platform.db.transaction().execute((tx) => repealListItem(tx, platform, ctx, ctx.scope, params.id, body.version, body.date));
      return getListItem(platform, ctx.scope, params.id);
    },
  });

  // 行政执法公示 on the portal: no login.
  route(api, { method: 'GET', url: '/public/enforcement-bodies', permission: 'public', summary: '行政执法主体公示（主体类型、职权、清单事项、持证执法人员数）', tags: ['公开'], handler: async () => publicBodies(platform) });
  route(api, { method: 'GET', url: '/public/enforcement-bodies/:id', permission: 'public', summary: '执法主体公示：权责清单、赋权事项、四张清单与分类检查事项目录、持证执法人员', tags: ['公开'], params: paramsWithId, handler: async ({ params }) => publicBody(platform, params.id) });

  route(api, { method: 'GET', url: '/enforcement-settings', permission: 'enforcement.read', summary: '行政执法设置（年度培训最低学时）', tags, handler: async () => readSettings(platform.db) });
  route(api, { method: 'PUT', url: '/enforcement-settings', permission: 'enforcement.settings', summary: '修改行政执法设置', tags, body: settingsInput, handler: async ({ ctx, body }) => writeSettings(platform, ctx, body) });
}
