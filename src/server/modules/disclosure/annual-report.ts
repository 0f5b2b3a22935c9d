// 政府信息公开工作年度报告 (条例 art. 49–50): one per unit and year. Staff write sections 一, 五 and 六;
// the tables (二, 三, 四) and the sentences that present them are counted from the records while the
// report is a draft, and frozen, with the records behind every cell, when the head approves it —
// which is refused while a cross-check fails. Published reports are on the portal.
import type { Platform } from '../../kernel/platform.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import { sql } from 'kysely';
import type { Executor, Tx } from '../../kernel/db/index.ts';
import { subtreeUnitIds, type DataScope } from '../../kernel/auth/scope.ts';
import { badRequest, conflict, fieldError } from '../../kernel/http/errors.ts';
import { indicatorRecords, scopeForUnitCode } from '../../kernel/indicators/registry.ts';
import { newId } from '../../kernel/ids.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { newStamps, updateVersioned } from '../../kernel/db/versioned.ts';
import { readTimeline } from '../../kernel/workflow/timeline.ts';
import { clockViews, printableRow } from '../../kernel/records/read.ts';
import { recordRow } from '../../kernel/records/view.ts';
import { ownerUnit } from '../../kernel/records/plain.ts';
import { insertYearlyDraft, listPublishedYearly, publishedView, yearlyReader } from '../../kernel/records/yearly.ts';
import {
  FOI_REPORT,
  FOI_REPORT_RECORD_TYPE,
  FOI_REPORT_SECTIONS,
  FOI_REPORT_WORKFLOW,
  foiReportDue,
  type CellRecord,
  type DisclosureTables,
  type FoiReportContent,
  type FoiReportCreateInput,
  type FoiReportDetail,
  type FoiReportListQuery,
  type FoiReportSectionKey,
  type FoiReportUpdateInput,
  type FoiReportView,
  type PublicFoiReport,
  type PublicFoiReportFull,
  type Table2Row,
} from '../../../shared/schemas/disclosure-report.ts';
import { cellIds, countDisclosureTables, recordsOfCell, type CellIds, type TableCell } from './annual-tables.ts';
import type { FoiAnnualReportTable } from './tables.ts';

export const FOI_REPORT_CLOCK = { start: 'publish', label: '向社会公布政府信息公开工作年度报告', dueColumn: 'publish_due' } as const;

type Row = FoiAnnualReportTable & { unit_name: string; unit_code: string };
type Sections = Record<FoiReportSectionKey, string>;
/**
 * What approval freezes: the tables, the records behind each cell (table 2's as listed, being of
 * several record types), and a fingerprint of the records counted, checked again as it commits.
 */
type Frozen = { tables: DisclosureTables; cells: CellIds; table2Records?: Record<string, CellRecord[]>; fingerprint?: string };

function reportQuery(db: Executor) {
  return db.selectFrom('foi_annual_reports as r').innerJoin('org_units as u', 'u.id', 'r.unit_id').selectAll('r').select(['u.name as unit_name', 'u.code as unit_code']);
}

const foiReports = yearlyReader<Row, FoiReportView>({ def: FOI_REPORT, workflow: FOI_REPORT_WORKFLOW, what: '政府信息公开工作年度报告', query: reportQuery });
const loadRow = (platform: Platform, scope: DataScope, id: string): Promise<Row> => foiReports.row(platform.db, scope, id);

/** The opening of section 一, for staff to go on from. */
const openingOf = (unitName: string, kind: string, year: number) =>
  kind === 'county'
    ? `${year}年，${unitName}深入贯彻落实《中华人民共和国政府信息公开条例》，统筹推进全县政府信息公开工作。现将${year}年度政府信息公开工作情况报告如下。`
    : `${year}年，${unitName}认真贯彻落实《中华人民共和国政府信息公开条例》，按照县政府关于政务公开工作的部署推进本机关政府信息公开工作。现将${year}年度政府信息公开工作情况报告如下。`;

