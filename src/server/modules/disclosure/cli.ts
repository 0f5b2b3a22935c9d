// `fazhi disclosure-report --year YYYY [--unit CODE] [--json]`: the tables of the 政府信息公开工作年度报告
// as counted now, and their cross-checks.
import type { Platform } from '../../kernel/platform.ts';
import { countDisclosureTables } from './annual-tables.ts';
import { TABLE3_COLUMN_LABELS, TABLE3_ROW_LABELS, TABLE3_ROWS, TABLE4_COLUMNS, TABLE4_PARTS, type DisclosureTables, type Table4Part } from '../../../shared/schemas/disclosure-report.ts';

export async function disclosureReportJson(platform: Platform, year: number, unitCode: string | undefined): Promise<DisclosureTables> {
  return (await countDisclosureTables(platform, year, unitCode)).tables;
}

/** The tables as text, for a terminal: table 3's non-empty rows, table 4, then the checks. */
export function disclosureReportText(t: DisclosureTables): string[] {
  const lines = [`${t.year} 年度政府信息公开工作年度报告（${t.unit ?? '全部单位'}）`, `表三  ${Object.values(TABLE3_COLUMN_LABELS).join(' / ')}`];
  for (const row of TABLE3_ROWS) {
    const cells = t.table3[row];
    if (cells.total > 0 || row === 'new' || row === 'total') lines.push(`  ${TABLE3_ROW_LABELS[row]}：${Object.values(cells).join(' / ')}`);
  }
  lines.push(`表四  ${Object.values(TABLE4_COLUMNS).join(' / ')}`);
  for (const part of Object.keys(TABLE4_PARTS) as Table4Part[]) lines.push(`  ${TABLE4_PARTS[part]}：${Object.values(t.table4[part]).join(' / ')}`);
  for (const c of t.checks) lines.push(`${c.ok ? '✓' : '✗'} ${c.message}`);
  return lines;
}
