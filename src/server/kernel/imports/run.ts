// Bulk import (domain.md §5): xlsx / csv / jsonl → validated rows → one transaction per file.
// Any bad row and nothing is written; every bad row is reported with its row, column and reason.
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Platform } from '../platform.ts';
import type { Importer, ImportOutcome, ImportRow, ImportType, RowError } from './types.ts';
import { labelAt } from '../../../shared/zod.ts';

export const MAX_IMPORT_ROWS = 100_000;

type Cells = Record<string, string | undefined>;
interface RawRow {
  row: number;
  cells: Cells;
}

export class ImportFailed extends Error {
  constructor(
    readonly errors: RowError[],
    message = `导入未执行：共 ${errors.length} 处错误，全部数据均未写入`,
  ) {
    super(message);
  }
}

function headerIndex(type: ImportType): Map<string, string> {
  const index = new Map<string, string>();
  for (const f of type.fields) {
    index.set(f.name.toLowerCase(), f.name);
    index.set(f.label, f.name);
  }
  return index;
}

function mapHeaders(type: ImportType, headers: string[]): { names: (string | null)[]; errors: RowError[] } {
  const index = headerIndex(type);
  const errors: RowError[] = [];
  const names = headers.map((h) => {
    const key = h.trim();
    if (!key) return null;
    const name = index.get(key) ?? index.get(key.toLowerCase());
    if (!name) errors.push({ row: 1, column: key, message: `未知的列「${key}」` });
    return name ?? null;
  });
  for (const f of type.fields) {
    if (f.required && !names.includes(f.name)) errors.push({ row: 1, column: `${f.label}（${f.name}）`, message: `缺少必填列「${f.label}」（${f.name}）` });
  }
  return { names, errors };
}

function cellText(value: ExcelJS.CellValue): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return undefined;
  }
  return String(value);
}

function clean(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === '' ? undefined : trimmed;
}

async function readXlsx(type: ImportType, buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new ImportFailed([{ row: 0, column: '', message: '文件不是有效的 xlsx 工作簿' }]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFailed([{ row: 0, column: '', message: '工作簿中没有工作表' }]);
  const headers: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (headers[col - 1] = cellText(cell.value) ?? ''));
  const { names, errors } = mapHeaders(type, headers);
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: Cells = {};
    names.forEach((name, i) => {
      if (name) cells[name] = clean(cellText(row.getCell(i + 1).value));
    });
    if (Object.values(cells).some((v) => v !== undefined)) rows.push({ row: rowNumber, cells });
  });
  return { rows, errors };
}

function readCsv(type: ImportType, buffer: Buffer) {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(buffer, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as any;
  } catch (error) {
    throw new ImportFailed([{ row: 0, column: '', message: `CSV 格式错误：${(error as Error).message}` }]);
  }
  if (records.length === 0) return { rows: [], errors: [{ row: 1, column: '', message: '文件为空，缺少表头' }] };
  const { names, errors } = mapHeaders(type, records[0].record);
  const rows: RawRow[] = records.slice(1).map(({ record, info }) => {
    const cells: Cells = {};
    names.forEach((name, i) => {
      if (name) cells[name] = clean(record[i]);
    });
    if (record.length > names.length) errors.push({ row: info.lines, column: '', message: `列数（${record.length}）多于表头（${names.length}）` });
    return { row: info.lines, cells };
  });
  return { rows, errors };
}

function readJsonl(type: ImportType, buffer: Buffer) {
  const known = new Set(type.fields.map((f) => f.name));
  const rows: RawRow[] = [];
  const errors: RowError[] = [];
  buffer
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (!line.trim()) return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        errors.push({ row: i + 1, column: '', message: '该行不是合法的 JSON' });
        return;
      }
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        errors.push({ row: i + 1, column: '', message: '该行应为一个 JSON 对象' });
        return;
      }
      const cells: Cells = {};
      for (const [key, v] of Object.entries(value)) {
        if (!known.has(key)) {
          errors.push({ row: i + 1, column: key, message: `未知的字段「${key}」` });
          continue;
        }
        cells[key] = v === null || v === undefined ? undefined : clean(Array.isArray(v) ? v.join(';') : String(v));
      }
      rows.push({ row: i + 1, cells });
    });
  return { rows, errors };
}

export async function readImportFile(type: ImportType, filename: string, buffer: Buffer): Promise<{ rows: RawRow[]; errors: RowError[] }> {
  const ext = filename.toLowerCase().split('.').pop();
  if (ext === 'xlsx') return readXlsx(type, buffer);
  if (ext === 'csv') return readCsv(type, buffer);
  if (ext === 'jsonl' || ext === 'ndjson') return readJsonl(type, buffer);
  throw new ImportFailed([{ row: 0, column: '', message: `不支持的文件类型 .${ext}：请使用 .xlsx、.csv 或 .jsonl` }]);
}