export async function createFoiReport(platform: Platform, actor: Actor, scope: DataScope, input: FoiReportCreateInput): Promise<string> {
  const unit = await ownerUnit(platform.db, scope, input.unitId, { field: 'unitId', label: '单位' });
  if (!['county', 'department', 'town'].includes(unit.kind)) throw fieldError('unitId', '单位', '不是行政机关（县政府、部门、乡镇），不编制政府信息公开工作年度报告');
  if (input.year > Number(chinaToday().slice(0, 4))) throw fieldError('year', '报告年度', '不能晚于今年');
  const kind = unit.kind === 'county' ? 'county' : 'unit';
  const sections: Sections = { overview: openingOf(unit.name, kind, input.year), problems: '', other: '' };
  const row: FoiAnnualReportTable = {
    id: newId(),
    ...recordRow<FoiAnnualReportTable>(FOI_REPORT, input),
    kind,
    title: `${unit.name}${input.year}年政府信息公开工作年度报告`,
    issuer: unit.name,
    issued_date: null,
    sections: JSON.stringify(sections),
    tables: null,
    status: 'draft',
    approved_date: null,
    published_date: null,
    publish_due: foiReportDue(kind, input.year),
    ...newStamps(actor.id),
  } as FoiAnnualReportTable;
  const duplicate = () => conflict(`${unit.name}${input.year}年度的政府信息公开工作年度报告已经存在，不能重复起草`);
  await insertYearlyDraft(platform, actor, {
    table: 'foi_annual_reports', row, year: input.year, workflow: FOI_REPORT_WORKFLOW, clock: FOI_REPORT_CLOCK, label: '起草（统计表按台账记录生成）', duplicate,
    audit: { action: 'foi.annual_report.create', detail: { unit: unit.code, year: input.year } },
  });
  return row.id;
}


/** The ledger: a year's county report before its units', units in code order, unless the user sorts. */
export const listFoiReports = (platform: Platform, scope: DataScope, query: FoiReportListQuery) => foiReports.list(platform, scope, query);

const frozenOf = (row: Pick<FoiAnnualReportTable, 'tables'>): Frozen | null => (row.tables ? (JSON.parse(row.tables) as Frozen) : null);

/** The tables as approved, or counted now for a draft. */
async function tablesOf(platform: Platform, row: Row): Promise<Frozen & { frozen: boolean }> {
  const frozen = frozenOf(row);
  if (frozen) return { ...frozen, frozen: true };
  const counted = await countDisclosureTables(platform, row.year, row.unit_code);
  return { tables: counted.tables, cells: { table3Cells: counted.table3Cells, table4Cells: counted.table4Cells }, frozen: false };
}

/** The sentences that present the figures: the summary closing section 一, and the lead of each table. */
export function generatedSentences(t: DisclosureTables, kind: string): FoiReportContent['generated'] {
  const n = (v: number | null | undefined) => `${v ?? 0}件`;
  const who = kind === 'county' ? '全县各级行政机关' : '本机关';
  const t3 = t.table3;
  const [review, direct, after] = [t.table4.reconsideration, t.table4.litigation_direct, t.table4.litigation_after_review];
  const corrected = review.corrected + direct.corrected + after.corrected;
  const table3 = `本年度新收政府信息公开申请${n(t3.new.total)}，上年结转${n(t3.carried_in.total)}；办结${n(t3.total.total)}，其中予以公开${n(t3.disclosed.total)}、部分公开${n(t3.partly.total)}；结转下年度继续办理${n(t3.carried_out.total)}。`;
  const table4 = `本年度因政府信息公开被申请行政复议${n(review.total)}，被提起行政诉讼${n(direct.total + after.total)}（其中复议后起诉${n(after.total)}）；已审结的案件中被纠错${n(corrected)}。`;
  const docs = t.table2.normative;
  const table2 = `本年度${who}制发行政规范性文件${n(docs.issued?.value)}，废止${n(docs.repealed?.value)}，现行有效${n(docs.in_force?.value)}；作出行政许可决定${n(t.table2.licensing.decisions?.value)}、行政处罚决定${n(t.table2.penalty.decisions?.value)}、行政强制决定${n(t.table2.coercion.decisions?.value)}；收取行政事业性收费${t.table2.fees.amount?.value ?? 0}万元。`;
  const fees = t.processingFees;
  const other = fees.notices || fees.paid
    ? `本年度依据《政府信息公开信息处理费管理办法》发出信息处理费收费通知${n(fees.notices)}，申请人缴纳信息处理费${n(fees.paid)}、共${(fees.paidFen / 100).toFixed(2)}元。`
    : '本年度未收取信息处理费。';
  return { overview: `${t.year}年，${table2.slice(3)}${table3.slice(3)}${table4.slice(3)}`, table2, table3, table4, other };
}

