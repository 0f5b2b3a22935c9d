// The indicator registry. A module registers count indicators as a query of its records (id, title,
// unit_id, date) for a year, rates as the ratio of two counts, sums as the total of an integer column
// of its records (amount), and averages as a sum over a count. The kernel applies the unit scope,
// counts, lists the records behind a figure (provenance) and compares with the year before.
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../db/index.ts';
import type { Platform } from '../platform.ts';
import { countyPath, unitDirectory } from '../auth/scope.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { sumOver, type FactsPart, type UnitCounts } from './facts.ts';
import { readGenerations } from '../db/generations.ts';
import { chinaToday } from '../calendar/days.ts';
import type { IndicatorRecord, IndicatorValue, UnitFigure } from '../../../shared/schemas/indicators.ts';

/** The records of a count indicator for year Y: must select id, title, unit_id and date. */
export type RecordSource = (db: Db, year: number) => SelectQueryBuilder<any, any, { id: string; title: string; unit_id: string; date: string | null }>;
/** The records of a sum indicator: as a count's, plus the integer `amount` each adds (e.g. a score in hundredths). */
export type AmountSource = (db: Db, year: number) => SelectQueryBuilder<any, any, { id: string; title: string; unit_id: string; date: string | null; amount: number }>;

interface Common {
  code: string;
  name: string;
  /** Unit of measure: 件, 次, 人, or % for rates. */
  measure: string;
  definition: string;
  /** Which way is better: colours the change on the dashboard (absent: neither way is). */
  better?: 'up' | 'down';
}

export type IndicatorDef =
  | (Common & {
      kind: 'count';
      recordType: string;
      linkPrefix: string | null;
      records: RecordSource;
      /**
       * When the query reads clocks: the record types whose clocks it reads. A clock write of any
       * other type then leaves the figure alone (without it, any clock write makes it stale).
       */
      clockTypes?: readonly string[];
    })
  /**
   * The sum of its records' `amount` over `scale` (amounts are integers so that the summary tables
   * hold them like counts: a score kept in hundredths has scale 100). Recounted, never by deltas.
   */
  | (Common & { kind: 'sum'; recordType: string; linkPrefix: string | null; records: AmountSource; scale: number; clockTypes?: readonly string[] })
  | (Common & { kind: 'rate'; numerator: string; denominator: string })
  /** A sum over a count of the same records (an average score); null when the count is 0. */
  | (Common & { kind: 'average'; sum: string; count: string })
  /** Change of a count over the year before: (this − last) / last; null when last year is 0. */
  | (Common & { kind: 'change'; of: string });

export interface IndicatorScope {
  year: number;
  /** The unit and its subtree; null for the whole platform. */
  unitIds: readonly string[] | null;
  /** The county the unit lies in, in a province (its counts are read alone); null: every unit's. */
  part?: FactsPart | null;
}

export async function scopeForUnitCode(platform: Platform, year: number, code: string | undefined): Promise<IndicatorScope & { unitCode: string | null; unitId: string | null }> {
  if (!code) return { year, unitIds: null, unitCode: null, unitId: null };
  const units = await unitDirectory(platform.db);
  const unit = units.byCode.get(code);
  if (!unit) throw new HttpError(400, `单位编码（unit）「${code}」不存在`, [{ field: 'unit', message: `单位「${code}」不存在` }]);
  const county = countyPath(units, unit.path);
  return { year, unitIds: units.subtree(unit.path), unitCode: unit.code, unitId: unit.id, part: county === null ? null : { path: county, unitIds: units.subtree(county) } };
}

/** A figure the summary tables hold per unit: a count, or a sum (its amounts, unscaled). */
export type StoredDef = Extract<IndicatorDef, { kind: 'count' | 'sum' }>;
export const isStored = (def: IndicatorDef | undefined): def is StoredDef => def?.kind === 'count' || def?.kind === 'sum';

