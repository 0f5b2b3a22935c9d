// 政府信息公开工作年度报告 (条例 art. 49–50) in the format of 国办公开办函〔2021〕30号: the keys of its
// tables' rows and columns (the JSON of `fazhi disclosure-report` and of the API), and their
// labels exactly as prescribed.
import { z } from '../zod.ts';
import { createInput, defineRecord, f, fieldSchema, listQuery, updateInput, viewSchema, type RecordDef, type RecordView } from '../records.ts';
import { stateLabels, type WorkflowState, workflowOf } from '../workflow.ts';
import { annualReportHistoryFields, annualReportViewFields, reportYear, reportYearFilter, type AnnualReportHistory, type AnnualReportViewFields, type PublishedAnnualReport } from './reports.ts';
export * from './disclosure-tables.ts';
import type { DisclosureTables } from './disclosure-tables.ts';

const tablesYear = z.coerce.number({ error: '年度（year）应为整数' }).int({ error: '年度（year）应为整数' }).min(2000, { error: '年度（year）不能早于 2000' }).max(2100, { error: '年度（year）不能晚于 2100' }).meta({ title: '报告年度' });
const unitCode = z.string().trim().min(1).max(64, { error: '单位编码（unit）过长' }).optional().meta({ title: '单位编码（缺省：本单位；法治办缺省为全部）' });

export const disclosureTablesQuery = z.strictObject({ year: tablesYear, unit: unitCode });
export const disclosureCellQuery = z.strictObject({
  year: tablesYear,
  unit: unitCode,
  table: z.enum(['3', '4'], { error: '表（table）应为 3 或 4' }).meta({ title: '表' }),
  row: z.string().trim().min(1, { error: '请填写行（row）' }).max(32).meta({ title: '行' }),
  column: z.string().trim().min(1, { error: '请填写列（column）' }).max(32).meta({ title: '列' }),
});

// ---------------------------------------------------------------------------------------------
// The report itself: one per unit and year. Sections 一, 五 and 六 are written by staff (一 around
// a generated summary); 二, 三 and 四 are the tables, counted live while the report is a draft and
// frozen when the head approves it (approval is refused while a cross-check fails).

export const FOI_REPORT_RECORD_TYPE = 'foi_annual_report';

/** 县政府 reports by 31 March; departments and towns by 31 January (条例 art. 49–50). */
export const FOI_REPORT_KINDS = { county: '县政府', unit: '部门、乡镇' } as const;
export const foiReportDue = (kind: keyof typeof FOI_REPORT_KINDS, year: number) => (kind === 'county' ? `${year + 1}-03-31` : `${year + 1}-01-31`);

export const foiReportFileName = (r: { unitName: string; year: number }) => `${r.unitName}${r.year}年政府信息公开工作年度报告.docx`;

/** Sections 一 and 五 must be written before the head sees the report (六 may say 无). */
function unwrittenSections(record: Record<string, unknown>): string | null {
  const sections = JSON.parse(String(record.sections ?? '{}')) as Record<string, string | undefined>;
  const missing = (['overview', 'problems'] as const).filter((k) => !sections[k]?.trim()).map((k) => `「${FOI_REPORT_SECTIONS[k].heading}」`);
  return missing.length ? `需先撰写${missing.join('、')}` : null;
}

/** The sections staff write, with the headings the format prescribes and what to write. */
export const FOI_REPORT_SECTIONS = {
  overview: { heading: '一、总体情况', guide: '概述本年度政府信息公开工作的组织领导、主动公开、依申请公开、政府信息管理、平台建设和监督保障等情况。下方的统计概要由系统按台账生成。' },
  problems: { heading: '五、存在的主要问题及改进情况', guide: '实事求是分析本年度工作存在的主要问题，说明上一年度问题的改进情况和下一步措施。' },
  other: { heading: '六、其他需要报告的事项', guide: '收取信息处理费的情况由系统按台账生成（见下方）；此处填写其他需要报告的事项，如人大代表建议和政协提案办理、年度工作要点落实情况等（无则写“无”）。' },
} as const;
export type FoiReportSectionKey = keyof typeof FOI_REPORT_SECTIONS;

const FOI_REPORT_STATES: Record<string, WorkflowState> = {
  draft: { label: '起草中', tone: 'default' },
  in_approval: { label: '待主要负责人审定', tone: 'processing' },
  approved: { label: '已审定（统计表已定稿）', tone: 'warning' },
  published: { label: '已向社会公开', tone: 'success', final: true },
};
export const FOI_REPORT_STATUSES = stateLabels({ states: FOI_REPORT_STATES });

export const FOI_REPORT = defineRecord({
  type: FOI_REPORT_RECORD_TYPE,
  title: '政府信息公开工作年度报告',
  table: 'foi_annual_reports',
  key: 'year',
  fields: {
    year: f.integer('报告年度', { required: true, list: true, sort: true, note: '统计表按本单位（含下级单位）该年度的台账记录生成；审定前随记录变化，审定时定稿。' }),
    unitId: f.unit('单位', { required: true, list: true, filter: true, note: '县政府的报告统计全县；部门、乡镇的报告统计本单位及下级。' }),
    kind: f.enum('类别', FOI_REPORT_KINDS, { required: true, input: false, list: true, filter: true }),
    title: f.text('标题', { max: 200, required: true, search: true, detail: false }),
    issuer: f.text('发布机关', { max: 100, required: true, search: true }),
    issuedDate: f.date('成文日期', { list: true, sort: true }),
    status: f.enum('状态', FOI_REPORT_STATUSES, { required: true, input: false, filter: true, detail: false }),
    approvedDate: f.date('审定日期', { input: false }),
    publishedDate: f.date('公开日期', { input: false, notBefore: ['issuedDate', 'approvedDate'], list: true, sort: true }),
    publishDue: f.date('公开期限', { basis: '《中华人民共和国政府信息公开条例》（2019年修订）第四十九条、第五十条', required: true, input: false, detail: false, note: '部门、乡镇每年1月31日前，县政府每年3月31日前公布上一年度报告（《政府信息公开条例》第四十九条、第五十条）。' }),
  },
});