function sectionsOf(row: Pick<FoiAnnualReportTable, 'sections'>): FoiReportContent['sections'] {
  const stored = JSON.parse(row.sections) as Partial<Sections>;
  return (Object.keys(FOI_REPORT_SECTIONS) as FoiReportSectionKey[]).map((key) => ({ key, ...FOI_REPORT_SECTIONS[key], text: stored[key] ?? '' }));
}

async function contentOf(platform: Platform, row: Row): Promise<FoiReportContent> {
  const { tables, frozen } = await tablesOf(platform, row);
  return { sections: sectionsOf(row), generated: generatedSentences(tables, row.kind), tables, frozen };
}

export async function getFoiReport(platform: Platform, scope: DataScope, id: string): Promise<FoiReportDetail> {
  const row = await loadRow(platform, scope, id);
  const [[view], content, clocks, timeline] = await Promise.all([foiReports.views(platform, [row]), contentOf(platform, row), clockViews(platform, FOI_REPORT_RECORD_TYPE, id), readTimeline(platform.db, FOI_REPORT_RECORD_TYPE, id)]);
  return { ...view!, ...content, clocks, timeline };
}

export async function updateFoiReport(platform: Platform, actor: Actor, scope: DataScope, id: string, input: FoiReportUpdateInput): Promise<void> {
  const row = await loadRow(platform, scope, id);
  if (row.status !== 'draft') throw conflict(`报告当前为「${FOI_REPORT_WORKFLOW.states[row.status]?.label ?? row.status}」，只有起草中的报告可以修改；需要修改请先退回`);
  const sections = { ...(JSON.parse(row.sections) as Sections), ...input.sections };
  await platform.db.transaction().execute(async (tx) => {
    await updateVersioned(tx, 'foi_annual_reports', id, input.version, { ...recordRow(FOI_REPORT, input), sections: JSON.stringify(sections) }, actor.id);
    await platform.audit.record(tx, actor, { action: 'foi.annual_report.update', targetType: FOI_REPORT_RECORD_TYPE, targetId: id, detail: { sections: Object.keys(input.sections) } });
  });
}

/**
 * What the tables count, in brief: per table, the rows in the unit's subtree and their latest change.
 * Approval counts outside its transaction; the same fingerprint inside it proves nothing changed.
 */
async function recordsFingerprint(db: Executor, unitIds: readonly string[]): Promise<string> {
  const of = (table: 'foi_requests' | 'review_cases' | 'litigation_cases' | 'fee_items', column: string) =>
    (db as any).selectFrom(table).select([sql<number>`count(*)`.as('n'), sql<string | null>`max(updated_at)`.as('at')]).where(column, 'in', unitIds).executeTakeFirstOrThrow();
  const parts = await Promise.all([of('foi_requests', 'unit_id'), of('review_cases', 'respondent_unit_id'), of('litigation_cases', 'unit_id'), of('fee_items', 'unit_id')]);
  return JSON.stringify(parts.map((p: { n: number; at: string | null }) => [Number(p.n), p.at]));
}

async function subtreeOf(db: Executor, unitId: string): Promise<readonly string[]> {
  const unit = await db.selectFrom('org_units').select('path').where('id', '=', unitId).executeTakeFirstOrThrow();
  return subtreeUnitIds(db, unit.path);
}

/** Table 2's records, cell by cell, as its figures list them now. */
async function table2Records(platform: Platform, tables: DisclosureTables, unitCode: string): Promise<Record<string, CellRecord[]>> {
  const scope = await scopeForUnitCode(platform, tables.year, unitCode);
  const out: Record<string, CellRecord[]> = {};
  for (const [row, columns] of Object.entries(tables.table2)) {
    for (const [column, cell] of Object.entries(columns)) {
      if (!cell?.indicator) continue;
      const { items } = await indicatorRecords(platform, cell.indicator, scope, 1, 100_000);
      out[`${row}.${column}`] = items.map((i) => ({ id: i.id, title: i.title, unitName: i.unitName, date: i.date, link: i.link ?? '' }));
    }
  }
  return out;
}