function countDef(platform: Platform, code: string) {
  const def = platform.indicators.get(code);
  if (!isStored(def)) throw new Error(`指标 ${code} 不是计数指标`);
  return def;
}

/** What a stored figure's record query adds up per row: one per record, or its amount. */
export const tallyOf = (def: StoredDef) => (def.kind === 'sum' ? sql<number>`coalesce(sum(x.amount), 0)` : sql<number>`count(*)`);

function scopedRecords(platform: Platform, def: StoredDef, scope: IndicatorScope) {
  let q = platform.db.selectFrom(def.records(platform.db, scope.year).as('x')).innerJoin('org_units as u', 'u.id', 'x.unit_id');
  if (scope.unitIds) q = scope.unitIds.length ? q.where('x.unit_id', 'in', scope.unitIds) : q.where(sql`1`, '=', 0);
  return q;
}

/** The figure of an indicator given the stored tallies of its count and sum indicators (by code and year). */
function valueOf(platform: Platform, def: IndicatorDef, year: number, countOf: (code: string, year: number) => number): number | null {
  if (def.kind === 'count') return countOf(def.code, year);
  if (def.kind === 'sum') return countOf(def.code, year) / def.scale;
  if (def.kind === 'average') {
    const n = countOf(def.count, year);
    return n === 0 ? null : countOf(def.sum, year) / (platform.indicators.get(def.sum) as Extract<IndicatorDef, { kind: 'sum' }>).scale / n;
  }
  if (def.kind === 'change') {
    const before = countOf(def.of, year - 1);
    return before === 0 ? null : (countOf(def.of, year) - before) / before;
  }
  const den = countOf(def.denominator, year);
  return den === 0 ? null : countOf(def.numerator, year) / den;
}

function countCodes(platform: Platform): string[] {
  return [...platform.indicators.values()].filter(isStored).map((d) => d.code);
}

function valuesFrom(platform: Platform, year: number, countOf: (code: string, year: number) => number): IndicatorValue[] {
  return [...platform.indicators.values()].map((def) => {
    const value = valueOf(platform, def, year, countOf);
    const lastYear = valueOf(platform, def, year - 1, countOf);
    return {
      code: def.code,
      name: def.name,
      measure: def.measure,
      kind: def.kind,
      definition: def.definition,
      value,
      lastYear,
      yoy: value === null || lastYear === null || lastYear === 0 ? null : (value - lastYear) / lastYear,
      better: def.better ?? null,
    };
  });
}

/** Figures worked out, per platform, by the day, year and scope, with the write generations they were worked out at. */
const workedOut = new WeakMap<Platform, Map<string, { generations: Map<string, number>; sets: UnitCounts[]; values: IndicatorValue[] }>>();
/** A stored set's total over a scope, per set: a set stays the same Map while its tables are unwritten. */
const totals = new WeakMap<UnitCounts, Map<string, number>>();

function totalOnce(counts: UnitCounts, unitIds: readonly string[] | null, scopeKey: string): number {
  let byScope = totals.get(counts);
  if (!byScope) totals.set(counts, (byScope = new Map()));
  let total = byScope.get(scopeKey);
  if (total === undefined) byScope.set(scopeKey, (total = sumOver(counts, unitIds)));
  return total;
}

/**
 * Every registered figure for the scope's year, with last year's and the change; from the summary
 * tables. Not inside a transaction: a stale summary is recounted and written in one of its own.
 * The array is shared with other callers: not to be changed.
 */
