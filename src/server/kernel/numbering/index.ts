// Case numbers (案号/文号): a record type that takes one declares when (the transitions that assign
// it) and its county-wide default pattern; the law office may set another pattern county-wide or
// for one unit (in a province, a county's own county-wide pattern is the one set on the county's unit). Numbers run per pattern and year from 1 — county-wide, or per unit for a unit's own
// pattern or a pattern that names the unit — unique and gap-free: the counter moves in the
// transaction of the step that assigns the number, so a step that fails gives it back.
import { sql } from 'kysely';
import type { Tx, Executor } from '../db/index.ts';
import { unitWithCounty } from '../auth/scope.ts';
import type { Platform } from '../platform.ts';
import { nowIso } from '../ids.ts';
import type { CaseNumberDef } from '../../../shared/schemas/numbering.ts';

declare module '../db/tables.ts' {
  interface Database {
    case_number_patterns: { record_type: string; unit_id: string; pattern: string; updated_at: string; updated_by: string | null };
    case_number_counters: { record_type: string; series: string; year: number; last_seq: number };
  }
}

export interface PatternValues {
  county: string;
  unit: string;
  year: number;
  n: number;
}

/** Fills a pattern: {county} 县（区）简称, {unit} 单位简称, {year}, {n} (or {n3}: zero-padded to 3 digits). */
export function formatCaseNumber(pattern: string, v: PatternValues): string {
  return pattern
    .replaceAll('{county}', v.county)
    .replaceAll('{unit}', v.unit)
    .replaceAll('{year}', String(v.year))
    .replace(/\{n(\d?)\}/g, (_, width: string) => String(v.n).padStart(Number(width || 0), '0'));
}

/** The short name of a unit's county (its county's name, or in one county's deployment the top unit's, without 人民政府: 示范县). */
export async function countyName(db: Executor, unitId: string): Promise<string> {
  return shortCounty((await unitWithCounty(db, unitId))?.county.name);
}

const shortCounty = (name: string | undefined) => (name ?? '').replace(/人民政府$/, '');

/** A unit's short name in a number: without the county's name in front (示范县市场监督管理局 → 市场监督管理局). */
const shortUnit = (name: string, county: string) => (county && name.startsWith(county) ? name.slice(county.length) : name);

/**
 * How a unit's records are numbered: the pattern (the unit's own, else the county-wide one set, else
 * the default), the counter it uses, and the values that fill it.
 */
async function numberingOf(db: Executor, def: CaseNumberDef, unitId: string) {
  const place = await unitWithCounty(db, unitId);
  // In a province a county's own pattern (set on the county's unit) is its county-wide one.
  const countyId = place?.belowRoot ? place.county.id : null;
  const rows = await db.selectFrom('case_number_patterns').select(['unit_id', 'pattern']).where('record_type', '=', def.recordType).where('unit_id', 'in', [unitId, countyId ?? '', '']).execute();
  const own = unitId === countyId ? undefined : rows.find((r) => r.unit_id === unitId);
  const pattern = own?.pattern ?? rows.find((r) => r.unit_id === countyId)?.pattern ?? rows.find((r) => r.unit_id === '')?.pattern ?? def.defaultPattern;
  const county = shortCounty(place?.county.name);
  // A unit's own pattern, or one that names the unit, numbers that unit's records on their own counter;
  // else the county's counter (in a province each county numbers its own; '' in one county's deployment).
  const owner = own || pattern.includes('{unit}') ? unitId : (countyId ?? '');
  const values = (year: number, n: number): PatternValues => ({ county, unit: shortUnit(place?.unit.name ?? '', county), year, n });
  return { pattern, series: `${owner}|${pattern}`, values };
}

/** What the next number of a unit's records would be (the settings page's preview); nothing is taken. */
export async function nextCaseNumber(db: Executor, def: CaseNumberDef, unitId: string, year: number): Promise<string> {
  const { pattern, series, values } = await numberingOf(db, def, unitId);
  const counter = await db.selectFrom('case_number_counters').select('last_seq').where('record_type', '=', def.recordType).where('series', '=', series).where('year', '=', year).executeTakeFirst();
  return formatCaseNumber(pattern, values(year, (counter?.last_seq ?? 0) + 1));
}