/**
 * The module's `beforeTransition` for reports: approval, once the year is over, counts the tables
 * (outside the transaction), refuses while a cross-check fails, and freezes them; a return to draft
 * thaws them.
 */
export async function beforeFoiReportTransition(platform: Platform, record: Record<string, unknown>, transition: string): Promise<Record<string, unknown> | void> {
  if (transition === 'return') return { tables: null };
  if (transition !== 'approve') return;
  const year = Number(record.year);
  if (chinaToday() < `${year + 1}-01-01`) throw conflict(`${year}年尚未结束，年度报告须在次年1月1日以后审定（本年度的申请仍在办理，统计表尚未定型）`);
  const unit = await platform.db.selectFrom('org_units').select(['code', 'path']).where('id', '=', String(record.unit_id)).executeTakeFirstOrThrow();
  const fingerprint = await recordsFingerprint(platform.db, await subtreeUnitIds(platform.db, unit.path));
  const counted = await countDisclosureTables(platform, year, unit.code);
  const failed = counted.tables.checks.filter((c) => !c.ok);
  if (failed.length) throw conflict(`统计表校验未通过，不能审定：${failed.map((c) => c.message).join('；')}`);
  const frozen: Frozen = { tables: counted.tables, cells: { table3Cells: counted.table3Cells, table4Cells: counted.table4Cells }, table2Records: await table2Records(platform, counted.tables, unit.code), fingerprint };
  return { tables: JSON.stringify(frozen) };
}

/** In the approval's transaction: the records counted have not changed since (else the approval rolls back). */
export async function confirmFrozenTables(tx: Tx, record: { unit_id: string; tables?: unknown }): Promise<void> {
  const frozen = frozenOf({ tables: (record.tables as string | null) ?? null });
  if (!frozen?.fingerprint) return;
  if ((await recordsFingerprint(tx, await subtreeOf(tx, record.unit_id))) !== frozen.fingerprint) throw conflict('审定期间有申请或案件记录发生变化，统计表需重新统计，请再次审定');
}

/** The records behind a cell of the report's tables: as approved once frozen, as counted now before. */
export async function foiReportCell(platform: Platform, scope: DataScope, id: string, cell: { table: 2 | 3 | 4; row: string; column: string }): Promise<CellRecord[]> {
  const row = await loadRow(platform, scope, id);
  const { tables, cells, table2Records: frozen2 } = await tablesOf(platform, row);
  if (cell.table !== 2) return recordsOfCell(platform, cell as TableCell, cellIds(cells, cell as TableCell));
  const indicator = tables.table2[cell.row as Table2Row]?.[cell.column as keyof DisclosureTables['table2'][Table2Row]]?.indicator;
  if (!indicator) throw badRequest(`表2没有「${cell.row}」行「${cell.column}」列的记录`, [{ field: 'row', message: '行或列不存在，或该格没有记录' }]);
  if (frozen2) return frozen2[`${cell.row}.${cell.column}`] ?? [];
  return (await table2Records(platform, tables, row.unit_code))[`${cell.row}.${cell.column}`] ?? [];
}

/** The report as printed: for the .docx and the portal. The public sees published reports only. */
export async function foiReportForPrint(platform: Platform, scope: DataScope | null, id: string): Promise<PublicFoiReportFull> {
  const row = printableRow((await reportQuery(platform.db).where('r.id', '=', id).executeTakeFirst()) as Row | undefined, scope, '政府信息公开工作年度报告');
  const { frozen, ...content } = await contentOf(platform, row);
  return { ...publishedView(row), ...content, draft: !frozen };
}

export const listPublishedFoiReports = (platform: Platform, query: { year?: number; unit?: string }): Promise<{ items: PublicFoiReport[]; years: number[] }> =>
  listPublishedYearly(platform.db, 'foi_annual_reports', reportQuery(platform.db), query);
