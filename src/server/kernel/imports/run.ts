// Bulk import (domain.md §5): xlsx / csv / jsonl → validated rows → one transaction per file.
// Any bad row and nothing is written; every bad row is reported with its row, column and reason.
import type { Platform } from '../platform.ts';
import type { ImportField, Importer, ImportOutcome, ImportRow, ImportType, RowError } from './types.ts';
import { labelAt } from '../../../shared/zod.ts';
import { stripBidi, textProblem } from '../../../shared/text-hygiene.ts';
import { ImportFailed, MAX_IMPORT_ROWS, readImportFile, type RawRow } from './read.ts';

// Reading (with its limits, in a worker thread) lives in read.ts and parse.ts.
export { ImportFailed, MAX_IMPORT_ROWS, readImportFile };

function validateRows<Row>(type: ImportType<Row>, raw: RawRow[]): { rows: ImportRow<Row>[]; errors: RowError[] } {
  const rows: ImportRow<Row>[] = [];
  const errors: RowError[] = [];
  for (const { row, cells } of raw) {
    // The same text rules as request bodies (shared/text-hygiene.ts): refuse NUL and lone surrogates, strip bidi controls.
    let bad: RowError | undefined;
    for (const [name, v] of Object.entries(cells)) {
      if (v === undefined) continue;
      const problem = textProblem(v);
      if (problem) {
        const label = type.fields.find((f) => f.name === name)?.label;
        bad = { row, column: label ? `${label}（${name}）` : name, message: problem };
        break;
      }
      const stripped = stripBidi(v).trim();
      cells[name] = stripped === '' ? undefined : stripped;
    }
    if (bad) {
      errors.push(bad);
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
    if (checked.rows.length === 0 && shapeErrors.length === 0) throw new ImportFailed([{ row: 0, column: '', message: '文件中没有数据行' }]);
    // A row the reader already refused (a column too many, an unknown field) is not applied: its cells are not what its author meant.
    const unreadable = new Set(read.errors.map((e) => e.row));
    const wellFormed = checked.rows.filter((r) => !unreadable.has(r.row));
    const outcome = await platform.db.transaction().execute(async (tx) => {
      await platform.facts.lockForBulkWrite(tx);
      // The well-formed rows of the whole file are applied even when others are malformed, so that
      // one report lists every problem (unknown units, refs, dates out of order…), however far apart;
      // then everything is rolled back.
      const applied = wellFormed.length ? await type.apply(tx, wellFormed, actor, platform) : { created: 0, updated: 0, errors: [] };
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
      await platform.audit.record(platform.db, actor, { action: 'import.run', targetType: 'import', targetId: type.type, outcome: 'failure', detail: { ...detail, errors: error.total } });
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

/** The downloadable template: headers, one example row, and a notes sheet; `fields` are the type's columns with the reader's examples (examples.ts). */
export async function importTemplate(type: ImportType, fields: readonly ImportField[] = type.fields): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs'); // loaded when first used (~0.3 s)
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Fazhi';
  const sheet = workbook.addWorksheet('数据');
  sheet.addRow(fields.map((f) => f.label));
  sheet.addRow(fields.map((f) => f.example));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F2' } };
  fields.forEach((f, i) => (sheet.getColumn(i + 1).width = Math.max(12, f.label.length * 2 + 4, f.example.length + 4)));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const notes = workbook.addWorksheet('说明');
  notes.addRow(['列名（xlsx 表头）', '字段名（csv/jsonl）', '是否必填', '说明', '示例']);
  notes.getRow(1).font = { bold: true };
  for (const f of fields) notes.addRow([f.label, f.name, f.required ? '必填' : '可选', f.note, f.example]);
  notes.addRow([]);
  notes.addRow([`导入类型：${type.type}（${type.title}）。第一张工作表为数据，第 1 行为表头，示例行请删除或改为实际数据。日期格式 YYYY-MM-DD；是/否 或 true/false。同一编号再次导入时更新原记录。`]);
  [22, 22, 10, 60, 24].forEach((w, i) => (notes.getColumn(i + 1).width = w));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
