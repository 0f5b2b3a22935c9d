// 法治政府建设年度报告: drafted from the indicators of the unit's subtree, edited in draft only,
// approved by the unit head, submitted (units) or reported (county), published before 1 April.
import './tables.ts';
import { printableRow } from '../../kernel/records/read.ts';
import type { Executor } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import type { DataScope } from '../../kernel/auth/scope.ts';
import { badRequest, conflict, fieldError } from '../../kernel/http/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { newStamps, updateVersioned } from '../../kernel/db/versioned.ts';
import { addTimeline, readTimeline } from '../../kernel/workflow/timeline.ts';
import { clocksOf, clockView } from '../../kernel/workflow/clocks.ts';
import { computeAll, scopeForUnitCode } from '../../kernel/indicators/registry.ts';
import { recordRow } from '../../kernel/records/view.ts';
import { ownerUnit } from '../../kernel/records/plain.ts';
import { insertYearlyDraft, listPublishedYearly, publishedView, yearlyReader } from '../../kernel/records/yearly.ts';
import type { IndicatorValue } from '../../../shared/schemas/indicators.ts';
import {
  REPORT,
  REPORT_RECORD_TYPE,
  REPORT_SECTIONS,
  REPORT_WORKFLOW,
  type PublicReport,
  type ReportCreateInput,
  type ReportDetail,
  type ReportListQuery,
  type ReportSection,
  type ReportUpdateInput,
  type ReportView,
} from '../../../shared/schemas/reports.ts';
import type { AnnualReportTable } from './tables.ts';
import { draftParagraph, figuresIn, refreshFigures, sanitizeSection } from './figures.ts';
import { draftNarrative } from './narrative.ts';
import type { UnitKind } from '../../../shared/schemas/org.ts';

export const PUBLISH_CLOCK = { start: 'publish', label: '向社会公开（次年4月1日前）', dueColumn: 'publish_due' } as const;

type StoredSection = { key: string; html: string };
type Row = AnnualReportTable & { unit_name: string; unit_code: string };

/** The figures of the report's unit (its whole subtree) for its year, by code. */
export async function reportFigures(platform: Platform, unitCode: string, year: number): Promise<Map<string, IndicatorValue>> {
  const values = await computeAll(platform, await scopeForUnitCode(platform, year, unitCode));
  return new Map(values.map((v) => [v.code, v]));
}

/** Each section's draft: its prose, chosen by the unit's kind and the figures, then the sentence of its figures. */
function draftSections(kind: UnitKind, year: number, figures: ReadonlyMap<string, IndicatorValue>): StoredSection[] {
  return REPORT_SECTIONS.map((s) => ({ key: s.key, html: draftNarrative(s.key, kind, year, figures) + draftParagraph(s.indicators.flatMap((code) => figures.get(code) ?? [])) }));
}

/** Drafts a report. The figures are counted before the transaction: counting may refresh the summary tables, which write. */
export async function createReport(platform: Platform, actor: Actor, scope: DataScope, input: ReportCreateInput): Promise<string> {
  const unit = await ownerUnit(platform.db, scope, input.unitId, { field: 'unitId', label: '单位' });
  if (input.year > Number(chinaToday().slice(0, 4))) throw fieldError('year', '报告年度', '不能晚于今年');
  const duplicate = () => conflict(`${unit.name}${input.year}年度的报告已经存在，不能重复起草`);
  if (await platform.db.selectFrom('annual_reports').select('id').where('unit_id', '=', unit.id).where('year', '=', input.year).executeTakeFirst()) throw duplicate();
  const figures = await reportFigures(platform, unit.code, input.year);
  const row = {
    id: newId(),
    ...recordRow<AnnualReportTable>(REPORT, input),
    kind: unit.kind === 'county' ? 'county' : 'unit',
    title: `${unit.name}关于${input.year}年度法治政府建设情况的报告`,
    issuer: unit.name,
    issued_date: null,
    sections: JSON.stringify(draftSections(unit.kind as UnitKind, input.year, figures)),
    status: 'draft',
    approved_date: null,
    published_date: null,
    publish_due: `${input.year + 1}-03-31`,
    ...newStamps(actor.id),
  } as AnnualReportTable;
  await insertYearlyDraft(platform, actor, {
    table: 'annual_reports', row, year: input.year, workflow: REPORT_WORKFLOW, clock: PUBLISH_CLOCK, label: '起草（已按指标生成数字）', duplicate,
    audit: { action: 'annual_report.create', detail: { unit: unit.code, year: input.year } },
  });
  return row.id;
}

function reportQuery(db: Executor) {
  return db.selectFrom('annual_reports as r').innerJoin('org_units as u', 'u.id', 'r.unit_id').selectAll('r').select(['u.name as unit_name', 'u.code as unit_code']);
}

const reports = yearlyReader<Row, ReportView>({ def: REPORT, workflow: REPORT_WORKFLOW, what: '年度报告', query: reportQuery });
const loadRow = (platform: Platform, scope: DataScope, id: string): Promise<Row> => reports.row(platform.db, scope, id);

