// The tables of the 政府信息公开工作年度报告 (国办公开办函〔2021〕30号): their rows and columns by key
// (the JSON of `fazhi disclosure-report` and of the API) with their labels exactly as prescribed, and
// the shapes of counted tables. Plain data (no validation library): the portal prints them too.
import { APPLICANT_TYPES, OUTCOME_REASONS, type OutcomeReason } from './disclosure-codes.ts';

/** Table 3's columns: 自然人 | 法人或其他组织 (five kinds) | 总计. */
export const TABLE3_COLUMNS = ['person', 'business', 'research', 'nonprofit', 'legal', 'other', 'total'] as const;
export type Table3Column = (typeof TABLE3_COLUMNS)[number];
export const TABLE3_COLUMN_LABELS: Record<Table3Column, string> = { ...APPLICANT_TYPES, other: '其他', total: '总计' };

/** Table 3's rows in print order: 一、二, the results of 三 (each a row), 三（七）总计, 四. */
export const TABLE3_ROWS = ['new', 'carried_in', ...(Object.keys(OUTCOME_REASONS) as OutcomeReason[]), 'total', 'carried_out'] as const;
export type Table3Row = (typeof TABLE3_ROWS)[number];

export const TABLE3_ROW_LABELS: Record<Table3Row, string> = {
  new: '一、本年新收政府信息公开申请数量',
  carried_in: '二、上年结转政府信息公开申请数量',
  disclosed: '（一）予以公开',
  partly: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  refused_1: '1.属于国家秘密',
  refused_2: '2.其他法律行政法规禁止公开',
  refused_3: '3.危及“三安全一稳定”',
  refused_4: '4.保护第三方合法权益',
  refused_5: '5.属于三类内部事务信息',
  refused_6: '6.属于四类过程性信息',
  refused_7: '7.属于行政执法案卷',
  refused_8: '8.属于行政查询事项',
  unable_1: '1.本机关不掌握相关政府信息',
  unable_2: '2.没有现成信息需要另行制作',
  unable_3: '3.补正后申请内容仍不明确',
  not_processed_1: '1.信访举报投诉类申请',
  not_processed_2: '2.重复申请',
  not_processed_3: '3.要求提供公开出版物',
  not_processed_4: '4.无正当理由大量反复申请',
  not_processed_5: '5.要求行政机关确认或重新出具已获取信息',
  other_1: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  other_2: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  other_3: '3.其他',
  total: '（七）总计',
  carried_out: '四、结转下年度继续办理',
};

/** The group heading printed above a group's numbered rows in 三. */
export const TABLE3_GROUP_HEADINGS: Partial<Record<Table3Row, string>> = {
  disclosed: '三、本年度办理结果',
  refused_1: '（三）不予公开',
  unable_1: '（四）无法提供',
  not_processed_1: '（五）不予处理',
  other_1: '（六）其他处理',
};

/** Table 4: 行政复议, then 行政诉讼 未经复议直接起诉 and 复议后起诉, each with five columns. */
export const TABLE4_PARTS = { reconsideration: '行政复议', litigation_direct: '行政诉讼·未经复议直接起诉', litigation_after_review: '行政诉讼·复议后起诉' } as const;
export type Table4Part = keyof typeof TABLE4_PARTS;
export const TABLE4_COLUMNS = { upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结', total: '总计' } as const;
export type Table4Column = keyof typeof TABLE4_COLUMNS;

/** Table 2's rows: 第二十条第（一）（五）（六）（八）项 (收费 in 万元, from the 行政事业性收费 ledger). */
export const TABLE2_ROWS = {
  regulations: { item: '第二十条第（一）项', label: '规章', columns: ['issued', 'repealed', 'in_force'] },
  normative: { item: '第二十条第（一）项', label: '行政规范性文件', columns: ['issued', 'repealed', 'in_force'] },
  licensing: { item: '第二十条第（五）项', label: '行政许可', columns: ['decisions'] },
  penalty: { item: '第二十条第（六）项', label: '行政处罚', columns: ['decisions'] },
  coercion: { item: '第二十条第（六）项', label: '行政强制', columns: ['decisions'] },
  fees: { item: '第二十条第（八）项', label: '行政事业性收费', columns: ['amount'] },
} as const;
export type Table2Row = keyof typeof TABLE2_ROWS;
export const TABLE2_COLUMN_LABELS = { issued: '本年制发件数', repealed: '本年废止件数', in_force: '现行有效件数', decisions: '本年处理决定数量', amount: '本年收费金额（单位：万元）' } as const;
export type Table2Column = keyof typeof TABLE2_COLUMN_LABELS;

/** A cell of table 2: the figure (an indicator, whose records are its trace), or null where no record type holds it. */
export interface Table2Cell {
  value: number | null;
  indicator: string | null;
}

/** A failed or passed cross-check, with the records that make it fail. */
export interface DisclosureReportCheck {
  key: string;
  ok: boolean;
  message: string;
  recordIds: string[];
}

export interface DisclosureTables {
  year: number;
  unit: string | null;
  table2: Record<Table2Row, Partial<Record<Table2Column, Table2Cell>>>;
  table3: Record<Table3Row, Record<Table3Column, number>>;
  table4: Record<Table4Part, Record<Table4Column, number>>;
  /** 信息处理费 (section 六): charge notices sent in the year, and the charges paid in it (in fen). */
  processingFees: { notices: number; paid: number; paidFen: number };
  checks: DisclosureReportCheck[];
}

/** A cell's records, as the trace drawer lists them. */
export interface CellRecord {
  id: string;
  title: string;
  unitName: string;
  date: string | null;
  link: string;
}

/** The headings of sections 二, 三 and 四, which are the tables. */
export const FOI_REPORT_TABLE_HEADINGS = { table2: '二、主动公开政府信息情况', table3: '三、收到和处理政府信息公开申请情况', table4: '四、政府信息公开行政复议、行政诉讼情况' } as const;
