// The tables of the 政府信息公开工作年度报告 for a unit (its subtree) and year, counted from records:
// table 3 from the disclosure requests, table 4 from the reconsideration cases and lawsuits marked
// as concerning disclosure (the unit as respondent or defendant), table 2 from the figures of the
// normative-document and enforcement modules. Every cell keeps the records it counts.
import type { Platform } from '../../kernel/platform.ts';
import { badRequest } from '../../kernel/http/errors.ts';
import { computeAll, scopeForUnitCode } from '../../kernel/indicators/registry.ts';
import { CORRECTIONS, type ReviewOutcome } from '../../../shared/schemas/reconsideration.ts';
import { OUTCOME_REASONS, type OutcomeReason } from '../../../shared/schemas/disclosure.ts';
import {
  TABLE2_ROWS,
  TABLE3_COLUMNS,
  TABLE3_COLUMN_LABELS,
  TABLE3_ROWS,
  TABLE3_ROW_LABELS,
  TABLE4_COLUMNS,
  TABLE4_PARTS,
  type CellRecord,
  type DisclosureReportCheck,
  type DisclosureTables,
  type Table2Cell,
  type Table2Column,
  type Table2Row,
  type Table3Column,
  type Table3Row,
  type Table4Column,
  type Table4Part,
} from '../../../shared/schemas/disclosure-report.ts';

/** The figure behind each cell of table 2 (规章: no record type; a county and its departments make none). */
const TABLE2_FIGURES: Record<Table2Row, Partial<Record<Table2Column, string | null>>> = {
  regulations: { issued: null, repealed: null, in_force: null },
  normative: { issued: 'docs.issued', repealed: 'docs.repealed', in_force: 'docs.in_force' },
  licensing: { decisions: 'enforcement.cases_licence' },
  penalty: { decisions: 'enforcement.cases_penalty' },
  coercion: { decisions: 'enforcement.cases_coercion' },
  fees: { amount: 'foi.fees_collected' },
};
/** 收费 is counted in 元 and printed in 万元 (to the 元: four decimals). */
const inTable2 = (column: string, value: number) => (column === 'amount' ? Math.round(value) / 10_000 : value);

type Cells<R extends string, C extends string> = Record<R, Record<C, string[]>>;
const emptyCells = <R extends string, C extends string>(rows: readonly R[], columns: readonly C[]) =>
  Object.fromEntries(rows.map((r) => [r, Object.fromEntries(columns.map((c) => [c, [] as string[]]))])) as Cells<R, C>;
const counts = <R extends string, C extends string>(cells: Cells<R, C>) =>
  Object.fromEntries(Object.entries(cells).map(([r, cols]) => [r, Object.fromEntries(Object.entries(cols as Record<C, string[]>).map(([c, ids]) => [c, (ids as string[]).length]))])) as Record<R, Record<C, number>>;

export interface CountedTables {
  tables: DisclosureTables;
  /** The record ids behind each cell of tables 3 and 4. */
  table3Cells: Cells<Table3Row, Table3Column>;
  table4Cells: Cells<Table4Part, Table4Column>;
}

/** Counts the three tables and runs the cross-checks. `unitCode` absent: the whole platform. */
export async function countDisclosureTables(platform: Platform, year: number, unitCode: string | undefined): Promise<CountedTables> {
  const scope = await scopeForUnitCode(platform, year, unitCode);
  const [table2, three, four, processingFees] = await Promise.all([countTable2(platform, scope), countTable3(platform, year, scope.unitIds), countTable4(platform, year, scope.unitIds), countProcessingFees(platform, year, scope.unitIds)]);
  const table3 = counts(three.cells);
  const carried = scope.unitCode ? await carriedChecks(platform, year, scope.unitCode, table3) : [];
  return {
    tables: { year, unit: scope.unitCode, table2, table3, table4: counts(four), processingFees, checks: [...balanceChecks(table3, three.cells), ...carried, ...three.problems] },
    table3Cells: three.cells,
    table4Cells: four,
  };
}

