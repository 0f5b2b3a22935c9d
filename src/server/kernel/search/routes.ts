import type { FastifyInstance } from 'fastify';
import { route } from '../http/route.ts';
import type { Platform } from '../platform.ts';
import { search } from './index.ts';
import { searchQuery, searchResult } from '../../../shared/schemas/search.ts';

export async function searchRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  route(api, {
    method: 'GET',
    url: '/search',
    permission: 'session',
    summary: '全局搜索：按案号、编号、标题、当事人或单位名称，在本人可查看的各类记录中搜索（按类型分组）',
    tags: ['搜索'],
    query: searchQuery,
    response: searchResult,
    handler: async ({ ctx, query }) => ({ q: query.q, groups: await search(platform, ctx, query.q, query.limit) }),
  });
}