export async function computeAll(platform: Platform, scope: IndicatorScope): Promise<IndicatorValue[]> {
  // The figures follow only the records (their tables' write generations, read first: a write
  // committed meanwhile leaves the entry stale, never wrong) and the day: a dashboard read again
  // before anyone writes gets them without working out 145 figures again (2–3 ms a request). After a
  // write only the sets of the written tables are read again and added up; the others' totals stand.
  const generations = await readGenerations(platform.db);
  const scopeKey = scope.unitIds?.join(',') ?? '*';
  const key = `${platform.facts.epoch}|${chinaToday()}|${scope.year}|${scopeKey}`;
  let held = workedOut.get(platform);
  if (!held) workedOut.set(platform, (held = new Map()));
  const known = held.get(key);
  if (known?.generations === generations) return known.values;
  // A change figure for last year needs the year before it.
  const codes = countCodes(platform);
  const years = [scope.year, scope.year - 1, scope.year - 2];
  const at = await platform.facts.load(codes, years, scope.part);
  const sets = codes.flatMap((code) => years.map((year) => at(code, year)));
  // A write that moved none of these sets (last year's figures after a registration today) leaves
  // the same figures, and the same answer already serialised and compressed.
  if (known && sets.every((set, i) => set === known.sets[i])) {
    held.set(key, { ...known, generations });
    return known.values;
  }
  const values = valuesFrom(platform, scope.year, (code, year) => totalOnce(at(code, year), scope.unitIds, scopeKey));
  if (held.size >= 200) held.clear();
  held.set(key, { generations, sets, values });
  return values;
}

/** The same figures counted straight from the records, bypassing the summary tables (what the exactness test compares with). */
export async function computeAllDirect(platform: Platform, scope: IndicatorScope): Promise<IndicatorValue[]> {
  const counts = new Map<string, number>();
  for (const code of countCodes(platform)) {
    for (const year of [scope.year, scope.year - 1, scope.year - 2]) {
      const row = await scopedRecords(platform, countDef(platform, code), { ...scope, year }).select(tallyOf(countDef(platform, code)).as('n')).executeTakeFirstOrThrow();
      counts.set(`${code}|${year}`, Number(row.n));
    }
  }
  return valuesFrom(platform, scope.year, (code, year) => counts.get(`${code}|${year}`)!);
}

/**
 * The records behind a figure; for a rate, its denominator's records marked by whether they are
 * counted; for a sum or an average, its records with the amount each adds (scaled).
 */
export async function indicatorRecords(platform: Platform, code: string, scope: IndicatorScope, page: number, pageSize: number): Promise<{ items: IndicatorRecord[]; total: number }> {
  const def = platform.indicators.get(code);
  if (!def) throw notFound('指标');
  const base = isStored(def) ? def : countDef(platform, def.kind === 'rate' ? def.denominator : def.kind === 'average' ? def.count : def.of);
  const q = scopedRecords(platform, base, scope);
  const [{ total }, rows] = await Promise.all([
    q.select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow(),
    q.select(['x.id', 'x.title', 'x.date', 'u.name as unit_name']).orderBy('x.date').orderBy('x.id').limit(pageSize).offset((page - 1) * pageSize).execute(),
  ]);
  let counted: Set<string> | null = null;
  if (def.kind === 'rate' && rows.length) {
    const num = await scopedRecords(platform, countDef(platform, def.numerator), scope).select('x.id').where('x.id', 'in', rows.map((r: any) => r.id)).execute();
    counted = new Set(num.map((r: any) => r.id));
  }
  let amounts: Map<string, number> | null = null;
  const summed = def.kind === 'sum' ? def : def.kind === 'average' ? countDef(platform, def.sum) : null;
  if (summed?.kind === 'sum' && rows.length) {
    const got = await scopedRecords(platform, summed, scope).select(['x.id', sql<number>`x.amount`.as('amount')]).where('x.id', 'in', rows.map((r: any) => r.id)).execute();
    amounts = new Map(got.map((r: any) => [r.id, Number(r.amount) / summed.scale]));
  }
  return {
    total: Number(total),
    items: rows.map((r: any) => ({
      recordType: base.recordType,
      id: r.id,
      title: r.title,
      unitName: r.unit_name,
      date: r.date,
      link: base.linkPrefix ? `${base.linkPrefix}${r.id}` : null,
      ...(counted ? { counted: counted.has(r.id) } : {}),
      ...(amounts ? { amount: amounts.get(r.id) ?? null } : {}),
    })),
  };
}