async function countTable2(platform: Platform, scope: Awaited<ReturnType<typeof scopeForUnitCode>>): Promise<DisclosureTables['table2']> {
  const values = new Map((await computeAll(platform, scope)).map((v) => [v.code, v.value]));
  return Object.fromEntries(
    (Object.keys(TABLE2_ROWS) as Table2Row[]).map((row) => [
      row,
      Object.fromEntries(Object.entries(TABLE2_FIGURES[row]).map(([column, code]) => [column, { indicator: code ?? null, value: code ? inTable2(column, values.get(code) ?? 0) : 0 } satisfies Table2Cell])),
    ]),
  ) as DisclosureTables['table2'];
}

const yearBounds = (year: number) => ({ start: `${year}-01-01`, end: `${year}-12-31` });

/**
 * Table 3: requests received in the year (一) or before it and still open on 1 January (二); those
 * closed in the year by their 办理结果 (三; a withdrawal counts as 其他处理·其他); those still open on
 * 31 December (四). A request is closed on its reply date (答复, 不再处理 or 撤回).
 */
async function countTable3(platform: Platform, year: number, unitIds: readonly string[] | null) {
  const { start, end } = yearBounds(year);
  let q = platform.db
    .selectFrom('foi_requests')
    .select(['id', 'received_date', 'reply_date', 'status', 'applicant_type', 'outcome_reason'])
    .where('received_date', '<=', end)
    .where((eb) => eb.or([eb('reply_date', 'is', null), eb('reply_date', '>=', start)]));
  if (unitIds) q = q.where('unit_id', 'in', unitIds);
  const rows = await q.orderBy('received_date').orderBy('id').execute();
  const cells = emptyCells(TABLE3_ROWS, TABLE3_COLUMNS);
  const noType: string[] = [];
  const noOutcome: string[] = [];
  const add = (row: Table3Row, column: Table3Column, id: string) => {
    cells[row][column].push(id);
    cells[row].total.push(id);
  };
  for (const r of rows) {
    const column = r.applicant_type as Table3Column | null;
    if (!column || !(column in TABLE3_COLUMN_LABELS) || column === 'total') {
      noType.push(r.id);
      continue;
    }
    add(r.received_date >= start ? 'new' : 'carried_in', column, r.id);
    if (r.reply_date && r.reply_date <= end) {
      const reason = (r.outcome_reason ?? (r.status === 'withdrawn' ? 'other_3' : null)) as OutcomeReason | null;
      if (!reason || !(reason in OUTCOME_REASONS)) noOutcome.push(r.id);
      else {
        add(reason, column, r.id);
        add('total', column, r.id);
      }
    } else add('carried_out', column, r.id);
  }
  const problems: DisclosureReportCheck[] = [];
  if (noType.length) problems.push({ key: 'applicant_type', ok: false, message: `${noType.length} 件申请未填写申请人类型，表三无法分列，请在申请中补填`, recordIds: noType });
  if (noOutcome.length) problems.push({ key: 'outcome_reason', ok: false, message: `${noOutcome.length} 件本年已办结的申请未填写办理结果，表三无法计入“本年度办理结果”，请补填`, recordIds: noOutcome });
  return { cells, problems };
}

/** 信息处理费: the notices sent in the year, and the charges paid in it. */
async function countProcessingFees(platform: Platform, year: number, unitIds: readonly string[] | null): Promise<DisclosureTables['processingFees']> {
  const { start, end } = yearBounds(year);
  let q = platform.db
    .selectFrom('foi_requests')
    .select(['fee_notice_date', 'fee_paid_date', 'processing_fee_fen'])
    .where((eb) => eb.or([eb.and([eb('fee_notice_date', '>=', start), eb('fee_notice_date', '<=', end)]), eb.and([eb('fee_paid_date', '>=', start), eb('fee_paid_date', '<=', end)])]));
  if (unitIds) q = q.where('unit_id', 'in', unitIds);
  const rows = await q.execute();
  const inYear = (d: string | null) => !!d && d >= start && d <= end;
  const paid = rows.filter((r) => inYear(r.fee_paid_date));
  return { notices: rows.filter((r) => inYear(r.fee_notice_date)).length, paid: paid.length, paidFen: paid.reduce((sum, r) => sum + Number(r.processing_fee_fen ?? 0), 0) };
}