export const FOI_REPORT_WORKFLOW = workflowOf(FOI_REPORT, {
  readPermission: 'foi.read',
  linkPrefix: '/foi/reports/',
  states: FOI_REPORT_STATES,
  transitions: [
    { key: 'send', label: '送主要负责人审定', from: ['draft'], to: 'in_approval', roles: ['unit_liaison', 'law_office'], check: (r, actor) => (actor.roles.includes('unit_liaison') && actor.unitId !== r.unit_id ? '只能送审本单位的年度报告' : unwrittenSections(r)) },
    // Refused while a cross-check of the tables fails; the tables are frozen as approved (module beforeTransition).
    { key: 'approve', label: '主要负责人审定', from: ['draft', 'in_approval'], to: 'approved', roles: ['unit_head'], dateColumn: 'approved_date', requiredFields: [{ column: 'issued_date', label: '成文日期' }], check: (r, actor) => (actor.unitId !== r.unit_id ? '年度报告由本单位主要负责人审定' : unwrittenSections(r)) },
    {
      key: 'publish',
      label: '向社会公开',
      from: ['approved'],
      to: 'published',
      roles: ['law_office', 'unit_head'],
      dateColumn: 'published_date',
      effects: [{ stop: 'publish', reason: '已公开' }],
      check: (r, actor) => (!actor.roles.includes('law_office') && actor.unitId !== r.unit_id ? '只能公开本单位的年度报告' : null),
    },
    // Back to a draft: the tables are counted live again.
    { key: 'return', label: '退回修改', from: ['in_approval', 'approved'], to: 'draft', roles: ['unit_head', 'law_office'], noteRequired: true, danger: true, secondary: true },
  ],
});

const sectionText = (label: string) => z.string({ error: `${label}必须是文本` }).max(20_000, { error: `${label}过长（最多 20000 个字符）` }).meta({ title: label });

export const FOI_REPORT_DRAFT: RecordDef<Pick<typeof FOI_REPORT.fields, 'unitId' | 'year'>> = { ...FOI_REPORT, fields: { unitId: FOI_REPORT.fields.unitId, year: FOI_REPORT.fields.year } };
export const foiReportCreateInput = createInput(FOI_REPORT_DRAFT, { year: reportYear });
export type FoiReportCreateInput = z.infer<typeof foiReportCreateInput>;

export const foiReportUpdateInput = updateInput(
  FOI_REPORT,
  {
    issuedDate: fieldSchema('issuedDate', { ...FOI_REPORT.fields.issuedDate, required: true }).nullable(),
    sections: z
      .strictObject({
        overview: sectionText('一、总体情况').optional(),
        problems: sectionText('五、存在的主要问题及改进情况').optional(),
        other: sectionText('六、其他需要报告的事项').optional(),
      })
      .meta({ title: '章节正文' }),
  },
  ['title', 'issuer'],
);
export type FoiReportUpdateInput = z.infer<typeof foiReportUpdateInput>;

export const foiReportListQuery = listQuery(FOI_REPORT, { year: reportYearFilter });
export type FoiReportListQuery = z.infer<typeof foiReportListQuery>;

export const foiReportView = viewSchema(FOI_REPORT, annualReportViewFields);
export type FoiReportView = RecordView<typeof FOI_REPORT.fields> & AnnualReportViewFields;

export interface FoiReportSection {
  key: FoiReportSectionKey;
  heading: string;
  guide: string;
  text: string;
}

/** The report as printed: the staff's sections, the generated sentences, the tables. */
export type FoiReportContent = {
  sections: FoiReportSection[];
  /** The summary of the figures closing section 一, the sentence leading each table, the charges opening section 六. */
  generated: { overview: string; table2: string; table3: string; table4: string; other: string };
  tables: DisclosureTables;
  /** True once approved: the tables are the approved ones, not counted now. */
  frozen: boolean;
};

export const foiReportDetailView = foiReportView.extend({
  sections: z.array(z.object({ key: z.string(), heading: z.string(), guide: z.string(), text: z.string() })).meta({ title: '章节' }),
  generated: z.object({ overview: z.string(), table2: z.string(), table3: z.string(), table4: z.string(), other: z.string() }).meta({ title: '生成的统计表述' }),
  tables: z.looseObject({ year: z.number().int(), checks: z.array(z.looseObject({ key: z.string(), ok: z.boolean(), message: z.string() })) }).meta({ title: '统计表（二、三、四）及校验结果' }),
  frozen: z.boolean().meta({ title: '统计表已定稿' }),
  ...annualReportHistoryFields,
});
export type FoiReportDetail = FoiReportView & FoiReportContent & AnnualReportHistory;

/** A published report on the portal. */
export type PublicFoiReport = PublishedAnnualReport;
/** The report as printed; `draft` until its head approves it (the tables may still change). */
export type PublicFoiReportFull = PublicFoiReport & Omit<FoiReportContent, 'frozen'> & { draft: boolean };
