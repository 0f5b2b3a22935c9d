// 红黄牌 across modules: every running clock in scope, with its light today, summed by unit — and,
// for one unit, the clocks themselves with links to their records (the dashboard's drill-down).
import type { Platform } from '../platform.ts';
import { assertInScope, countyPath, scoped, unitDirectory, type DataScope } from '../auth/scope.ts';
import { readGenerations } from '../db/generations.ts';
import { lightOf, type Light } from '../calendar/deadline.ts';
import { ruleOfClock } from '../calendar/store.ts';
import { chinaToday } from '../calendar/days.ts';
import { sql } from 'kysely';
import { storedLightCounts } from './light-counts.ts';
import type { LightItem, UnitLights } from '../../../shared/schemas/indicators.ts';

export type { LightItem, UnitLights };

interface LightGroup {
  unit_id: string;
  unit_name: string;
  rule_code: string | null;
  due: string;
  n: number;
}

/** The grouped open clocks of the whole platform or of a county, kept per process until a clock or unit changes or the day turns; a reread under way is shared. */
const groupCache = new WeakMap<Platform, Map<string, { key: string; rows: Promise<LightGroup[]> }>>();

/**
 * Summed by unit: overdue clocks are red whatever their rule, so they are counted as one bucket; a
 * running clock not yet due is yellow or green by its rule's warning days and its due date, so those
 * are grouped by (rule, due date) — a few thousand rows however many clocks run. The counts are
 * stored and moved by every clock write (light-counts.ts), so a read after a write rereads them
 * instead of grouping every running clock. The grouping is the same for every user (scope filters it
 * afterwards) and only changes with the clocks, the units or the date, which the write generations
 * tell exactly. In a province a county's people read their county's groups (`countyPath`), so a
 * clock write costs them a reread of one county's counts, not of every county's.
 */
async function openClockGroups(platform: Platform, today: string, county: string | null): Promise<LightGroup[]> {
  const generations = await readGenerations(platform.db);
  const key = `${today}|${generations.get('clocks')}|${generations.get('org_units')}`;
  let byPart = groupCache.get(platform);
  if (!byPart) groupCache.set(platform, (byPart = new Map()));
  const held = byPart.get(county ?? '');
  if (held?.key === key) return held.rows;
  const rows = Promise.all([storedLightCounts(platform.db, platform.dialect, county), unitDirectory(platform.db)]).then(([counts, units]) =>
    counts.map((c) => ({ unit_id: c.unit_id, unit_name: units.byId.get(c.unit_id)?.name ?? '', rule_code: c.rule_code || null, due: c.due, n: c.n })),
  );
  byPart.set(county ?? '', { key, rows });
  // A failed read is not kept: the next request tries again.
  rows.catch(() => byPart.get(county ?? '')?.rows === rows && byPart.delete(county ?? ''));
  return rows;
}

/** The county whose clocks a scope lies in (countyPath of its top unit), or null: every unit's. */
async function countyOfScope(platform: Platform, scope: DataScope): Promise<string | null> {
  if (scope.all || !scope.rootCode) return null;
  const directory = await unitDirectory(platform.db);
  const root = directory.byCode.get(scope.rootCode);
  return root ? countyPath(directory, root.path) : null;
}

/** Each group's light, per grouping, deadline rules and day: worked out once, not on every read (985 groups in a county). */
const groupLights = new WeakMap<LightGroup[], { deadlines: object; today: string; lights: Light[] }>();
const byName = new Intl.Collator('zh-CN');

async function unitTotals(platform: Platform, scope: DataScope): Promise<UnitLights[]> {
  const today = chinaToday();
  const groups = await openClockGroups(platform, today, await countyOfScope(platform, scope));
  const deadlines = await platform.deadlines.load();
  let held = groupLights.get(groups);
  if (held?.deadlines !== deadlines || held.today !== today) {
    const lights = groups.map((r) => (r.due === '' ? 'red' : lightOf(deadlines.calendar, r.due, today, (r.rule_code ? deadlines.rules.get(r.rule_code)?.warnDays : undefined) ?? 3).light));
    groupLights.set(groups, (held = { deadlines, today, lights }));
  }
  const byUnit = new Map<string, UnitLights>();
  const units = scope.all ? null : new Set(scope.unitIds);
  groups.forEach((r, i) => {
    if (units && !units.has(r.unit_id)) return;
    const u = byUnit.get(r.unit_id) ?? { unitId: r.unit_id, unitName: r.unit_name, red: 0, yellow: 0, green: 0 };
    u[held.lights[i]!] += Number(r.n);
    byUnit.set(r.unit_id, u);
  });
  return [...byUnit.values()].sort((a, b) => b.red - a.red || b.yellow - a.yellow || byName.compare(a.unitName, b.unitName));
}

export async function lightsByUnit(platform: Platform, scope: DataScope, unitId?: string): Promise<{ units: UnitLights[]; items: LightItem[] }> {
  if (!unitId) return { units: await unitTotals(platform, scope), items: [] };
  assertInScope(scope, unitId, '单位');
  const rows = await scoped(platform.db.selectFrom('clocks as c').innerJoin('org_units as u', 'u.id', 'c.unit_id'), scope, 'c.unit_id')
    .select(['c.id', 'c.record_type', 'c.record_id', 'c.unit_id', 'c.label', 'c.rule_code', 'c.fixed_due', 'c.start_date', 'c.due_date', 'u.name as unit_name'])
    .where('c.status', '=', 'running')
    .where('c.unit_id', '=', unitId)
    .execute();
  const deadlines = await platform.deadlines.load();
  const today = chinaToday();
  const byUnit = new Map<string, UnitLights>();
  const items: LightItem[] = [];
  for (const r of rows) {
    const rule = ruleOfClock(deadlines, r);
    const { light } = lightOf(deadlines.calendar, r.due_date, today, rule?.warnDays ?? 3);
    const u = byUnit.get(r.unit_id) ?? { unitId: r.unit_id, unitName: r.unit_name, red: 0, yellow: 0, green: 0 };
    u[light]++;
    byUnit.set(r.unit_id, u);
    const def = platform.workflows.get(r.record_type);
    items.push({ recordType: r.record_type, typeTitle: def?.title ?? r.record_type, recordId: r.record_id, title: '', clock: r.label, due: r.due_date, light, link: def ? `${def.linkPrefix}${r.record_id}` : null });
  }
  // Titles for the drill-down, one query per record type.
  for (const def of platform.workflows.values()) {
    const ids = items.filter((i) => i.recordType === def.recordType).map((i) => i.recordId);
    if (ids.length === 0) continue;
    const titles = await (platform.db as any).selectFrom(def.table).select(['id', sql.ref(def.titleColumn).as('title')]).where('id', 'in', ids).execute();
    const byId = new Map(titles.map((t: { id: string; title: string }) => [t.id, t.title]));
    for (const i of items) if (i.recordType === def.recordType) i.title = (byId.get(i.recordId) as string) ?? i.recordId;
  }
  const rank = { red: 0, yellow: 1, green: 2 };
  return {
    units: [...byUnit.values()].sort((a, b) => b.red - a.red || b.yellow - a.yellow || a.unitName.localeCompare(b.unitName, 'zh-CN')),
    items: items.sort((a, b) => rank[a.light] - rank[b.light] || (a.due < b.due ? -1 : 1)),
  };
}