/**
 * 二、上年结转 against the unit's approved report of the year before (its 四、结转下年度), column by
 * column — the check the 公开办 makes across years; none when there is no such report.
 */
async function carriedChecks(platform: Platform, year: number, unitCode: string, table3: Record<Table3Row, Record<Table3Column, number>>): Promise<DisclosureReportCheck[]> {
  const prior = await platform.db
    .selectFrom('foi_annual_reports as r')
    .innerJoin('org_units as u', 'u.id', 'r.unit_id')
    .select('r.tables')
    .where('u.code', '=', unitCode)
    .where('r.year', '=', year - 1)
    .where('r.tables', 'is not', null)
    .executeTakeFirst();
  if (!prior?.tables) return [];
  const before = (JSON.parse(prior.tables) as { tables: DisclosureTables }).tables.table3.carried_out;
  return TABLE3_COLUMNS.map((column) => {
    const ok = table3.carried_in[column] === before[column];
    const label = TABLE3_COLUMN_LABELS[column];
    return {
      key: `carried.${column}`,
      ok,
      message: ok
        ? `表三“${label}”列：上年结转（${table3.carried_in[column]}）与${year - 1}年度已审定报告的结转下年度一致`
        : `表三“${label}”列：上年结转 ${table3.carried_in[column]} 件，与${year - 1}年度已审定报告的“结转下年度继续办理” ${before[column]} 件不一致（上年度的申请在其报告审定后被更正或补录）`,
      recordIds: [],
    };
  });
}

/** 一 + 二 = 三（七） + 四, column by column. */
function balanceChecks(table3: Record<Table3Row, Record<Table3Column, number>>, cells: Cells<Table3Row, Table3Column>): DisclosureReportCheck[] {
  return TABLE3_COLUMNS.map((column) => {
    const received = table3.new[column] + table3.carried_in[column];
    const handled = table3.total[column] + table3.carried_out[column];
    const ok = received === handled;
    const label = TABLE3_COLUMN_LABELS[column];
    const counted = new Set([...cells.total[column], ...cells.carried_out[column]]);
    return {
      key: `balance.${column}`,
      ok,
      message: ok
        ? `表三“${label}”列：${TABLE3_ROW_LABELS.new.slice(2)}与上年结转之和（${received}）等于办理结果总计与结转下年度之和（${handled}）`
        : `表三“${label}”列不平衡：新收 ${table3.new[column]} + 上年结转 ${table3.carried_in[column]} = ${received}，办理结果总计 ${table3.total[column]} + 结转下年度 ${table3.carried_out[column]} = ${handled}`,
      recordIds: ok ? [] : [...cells.new[column], ...cells.carried_in[column]].filter((id) => !counted.has(id)),
    };
  });
}

/**
 * Table 4: cases about disclosure with the unit as respondent (复议) or defendant (诉讼): decided in
 * the year by result (维持; 纠正 = 撤销、变更、确认违法、责令履行、确认无效 or a lost lawsuit; other results),
 * and those not decided by 31 December (尚未审结); 总计 their sum.
 */