export function sectionsOf(row: Pick<AnnualReportTable, 'sections' | 'year'>): ReportSection[] {
  const stored = new Map((JSON.parse(row.sections) as StoredSection[]).map((s) => [s.key, s.html]));
  return REPORT_SECTIONS.map((s) => ({ key: s.key, level: s.level, heading: s.heading(row.year), guide: s.guide, html: stored.get(s.key) ?? '' }));
}

/** The ledger: the county's report of a year before its units', units in code order, unless the user sorts. */
export const listReports = (platform: Platform, scope: DataScope, query: ReportListQuery) => reports.list(platform, scope, query);

export async function getReport(platform: Platform, scope: DataScope, id: string): Promise<ReportDetail> {
  const row = await loadRow(platform, scope, id);
  const [[view], figures, deadlines, timeline] = await Promise.all([reports.views(platform, [row]), reportFigures(platform, row.unit_code, row.year), platform.deadlines.load(), readTimeline(platform.db, REPORT_RECORD_TYPE, id)]);
  const sections = sectionsOf(row);
  const inText = figuresIn(sections.map((s) => s.html), figures);
  return {
    ...view!,
    sections,
    figures: inText,
    staleCount: inText.filter((f) => f.stale).length,
    clocks: (await clocksOf(platform.db, REPORT_RECORD_TYPE, id)).map((c) => clockView(c, deadlines, chinaToday())),
    timeline,
  };
}

function assertDraft(row: AnnualReportTable) {
  if (row.status !== 'draft') throw conflict(`报告当前为「${REPORT_WORKFLOW.states[row.status]?.label ?? row.status}」，只有起草中的报告可以修改；需要修改请先退回`);
}

export async function updateReport(platform: Platform, actor: Actor, scope: DataScope, id: string, input: ReportUpdateInput): Promise<void> {
  const row = await loadRow(platform, scope, id);
  assertDraft(row);
  const known = new Set(REPORT_SECTIONS.map((s) => s.key));
  input.sections.forEach((s, i) => {
    if (!known.has(s.key)) throw badRequest(`章节（sections[${i}].key）「${s.key}」不存在`, [{ field: `sections.${i}.key`, message: `章节「${s.key}」不存在` }]);
  });
  const defs = new Map([...platform.indicators.values()].map((d) => [d.code, d]));
  const edited = new Map(input.sections.map((s) => [s.key, sanitizeSection(s.html, defs)]));
  const sections = sectionsOf(row).map((s) => ({ key: s.key, html: edited.get(s.key) ?? s.html }));
  await platform.db.transaction().execute(async (tx) => {
    await updateVersioned(tx, 'annual_reports', id, input.version, { ...recordRow(REPORT, input), sections: JSON.stringify(sections) }, actor.id);
    await platform.audit.record(tx, actor, { action: 'annual_report.update', targetType: REPORT_RECORD_TYPE, targetId: id, detail: { sections: input.sections.map((s) => s.key) } });
  });
}

/** Rewrites stale figures with the indicators' values now (all, or those of the given codes). */
export async function refreshReport(platform: Platform, actor: Actor, scope: DataScope, id: string, version: number, codes?: string[]): Promise<number> {
  const row = await loadRow(platform, scope, id);
  assertDraft(row);
  const figures = await reportFigures(platform, row.unit_code, row.year);
  const only = codes ? new Set(codes) : undefined;
  const before = sectionsOf(row);
  const stale = figuresIn(before.map((s) => s.html), figures).filter((f) => f.stale && (!only || only.has(f.code))).length;
  const sections = before.map((s) => ({ key: s.key, html: refreshFigures(s.html, figures, only) }));
  await platform.db.transaction().execute(async (tx) => {
    await updateVersioned(tx, 'annual_reports', id, version, { sections: JSON.stringify(sections) }, actor.id);
    await addTimeline(tx, actor, { recordType: REPORT_RECORD_TYPE, recordId: id, action: 'refresh', label: `刷新数字（${stale} 处已更新）`, toStatus: null, note: null });
    await platform.audit.record(tx, actor, { action: 'annual_report.refresh', targetType: REPORT_RECORD_TYPE, targetId: id, detail: { refreshed: stale, codes: codes ?? null } });
  });
  return stale;
}

/** The report as it will be printed: for the .docx and the public page. */
export async function reportForPrint(platform: Platform, scope: DataScope | null, id: string): Promise<PublicReport & { sections: NonNullable<PublicReport['sections']> }> {
  const row = printableRow((await reportQuery(platform.db).where('r.id', '=', id).executeTakeFirst()) as Row | undefined, scope, '年度报告');
  return {
    ...publishedView(row),
    sections: sectionsOf(row).map((s) => ({ level: s.level, heading: s.heading, html: s.html })),
  };
}

export const listPublished = (platform: Platform, query: { year?: number; unit?: string }): Promise<{ items: PublicReport[]; years: number[] }> =>
  listPublishedYearly(platform.db, 'annual_reports', reportQuery(platform.db), query);
