// The 政府信息公开工作年度报告 as an official document (kernel/documents/official.ts), its tables laid
// out as 国办公开办函〔2021〕30号 prints them: merged headings, three label columns in table 3.
import { blankLine, gridTable, headingParagraph, officialDocx, textParagraphs, type GridCell } from '../../kernel/documents/official.ts';
import {
  FOI_REPORT_TABLE_HEADINGS,
  TABLE2_COLUMN_LABELS,
  TABLE2_ROWS,
  TABLE3_COLUMN_LABELS,
  TABLE3_GROUP_HEADINGS,
  TABLE3_ROW_LABELS,
  TABLE3_ROWS,
  TABLE4_COLUMNS,
  TABLE4_PARTS,
  type DisclosureTables,
  type PublicFoiReportFull,
  type Table2Row,
  type Table3Column,
  type Table3Row,
  type Table4Column,
  type Table4Part,
} from '../../../shared/schemas/disclosure-report.ts';

const head = (text: string, span: Partial<GridCell> = {}): GridCell => ({ text, head: true, ...span });
const num = (n: number | null | undefined): GridCell => ({ text: String(n ?? 0), align: 'center' });

export function table2Grid(t: DisclosureTables): GridCell[][] {
  const rows: GridCell[][] = [];
  let item = '';
  for (const [key, def] of Object.entries(TABLE2_ROWS) as [Table2Row, (typeof TABLE2_ROWS)[Table2Row]][]) {
    const span = 3 / def.columns.length;
    if (def.item !== item) {
      item = def.item;
      rows.push([head(item, { columnSpan: 4 })]);
      rows.push([head('信息内容'), ...def.columns.map((c) => head(TABLE2_COLUMN_LABELS[c], { columnSpan: span }))]);
    }
    rows.push([{ text: def.label }, ...def.columns.map((c) => ({ ...num(t.table2[key][c]?.value), columnSpan: span }))]);
  }
  return rows;
}

const ORGANISATIONS: Table3Column[] = ['business', 'research', 'nonprofit', 'legal', 'other'];
const TABLE3_NUMBERS: Table3Column[] = ['person', ...ORGANISATIONS, 'total'];
/** The numbered rows under each group heading of 三 (（三）不予公开 1.–8., …). */
const GROUP_SIZES: Partial<Record<Table3Row, number>> = { refused_1: 8, unable_1: 3, not_processed_1: 5, other_1: 3 };

export function table3Grid(t: DisclosureTables): GridCell[][] {
  const rows: GridCell[][] = [
    [head('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', { columnSpan: 3, rowSpan: 3 }), head('申请人情况', { columnSpan: 7 })],
    [head('自然人', { rowSpan: 2 }), head('法人或其他组织', { columnSpan: 5 }), head('总计', { rowSpan: 2 })],
    ORGANISATIONS.map((c) => head(TABLE3_COLUMN_LABELS[c])),
  ];
  const results = TABLE3_ROWS.filter((r) => r !== 'new' && r !== 'carried_in' && r !== 'carried_out');
  for (const row of TABLE3_ROWS) {
    const numbers = TABLE3_NUMBERS.map((c) => num(t.table3[row][c]));
    const labels: GridCell[] = [];
    if (row === 'new' || row === 'carried_in' || row === 'carried_out') labels.push({ text: TABLE3_ROW_LABELS[row], columnSpan: 3 });
    else {
      if (row === results[0]) labels.push({ text: TABLE3_GROUP_HEADINGS[row]!, rowSpan: results.length });
      const groupSize = GROUP_SIZES[row];
      if (groupSize) labels.push({ text: TABLE3_GROUP_HEADINGS[row]!, rowSpan: groupSize });
      // A numbered row sits beside its group heading; （一）（二）（七） take both label columns.
      labels.push(/^\d\./.test(TABLE3_ROW_LABELS[row]) ? { text: TABLE3_ROW_LABELS[row] } : { text: TABLE3_ROW_LABELS[row], columnSpan: 2 });
    }
    rows.push([...labels, ...numbers]);
  }
  return rows;
}

export function table4Grid(t: DisclosureTables): GridCell[][] {
  const parts = Object.keys(TABLE4_PARTS) as Table4Part[];
  const columns = Object.keys(TABLE4_COLUMNS) as Table4Column[];
  return [
    [head('行政复议', { columnSpan: 5, rowSpan: 2 }), head('行政诉讼', { columnSpan: 10 })],
    [head('未经复议直接起诉', { columnSpan: 5 }), head('复议后起诉', { columnSpan: 5 })],
    parts.flatMap(() => columns.map((c) => head(TABLE4_COLUMNS[c]))),
    parts.flatMap((p) => columns.map((c) => num(t.table4[p][c]))),
  ];
}

export function foiReportDocx(report: PublicFoiReportFull): Promise<Buffer> {
  const section = (key: string) => report.sections.find((s) => s.key === key)!;
  const [overview, problems, other] = [section('overview'), section('problems'), section('other')];
  const t = report.tables;
  return officialDocx({
    title: report.title,
    issuer: report.issuer,
    issuedDate: report.issuedDate,
    body: [
      headingParagraph(overview.heading, 1),
      ...textParagraphs(overview.text),
      ...textParagraphs(report.generated.overview),
      headingParagraph(FOI_REPORT_TABLE_HEADINGS.table2, 1),
      ...textParagraphs(report.generated.table2),
      gridTable(table2Grid(t)),
      blankLine(),
      headingParagraph(FOI_REPORT_TABLE_HEADINGS.table3, 1),
      ...textParagraphs(report.generated.table3),
      gridTable(table3Grid(t)),
      blankLine(),
      headingParagraph(FOI_REPORT_TABLE_HEADINGS.table4, 1),
      ...textParagraphs(report.generated.table4),
      gridTable(table4Grid(t)),
      blankLine(),
      headingParagraph(problems.heading, 1),
      ...textParagraphs(problems.text),
      headingParagraph(other.heading, 1),
      ...textParagraphs(other.text),
    ],
  });
}