/**
 * Gives the record its number in the caller's transaction, unless it has one. The year is the
 * year of `date` (the day of the step). A number another record already carries (imported, or a
 * pattern changed in the year) is skipped, so numbers stay unique.
 */
export async function assignCaseNumber(tx: Tx, def: CaseNumberDef, table: string, record: { id: string; unit_id: string } & Record<string, unknown>, date: string): Promise<string> {
  // A record read in this transaction carries its number (or none); else it is read.
  const current = def.column in record ? record[def.column] : (await (tx as any).selectFrom(table).select(sql.ref(def.column).as('n')).where('id', '=', record.id).executeTakeFirst())?.n;
  if (current) return current as string;
  const year = Number(date.slice(0, 4));
  const { pattern, series, values } = await numberingOf(tx, def, record.unit_id);
  for (;;) {
    const { last_seq: n } = await tx
      .insertInto('case_number_counters')
      .values({ record_type: def.recordType, series, year, last_seq: 1 })
      .onConflict((oc) => oc.columns(['record_type', 'series', 'year']).doUpdateSet({ last_seq: sql`case_number_counters.last_seq + 1` }))
      .returning('last_seq')
      .executeTakeFirstOrThrow();
    const number = formatCaseNumber(pattern, values(year, n));
    // Taken only where no record carries the number yet (one statement: the check and the write).
    const others = (tx as any).selectFrom(`${table} as other`).select('other.id').where(`other.${def.column}`, '=', number);
    const given = await (tx as any).updateTable(table).set({ [def.column]: number }).where('id', '=', record.id).where((eb: any) => eb.not(eb.exists(others))).executeTakeFirst();
    if (Number(given.numUpdatedRows) === 0) continue;
    return number;
  }
}

/**
 * The creation hook: gives a new record its number if its type is numbered at creation
 * (CaseNumberDef.atCreation), in the transaction of the insert, by the year of `date` (the record's
 * own date: a notice's 印发日期). `record.unit_id` is the unit whose series numbers it: the issuer of
 * a document (a 督办单's law office), not the unit it is sent to. Returns the number, or null for a
 * type numbered otherwise.
 */
export async function numberAtCreation(tx: Tx, platform: Pick<Platform, 'caseNumbers' | 'records'>, recordType: string, record: { id: string; unit_id: string }, date: string): Promise<string | null> {
  const def = platform.caseNumbers.get(recordType);
  if (!def?.atCreation) return null;
  const table = platform.records.get(recordType)?.table;
  if (!table) throw new Error(`编号类型 ${recordType} 没有记录定义`);
  return assignCaseNumber(tx, def, table, record, date);
}

/** Sets (or, with null, removes) a pattern, county-wide (unitId '') or for one unit. */
export async function setPattern(tx: Tx, platform: Platform, actor: { id: string } & Parameters<Platform['audit']['record']>[1], def: CaseNumberDef, unitId: string, pattern: string | null): Promise<void> {
  const key = { record_type: def.recordType, unit_id: unitId };
  const before = await tx.selectFrom('case_number_patterns').select('pattern').where('record_type', '=', key.record_type).where('unit_id', '=', unitId).executeTakeFirst();
  if (pattern === null) await tx.deleteFrom('case_number_patterns').where('record_type', '=', key.record_type).where('unit_id', '=', unitId).execute();
  else
    await tx
      .insertInto('case_number_patterns')
      .values({ ...key, pattern, updated_at: nowIso(), updated_by: actor.id })
      .onConflict((oc) => oc.columns(['record_type', 'unit_id']).doUpdateSet({ pattern, updated_at: nowIso(), updated_by: actor.id }))
      .execute();
  await platform.audit.record(tx, actor, { action: 'case_number.pattern', targetType: def.recordType, targetId: null, detail: { label: def.label, unitId: unitId || null, before: before?.pattern ?? null, after: pattern } });
}