/** A stored set's counts for the units of a scope (null: every unit), for rankings. */
function within(counts: UnitCounts, unitIds: readonly string[] | null): Map<string, number> {
  if (!unitIds) return new Map(counts);
  return new Map(unitIds.filter((id) => counts.has(id)).map((id) => [id, counts.get(id)!]));
}

/** The stored sets a figure's ranking is made of, as [code, year]. */
function rankedSets(def: IndicatorDef, year: number): [string, number][] {
  if (isStored(def)) return [[def.code, year]];
  if (def.kind === 'average') return [[def.sum, year], [def.count, year]];
  if (def.kind === 'rate') return [[def.numerator, year], [def.denominator, year]];
  return [[def.of, year], [def.of, year - 1]];
}

/** Rankings worked out, per platform, by figure, year and scope, with the sets and unit directory they were made from. */
const ranked = new WeakMap<Platform, Map<string, { sets: UnitCounts[]; directory: object; items: UnitFigure[] }>>();

/**
 * One figure for every unit that has records behind it, best first — the ranking of the dashboard.
 * Rates rank units by their own ratio; a unit's figure counts its own records only (not its subtree).
 * Kept while its sets and the units stand: a write elsewhere leaves the same ranking.
 */
export async function indicatorByUnit(platform: Platform, code: string, scope: IndicatorScope): Promise<UnitFigure[]> {
  const def = platform.indicators.get(code);
  if (!def) throw notFound('指标');
  const parts = rankedSets(def, scope.year);
  const at = await platform.facts.load([...new Set(parts.map(([c]) => c))], [...new Set(parts.map(([, y]) => y))], scope.part);
  const sets = parts.map(([c, y]) => at(c, y));
  const directory = await unitDirectory(platform.db);
  const key = `${platform.facts.epoch}|${code}|${scope.year}|${scope.unitIds?.join(',') ?? '*'}`;
  let held = ranked.get(platform);
  if (!held) ranked.set(platform, (held = new Map()));
  const known = held.get(key);
  if (known && known.directory === directory && sets.every((set, i) => set === known.sets[i])) return known.items;
  const [first, second] = sets.map((set) => within(set, scope.unitIds)) as [Map<string, number>, Map<string, number> | undefined];
  let values: Map<string, { value: number | null; numerator?: number; denominator?: number }>;
  if (isStored(def)) {
    const scale = def.kind === 'sum' ? def.scale : 1;
    values = new Map([...first].map(([u, n]) => [u, { value: n / scale }]));
  } else if (def.kind === 'average') {
    const scale = (platform.indicators.get(def.sum) as Extract<IndicatorDef, { kind: 'sum' }>).scale;
    const [sum, n] = [first, second!];
    values = new Map([...n].map(([u, d]) => [u, { value: d === 0 ? null : (sum.get(u) ?? 0) / scale / d, numerator: (sum.get(u) ?? 0) / scale, denominator: d }]));
  } else if (def.kind === 'rate') {
    const [num, den] = [first, second!];
    values = new Map([...den].map(([u, d]) => [u, { value: d === 0 ? null : (num.get(u) ?? 0) / d, numerator: num.get(u) ?? 0, denominator: d }]));
  } else {
    const [now, before] = [first, second!];
    values = new Map([...new Set([...now.keys(), ...before.keys()])].map((u) => [u, { value: before.get(u) ? ((now.get(u) ?? 0) - before.get(u)!) / before.get(u)! : null }]));
  }
  const items = [...values.keys()]
    .flatMap((id) => directory.byId.get(id) ?? [])
    .map((u) => ({ unitId: u.id, unitName: u.name, unitCode: u.code, category: u.category, ...values.get(u.id)! }))
    .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.unitCode.localeCompare(b.unitCode));
  if (held.size >= 200) held.clear();
  held.set(key, { sets, directory, items });
  return items;
}
