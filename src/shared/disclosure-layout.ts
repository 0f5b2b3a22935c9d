// The tables of the 政府信息公开工作年度报告 as 国办公开办函〔2021〕30号 prints them: cells with their
// merges (table 3 with its three label columns), one layout for the .docx, the staff pages and the
// portal. A number keeps the cell it counts (`trace`), so a page can open its records.
import {
  TABLE2_COLUMN_LABELS,
  TABLE2_ROWS,
  TABLE3_COLUMN_LABELS,
  TABLE3_GROUP_HEADINGS,
  TABLE3_ROW_LABELS,
  TABLE3_ROWS,
  TABLE4_COLUMNS,
  TABLE4_PARTS,
  type DisclosureTables,
  type Table2Row,
  type Table3Column,
  type Table3Row,
  type Table4Column,
  type Table4Part,
} from './schemas/disclosure-tables.ts';

export interface LayoutCell {
  text: string;
  columnSpan?: number;
  rowSpan?: number;
  /** A heading cell: bold and centred. */
  head?: boolean;
  align?: 'left' | 'center';
  /** A number: its value, and the cell it counts (table 2: an indicator's row and column). */
  value?: number;
  trace?: { table: 2 | 3 | 4; row: string; column: string };
}

const head = (text: string, span: Partial<LayoutCell> = {}): LayoutCell => ({ text, head: true, ...span });
const num = (n: number | null | undefined, trace?: LayoutCell['trace']): LayoutCell => ({ text: String(n ?? 0), value: n ?? 0, align: 'center', trace });

/** Table 2, grouped by the article's item, each group under its own header rows. */
export function table2Grid(t: DisclosureTables): LayoutCell[][] {
  const rows: LayoutCell[][] = [];
  let item = '';
  for (const [key, def] of Object.entries(TABLE2_ROWS) as [Table2Row, (typeof TABLE2_ROWS)[Table2Row]][]) {
    const span = 3 / def.columns.length;
    if (def.item !== item) {
      item = def.item;
      rows.push([head(item, { columnSpan: 4 })]);
      rows.push([head('信息内容'), ...def.columns.map((c) => head(TABLE2_COLUMN_LABELS[c], { columnSpan: span }))]);
    }
    rows.push([{ text: def.label }, ...def.columns.map((c) => ({ ...num(t.table2[key][c]?.value, t.table2[key][c]?.indicator ? { table: 2, row: key, column: c } : undefined), columnSpan: span }))]);
  }
  return rows;
}

const ORGANISATIONS: Table3Column[] = ['business', 'research', 'nonprofit', 'legal', 'other'];
const TABLE3_NUMBERS: Table3Column[] = ['person', ...ORGANISATIONS, 'total'];
/** The numbered rows under each group heading of 三 (（三）不予公开 1.–8., …). */
const GROUP_SIZES: Partial<Record<Table3Row, number>> = { refused_1: 8, unable_1: 3, not_processed_1: 5, other_1: 3 };

/** Table 3: three header rows, then 一、二, the results of 三 under their headings, 四. */
export function table3Grid(t: DisclosureTables): LayoutCell[][] {
  const rows: LayoutCell[][] = [
    [head('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', { columnSpan: 3, rowSpan: 3 }), head('申请人情况', { columnSpan: 7 })],
    [head('自然人', { rowSpan: 2 }), head('法人或其他组织', { columnSpan: 5 }), head('总计', { rowSpan: 2 })],
    ORGANISATIONS.map((c) => head(TABLE3_COLUMN_LABELS[c])),
  ];
  const results = TABLE3_ROWS.filter((r) => r !== 'new' && r !== 'carried_in' && r !== 'carried_out');
  for (const row of TABLE3_ROWS) {
    const numbers = TABLE3_NUMBERS.map((c) => num(t.table3[row][c], { table: 3, row, column: c }));
    const labels: LayoutCell[] = [];
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

/** Table 4: 行政复议, and 行政诉讼 without and after reconsideration, five columns each. */
export function table4Grid(t: DisclosureTables): LayoutCell[][] {
  const parts = Object.keys(TABLE4_PARTS) as Table4Part[];
  const columns = Object.keys(TABLE4_COLUMNS) as Table4Column[];
  return [
    [head('行政复议', { columnSpan: 5 }), head('行政诉讼', { columnSpan: 10 })],
    // 行政复议's own heads stand beside the lawsuit's two kinds, over two rows.
    [...columns.map((c) => head(TABLE4_COLUMNS[c], { rowSpan: 2 })), head('未经复议直接起诉', { columnSpan: 5 }), head('复议后起诉', { columnSpan: 5 })],
    parts.slice(1).flatMap(() => columns.map((c) => head(TABLE4_COLUMNS[c]))),
    parts.flatMap((p) => columns.map((c) => num(t.table4[p][c], { table: 4, row: p, column: c }))),
  ];
}