async function countTable4(platform: Platform, year: number, unitIds: readonly string[] | null): Promise<Cells<Table4Part, Table4Column>> {
  const { start, end } = yearBounds(year);
  const cells = emptyCells(Object.keys(TABLE4_PARTS) as Table4Part[], Object.keys(TABLE4_COLUMNS) as Table4Column[]);
  const add = (part: Table4Part, column: Table4Column, id: string) => {
    cells[part][column].push(id);
    cells[part].total.push(id);
  };
  let reviews = platform.db
    .selectFrom('review_cases')
    .select(['id', 'closed_date', 'outcome'])
    .where('concerns_disclosure', '=', 1)
    .where('received_date', '<=', end)
    .where((eb) => eb.or([eb('closed_date', 'is', null), eb('closed_date', '>=', start)]));
  reviews = unitIds ? reviews.where('respondent_unit_id', 'in', unitIds) : reviews.where('respondent_unit_id', 'is not', null);
  for (const r of await reviews.orderBy('id').execute()) {
    if (!r.closed_date || r.closed_date > end) add('reconsideration', 'pending', r.id);
    else add('reconsideration', r.outcome === 'maintained' ? 'upheld' : CORRECTIONS.includes(r.outcome as ReviewOutcome) ? 'corrected' : 'other', r.id);
  }
  let suits = platform.db
    .selectFrom('litigation_cases')
    .select(['id', 'judgment_date', 'result', 'after_reconsideration', 'status'])
    .where('concerns_disclosure', '=', 1)
    .where('filed_date', '<=', end)
    .where((eb) => eb.or([eb('judgment_date', 'is', null), eb('judgment_date', '>=', start)]));
  if (unitIds) suits = suits.where('unit_id', 'in', unitIds);
  for (const s of await suits.orderBy('id').execute()) {
    const part = s.after_reconsideration ? 'litigation_after_review' : 'litigation_direct';
    // On appeal, the first-instance judgment has not concluded the case (the appeal's judgment re-dates it).
    if (!s.judgment_date || s.judgment_date > end || !s.result || s.status === 'appealed') add(part, 'pending', s.id);
    else add(part, s.result === 'won' ? 'upheld' : s.result === 'lost' ? 'corrected' : 'other', s.id);
  }
  return cells;
}

export type TableCell = { table: 3 | 4; row: string; column: string };
/** The record ids behind each cell of tables 3 and 4 (kept with an approved report, so its figures stay traceable). */
export type CellIds = Pick<CountedTables, 'table3Cells' | 'table4Cells'>;

/** The ids counted in one cell, or a 400 naming the row or column that does not exist. */
export function cellIds(cells: CellIds, cell: TableCell): string[] {
  const byRow = (cell.table === 3 ? cells.table3Cells : cells.table4Cells) as Record<string, Record<string, string[]> | undefined>;
  const ids = byRow[cell.row]?.[cell.column];
  if (!ids) throw badRequest(`表${cell.table}没有「${cell.row}」行或「${cell.column}」列`, [{ field: !byRow[cell.row] ? 'row' : 'column', message: '行或列不存在' }]);
  return ids;
}

/** The records counted in one cell of table 3 or 4 (now), for the trace drawer. */
export async function cellRecords(platform: Platform, year: number, unitCode: string | undefined, cell: TableCell): Promise<CellRecord[]> {
  return recordsOfCell(platform, cell, cellIds(await countDisclosureTables(platform, year, unitCode), cell));
}

/** The records of a cell's ids: requests for table 3; review cases or lawsuits for table 4. */
export async function recordsOfCell(platform: Platform, cell: TableCell, ids: readonly string[]): Promise<CellRecord[]> {
  if (!ids.length) return [];
  if (cell.table === 3) {
    const rows = await platform.db.selectFrom('foi_requests as f').innerJoin('org_units as u', 'u.id', 'f.unit_id').select(['f.id', 'f.title', 'u.name as unitName', 'f.received_date as date']).where('f.id', 'in', ids).orderBy('f.received_date').execute();
    return rows.map((r) => ({ ...r, link: `/foi/${r.id}` }));
  }
  if (cell.row === 'reconsideration') {
    const rows = await platform.db.selectFrom('review_cases as c').innerJoin('org_units as u', 'u.id', 'c.respondent_unit_id').select(['c.id', 'c.title', 'u.name as unitName', 'c.received_date as date']).where('c.id', 'in', ids).orderBy('c.received_date').execute();
    return rows.map((r) => ({ ...r, link: `/review/${r.id}` }));
  }
  const rows = await platform.db.selectFrom('litigation_cases as c').innerJoin('org_units as u', 'u.id', 'c.unit_id').select(['c.id', 'c.title', 'u.name as unitName', 'c.filed_date as date']).where('c.id', 'in', ids).orderBy('c.filed_date').execute();
  return rows.map((r) => ({ ...r, link: `/litigation/${r.id}` }));
}
