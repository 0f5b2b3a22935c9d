// A user's own notifications: list, unread count, mark read. Nobody reads another's.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { route, paramsWithId } from '../http/route.ts';
import { notFound } from '../http/errors.ts';
import { nowIso } from '../ids.ts';
import type { Platform } from '../platform.ts';
import { notificationQuery, type NotificationView } from '../../../shared/schemas/notifications.ts';

export async function notificationRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const { db } = platform;
  const tags = ['通知'];

  route(api, {
    method: 'GET',
    url: '/notifications',
    permission: 'session',
    summary: '我的通知（最新在前）',
    tags,
    query: notificationQuery,
    handler: async ({ ctx, query }) => {
      let q = db.selectFrom('notifications').where('user_id', '=', ctx.id);
      if (query.unread === 'true') q = q.where('read_at', 'is', null);
      const { total } = await q.select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow();
      const rows = await q.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute();
      const items: NotificationView[] = rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, createdAt: r.created_at, readAt: r.read_at }));
      return { items, total: Number(total), page: query.page, pageSize: query.pageSize };
    },
  });

  route(api, {
    method: 'GET',
    url: '/notifications/unread-count',
    permission: 'session',
    summary: '未读通知数',
    tags,
    handler: async ({ ctx }) => {
      const row = await db.selectFrom('notifications').select(sql<number>`count(*)`.as('n')).where('user_id', '=', ctx.id).where('read_at', 'is', null).executeTakeFirstOrThrow();
      return { unread: Number(row.n) };
    },
  });

  route(api, {
    method: 'POST',
    url: '/notifications/:id/read',
    permission: 'session',
    summary: '标记通知为已读',
    tags,
    params: paramsWithId,
    handler: async ({ ctx, params }) => {
      const result = await db.updateTable('notifications').set({ read_at: nowIso() }).where('id', '=', params.id).where('user_id', '=', ctx.id).where('read_at', 'is', null).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) {
        const exists = await db.selectFrom('notifications').select('id').where('id', '=', params.id).where('user_id', '=', ctx.id).executeTakeFirst();
        if (!exists) throw notFound('通知');
      }
      return { ok: true };
    },
  });

  route(api, {
    method: 'POST',
    url: '/notifications/read-all',
    permission: 'session',
    summary: '全部标记为已读',
    tags,
    handler: async ({ ctx }) => {
      const result = await db.updateTable('notifications').set({ read_at: nowIso() }).where('user_id', '=', ctx.id).where('read_at', 'is', null).executeTakeFirst();
      return { marked: Number(result.numUpdatedRows) };
    },
  });
}
