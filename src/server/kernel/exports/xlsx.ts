// Ledger exports: any filtered list as a real .xlsx (header row frozen, widths set), audited.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { sendDownload } from '../attachments/store.ts';
import { route } from '../http/route.ts';
import { chinaToday } from '../calendar/days.ts';
import type { Platform } from '../platform.ts';
import type { RequestContext } from '../auth/context.ts';
import type { z } from '../../../shared/zod.ts';

export interface ExportColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | null;
}

export async function xlsxBuffer<T>(sheetName: string, columns: readonly ExportColumn<T>[], rows: readonly T[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs'); // loaded when first used (~0.3 s)
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Fazhi 法治政府建设综合管理平台';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function sendXlsx(reply: FastifyReply, filename: string, buffer: Buffer): FastifyReply {
  return sendDownload(reply, XLSX_MIME, filename, buffer);
}

/** A `GET …/export` route: the module's filtered rows as an .xlsx named after the sheet, audited. */
export function exportRoute<Q, T>(
  api: FastifyInstance,
  platform: Platform,
  spec: {
    url: string;
    permission: string;
    summary: string;
    tags: string[];
    query: z.ZodType<Q>;
    sheet: string;
    targetType: string;
    columns: readonly ExportColumn<T>[];
    rows: (ctx: RequestContext, query: Q) => Promise<T[]>;
    /** The download's name; `<sheet>-<today>.xlsx` unless the export says what it holds better. */
    fileName?: (ctx: RequestContext, query: Q) => Promise<string>;
  },
): void {
  route(api, {
    method: 'GET',
    url: spec.url,
    permission: spec.permission,
    summary: spec.summary,
    tags: spec.tags,
    query: spec.query,
    handler: async ({ ctx, query, reply }) => {
      const rows = await spec.rows(ctx, query);
      const buffer = await xlsxBuffer(spec.sheet, spec.columns, rows);
      await platform.audit.record(platform.db, ctx, { action: 'export.run', targetType: spec.targetType, detail: { rows: rows.length, filters: query as object } });
      return sendXlsx(reply, spec.fileName ? await spec.fileName(ctx, query) : `${spec.sheet}-${chinaToday()}.xlsx`, buffer);
    },
  });
}
