import type { FastifyInstance } from 'fastify';
import { paramsWithId, route } from '../../kernel/http/route.ts';
import type { Platform } from '../../kernel/platform.ts';
import { changeRoute, createRoute, deriveRoute, recordRoutes } from '../../kernel/records/routes.ts';
import { exportColumns } from '../../kernel/exports/from-record.ts';
import { pageOf } from '../../../shared/records.ts';
import { z } from '../../../shared/zod.ts';
import {
  SERVICE_CASE,
  SERVICE_ITEM,
  SERVICE_RATING,
  publicServiceQuery,
  serviceCaseView,
  serviceItemCorrection,
  serviceItemListQuery,
  serviceItemRevision,
  serviceItemView,
  serviceRatingListQuery,
  serviceRatingView,
  type ServiceItemView,
  type ServiceRatingView,
} from '../../../shared/schemas/services.ts';
import { createCase, createItem, createRating, getItem, getRating, listCases, listItems, listRatings, publicServiceList, reviseItem, updateItem } from './services.ts';

export async function servicesRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const tags = ['政务服务'];
  const readItem = recordRoutes(api, platform, SERVICE_ITEM, {
    url: '/service-items', tags, permissions: { create: 'services.manage', read: 'services.read' }, sheet: '政务服务事项清单',
    summaries: { list: '政务服务事项清单（每个版本一行）', export: '按当前筛选导出事项清单（.xlsx）', create: '列入政务服务事项（承诺时限不得超过法定时限）', read: '事项详情：各版本、办件量和评价' },
    columns: exportColumns<ServiceItemView>(SERVICE_ITEM, [{ header: '状态', width: 10, value: (i) => i.statusLabel }]),
    query: serviceItemListQuery, body: SERVICE_ITEM.create, responses: { list: pageOf(serviceItemView) }, records: { list: listItems, create: createItem, get: getItem },
  });
  changeRoute(
    api,
    { method: 'PUT', url: '/service-items/:id', permission: 'services.manage', summary: '更正事项版本（不改实施单位和事项编码）', tags, body: serviceItemCorrection },
    (ctx, id, body) => platform.db.transaction().execute((tx) => {
      const { version, ...fields } = body;
      return updateItem(tx, platform, ctx, ctx.scope, id, version, fields);
    }),
    readItem,
  );
  deriveRoute(
    api,
    { url: '/service-items/:id/versions', permission: 'services.manage', summary: '清单调整：自列入日期起按新版本办理，当前版本同日移出清单', tags, body: serviceItemRevision },
    (ctx, id, body) => platform.db.transaction().execute((tx) => reviseItem(tx, platform, ctx, ctx.scope, id, body)),
    (ctx, id) => getItem(platform, ctx.scope, id),
  );
  route(api, { method: 'GET', url: '/service-items/:id/cases', permission: 'services.read', summary: '事项的月度办件量', tags, params: paramsWithId, status: 200, response: z.object({ items: z.array(serviceCaseView) }), handler: async ({ ctx, params }) => ({ items: await listCases(platform, ctx.scope, params.id) }) });
  createRoute(
    api,
    { url: '/service-cases', permission: 'services.manage', summary: '登记事项某月的办件量', tags, body: SERVICE_CASE.create, status: 201, response: serviceCaseView },
    (ctx, body) => platform.db.transaction().execute((tx) => createCase(tx, platform, ctx, ctx.scope, body)),
    async (ctx, id) => {
      const row = await platform.db.selectFrom('service_cases').select('item_id').where('id', '=', id).executeTakeFirstOrThrow();
      return (await listCases(platform, ctx.scope, row.item_id)).find((c) => c.id === id);
    },
  );
  recordRoutes(api, platform, SERVICE_RATING, {
    url: '/service-ratings', tags, permissions: { create: 'services.manage', read: 'services.read' }, sheet: '好差评',
    summaries: { list: '好差评及差评整改（bad=true 只看差评）', export: '按当前筛选导出好差评台账（.xlsx）', create: '登记评价（差评自评价日起按 services.bad_rating_fix 计整改期限）', read: '评价及差评整改详情' },
    columns: exportColumns<ServiceRatingView>(SERVICE_RATING, [
      { header: '整改期限', width: 12, value: (r) => r.due },
      { header: '状态', width: 12, value: (r) => r.statusLabel },
    ]),
    query: serviceRatingListQuery, body: SERVICE_RATING.create, responses: { list: pageOf(serviceRatingView), record: serviceRatingView }, records: { list: listRatings, create: createRating, get: getRating },
  });
  route(api, { method: 'GET', url: '/public/service-items', permission: 'public', summary: '政务服务事项清单（今日在册的，可按名称、编码检索，按实施单位筛选）', tags: ['公开'], query: publicServiceQuery, handler: async ({ query }) => publicServiceList(platform, query) });
}