function validateRows<Row>(type: ImportType<Row>, raw: RawRow[]): { rows: ImportRow<Row>[]; errors: RowError[] } {
  const rows: ImportRow<Row>[] = [];
  const errors: RowError[] = [];
  for (const { row, cells } of raw) {
    const nul = Object.entries(cells).find(([, v]) => v?.includes('\u0000'));
    if (nul) {
      errors.push({ row, column: nul[0], message: '含有不允许的控制字符（U+0000）' });
      continue;
    }
    const missing = type.fields.filter((f) => f.required && (cells[f.name] === undefined || cells[f.name] === ''));
    if (missing.length) {
      for (const f of missing) errors.push({ row, column: `${f.label}（${f.name}）`, message: `${f.label}不能为空` });
      continue;
    }
    const result = type.row.safeParse(cells);
    if (result.success) {
      rows.push({ row, value: result.data });
      continue;
    }
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '');
      const label = labelAt(type.row, issue.path) ?? type.fields.find((f) => f.name === field)?.label;
      errors.push({ row, column: label ? `${label}（${field}）` : field, message: issue.message });
    }
  }
  return { rows, errors };
}

export interface ImportResult {
  type: string;
  rows: number;
  created: number;
  updated: number;
  dryRun: boolean;
  credentials?: { username: string; password: string }[];
}

/** Validates and applies a file; throws ImportFailed (nothing written) when any row is bad. */
export async function runImport(
  platform: Platform,
  actor: Importer,
  type: ImportType,
  filename: string,
  buffer: Buffer,
  options: { dryRun?: boolean } = {},
): Promise<ImportResult> {
  const detail = { type: type.type, filename };
  try {
    const read = await readImportFile(type, filename, buffer);
    if (read.rows.length > MAX_IMPORT_ROWS) throw new ImportFailed([{ row: 0, column: '', message: `一次最多导入 ${MAX_IMPORT_ROWS} 行` }]);
    const checked = validateRows(type, read.rows);
    const shapeErrors = [...read.errors, ...checked.errors];
    if (read.errors.length) throw new ImportFailed(shapeErrors);
    if (checked.rows.length === 0 && shapeErrors.length === 0) throw new ImportFailed([{ row: 0, column: '', message: '文件中没有数据行' }]);
    const outcome = await platform.db.transaction().execute(async (tx) => {
      // The well-formed rows are applied even when others are malformed, so that one report lists
      // every problem (unknown units, refs, dates out of order…); then everything is rolled back.
      const applied = checked.rows.length ? await type.apply(tx, checked.rows, actor, platform) : { created: 0, updated: 0, errors: [] };
      const all = [...shapeErrors, ...applied.errors];
      if (all.length) throw new ImportFailed(all.sort((a, b) => a.row - b.row));
      if (options.dryRun) throw new DryRunDone(applied);
      await platform.audit.record(tx, actor, { action: 'import.run', targetType: 'import', targetId: type.type, detail: { ...detail, rows: checked.rows.length, created: applied.created, updated: applied.updated } });
      return applied;
    }).catch((error) => {
      if (error instanceof DryRunDone) return error.outcome;
      throw error;
    });
    return {
      type: type.type,
      rows: checked.rows.length,
      created: outcome.created,
      updated: outcome.updated,
      dryRun: !!options.dryRun,
      ...(outcome.credentials?.length && !options.dryRun ? { credentials: outcome.credentials } : {}),
    };
  } catch (error) {
    if (error instanceof ImportFailed && !options.dryRun) {
      await platform.audit.record(platform.db, actor, { action: 'import.run', targetType: 'import', targetId: type.type, outcome: 'failure', detail: { ...detail, errors: error.errors.length } });
    }
    throw error;
  }
}

/** Rolls back a dry run's transaction while keeping its counts. */
class DryRunDone extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super('dry run');
  }
}

/** The downloadable template: headers, one example row, and a notes sheet. */
export async function importTemplate(type: ImportType): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Fazhi';
  const sheet = workbook.addWorksheet('数据');
  sheet.addRow(type.fields.map((f) => f.label));
  sheet.addRow(type.fields.map((f) => f.example));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F2' } };
  type.fields.forEach((f, i) => (sheet.getColumn(i + 1).width = Math.max(12, f.label.length * 2 + 4, f.example.length + 4)));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const notes = workbook.addWorksheet('说明');
  notes.addRow(['列名（xlsx 表头）', '字段名（csv/jsonl）', '是否必填', '说明', '示例']);
  notes.getRow(1).font = { bold: true };
  for (const f of type.fields) notes.addRow([f.label, f.name, f.required ? '必填' : '可选', f.note, f.example]);
  notes.addRow([]);
  notes.addRow([`导入类型：${type.type}（${type.title}）。第一张工作表为数据，第 1 行为表头，示例行请删除或改为实际数据。日期格式 YYYY-MM-DD；是/否 或 true/false。同一编号再次导入时更新原记录。`]);
  [22, 22, 10, 60, 24].forEach((w, i) => (notes.getColumn(i + 1).width = w));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
