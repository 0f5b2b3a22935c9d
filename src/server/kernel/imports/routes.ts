// One route per import type, each guarded by that type's own permission.
import type { FastifyInstance } from 'fastify';
import { z } from '../../../shared/zod.ts';
import { route } from '../http/route.ts';
import { readUpload } from '../http/upload.ts';
import { HttpError } from '../http/errors.ts';
import { ImportFailed, importTemplate, runImport } from './run.ts';
import { readerExamples } from './examples.ts';
import { sendXlsx } from '../exports/xlsx.ts';
import type { Platform } from '../platform.ts';

const importQuery = z.strictObject({
  dryRun: z.enum(['true', 'false']).optional().meta({ title: '仅校验不写入' }),
});

export async function importRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  route(api, {
    method: 'GET',
    url: '/imports/types',
    permission: 'session',
    summary: '当前用户可用的导入类型及其字段说明',
    tags: ['批量导入'],
    handler: async ({ ctx }) => ({
      items: await Promise.all(
        [...platform.importTypes.values()].filter((t) => ctx.permissions.has(t.permission)).map(async (t) => ({ type: t.type, title: t.title, fields: await readerExamples(platform.db, ctx, t.fields) })),
      ),
    }),
  });

  for (const type of platform.importTypes.values()) {
    route(api, {
      method: 'GET',
      url: `/imports/${type.type}/template`,
      permission: type.permission,
      summary: `下载「${type.title}」导入模板（xlsx）`,
      tags: ['批量导入'],
      handler: async ({ ctx, reply }) => sendXlsx(reply, `${type.title}导入模板.xlsx`, await importTemplate(type, await readerExamples(platform.db, ctx, type.fields))),
    });

    route(api, {
      method: 'POST',
      url: `/imports/${type.type}`,
      permission: type.permission,
      summary: `导入「${type.title}」（multipart：file 为 .xlsx/.csv/.jsonl；全部成功才写入）`,
      tags: ['批量导入'],
      consumes: ['multipart/form-data'],
      query: importQuery,
      handler: async ({ ctx, req, query }) => {
        const upload = await readUpload(req);
        try {
          return await runImport(platform, ctx, type, upload.filename, upload.buffer, { dryRun: query.dryRun === 'true' });
        } catch (error) {
          if (error instanceof ImportFailed) throw new HttpError(422, error.message, error.errors);
          throw error;
        }
      },
    });
  }
}
