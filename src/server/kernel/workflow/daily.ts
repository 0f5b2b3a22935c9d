// The daily job: escalate overdue clocks (督办) — first to the unit's head, then, once overdue by more
// than the configured working days (or when the unit has no head), to the law office — and send
// each person a digest of what waits on them. Runs once per day: the job_runs row is the claim, so
// several server processes never run it twice.
import { sql } from 'kysely';
import { foldIndicatorChanges } from '../db/generations.ts';
import { pruneRateLimits } from '../http/rate-limits.ts';
import type { Platform } from '../platform.ts';
import type { Actor } from '../audit/index.ts';
import { workingDaysBetween } from '../calendar/deadline.ts';
import { chinaToday } from '../calendar/days.ts';
import { nowIso } from '../ids.ts';
import { notify } from '../notifications/index.ts';
import { addTimeline } from './timeline.ts';
import { checkLightCounts } from './light-counts.ts';
import { byUrgency, openItems, primaryTransitions, type OpenItem } from './todo.ts';
import { BUSINESS_ROLES, isRole, type Role } from '../../../shared/roles.ts';
import { scopeRootPath, unitDirectory } from '../auth/scope.ts';

/** The actor of work the daily job does, named for timelines (e.g. '系统（每日督办）'). */
export const jobActor = (displayName: string): Actor & { displayName: string } => ({ id: null, name: 'job:daily', displayName, roles: ['system'], unitId: null, ip: null });
export const JOB_ACTOR = jobActor('系统（每日督办）');

export interface DailySummary {
  date: string;
  skipped: boolean;
  escalatedToUnitHead: number;
  escalatedToLawOffice: number;
  digests: number;
}

/** How often a running job says it is alive, and how long a silent unfinished claim holds. */
export const JOB_HEARTBEAT_MS = 60_000;
export const JOB_LEASE_MS = 5 * JOB_HEARTBEAT_MS;

/** The time before which an unfinished claim's last beat means its process is gone. */
export const staleBefore = (now = Date.now()) => new Date(now - JOB_LEASE_MS).toISOString();

export async function runDailyJob(platform: Platform, date = chinaToday(), options: { force?: boolean } = {}): Promise<DailySummary> {
  const summary: DailySummary = { date, skipped: false, escalatedToUnitHead: 0, escalatedToLawOffice: 0, digests: 0 };
  const now = nowIso();
  // The claim: a new row, or today's row taken over when forced or when its run stopped beating.
  const claim = await platform.db
    .insertInto('job_runs')
    .values({ job: 'daily', run_date: date, started_at: now, heartbeat_at: now, finished_at: null, summary: null })
    .onConflict((oc) => {
      const takeOver = oc.columns(['job', 'run_date']).doUpdateSet({ started_at: now, heartbeat_at: now, finished_at: null, summary: null });
      return options.force ? takeOver : takeOver.where('job_runs.finished_at', 'is', null).where(sql<boolean>`coalesce(job_runs.heartbeat_at, job_runs.started_at) < ${staleBefore()}`);
    })
    .executeTakeFirst();
  if (Number(claim.numInsertedOrUpdatedRows ?? 0) === 0 && !options.force) return { ...summary, skipped: true };

  const beat = setInterval(() => {
    platform.db.updateTable('job_runs').set({ heartbeat_at: nowIso() }).where('job', '=', 'daily').where('run_date', '=', date).execute().catch(() => undefined);
  }, JOB_HEARTBEAT_MS);
  beat.unref();
  try {
    await runSteps(platform, date, summary);
  } finally {
    clearInterval(beat);
  }
  return summary;
}

async function runSteps(platform: Platform, date: string, summary: DailySummary): Promise<void> {
  for (const mod of platform.modules) if (mod.daily) await mod.daily(platform, date);
  await escalateOverdue(platform, date, summary);
  summary.digests = await sendDigests(platform, date);
  await foldIndicatorChanges(platform.db, platform.dialect);
  await checkLightCounts(platform.db, platform.dialect);
  await pruneRateLimits(platform.db);
  await platform.db.updateTable('job_runs').set({ finished_at: nowIso(), summary: JSON.stringify(summary) }).where('job', '=', 'daily').where('run_date', '=', date).execute();
  await platform.audit.record(platform.db, JOB_ACTOR, { action: 'job.daily', detail: { ...summary } });
}

/** Titles and links of records, one query per record type (and per 500 ids). */
async function recordTitles(platform: Platform, clocks: readonly { record_type: string; record_id: string }[]): Promise<Map<string, { title: string; link: string | null; typeTitle: string }>> {
  const out = new Map<string, { title: string; link: string | null; typeTitle: string }>();
  const byType = new Map<string, Set<string>>();
  for (const c of clocks) {
    if (!byType.has(c.record_type)) byType.set(c.record_type, new Set());
    byType.get(c.record_type)!.add(c.record_id);
  }
  for (const [recordType, idSet] of byType) {
    const ids = [...idSet];
    const def = platform.workflows.get(recordType);
    const found = new Map<string, string>();
    if (def) {
      for (let i = 0; i < ids.length; i += 500) {
        const rows = await (platform.db as any).selectFrom(def.table).select(['id', sql.ref(def.titleColumn).as('title')]).where('id', 'in', ids.slice(i, i + 500)).execute();
        for (const r of rows as { id: string; title: string }[]) found.set(r.id, r.title);
      }
    }
    for (const id of ids) out.set(`${recordType}|${id}`, { title: found.get(id) ?? id, link: def ? `${def.linkPrefix}${id}` : null, typeTitle: def?.title ?? recordType });
  }
  return out;
}

/** Clocks escalated per transaction (each writes a notification, a timeline entry and an audit record). */
const ESCALATION_BATCH = 25;

/**
 * The law office people who see a unit, by unit: in a province, a county's law office hears of its
 * county's overdue clocks only; the province's (and a root county's) of every unit.
 */
async function lawOfficesByUnit(platform: Platform): Promise<(unitId: string) => string[]> {
  const directory = await unitDirectory(platform.db);
  const people = await platform.db.selectFrom('users as u').innerJoin('user_roles as r', 'r.user_id', 'u.id').innerJoin('org_units as o', 'o.id', 'u.unit_id').select(['u.id', 'o.path']).where('r.role', '=', 'law_office').where('u.disabled', '=', 0).execute();
  const byRoot = new Map<string, string[]>();
  for (const p of people) {
    const root = scopeRootPath(directory, ['law_office'], p.path) ?? '';
    byRoot.set(root, [...(byRoot.get(root) ?? []), p.id]);
  }
  return (unitId) => {
    const path = directory.byId.get(unitId)?.path ?? '';
    return [...byRoot].filter(([root]) => path.startsWith(root)).flatMap(([, ids]) => ids);
  };
}

/**
 * Escalates every overdue clock one level (unit head, then the law office). Lookups are made once
 * (heads per unit, unit names, record titles per type) and the writes go in short transactions of
 * a few clocks: after a bulk import, thousands of clocks can be overdue at once.
 */
async function escalateOverdue(platform: Platform, date: string, summary: DailySummary): Promise<void> {
  const { calendar } = await platform.deadlines.load();
  const overdue = await platform.db
    .selectFrom('clocks')
    .selectAll()
    .where('status', '=', 'running')
    .where('due_date', '<', date)
    .where('escalation_level', '<', 2)
    .orderBy('due_date')
    .execute();
  if (!overdue.length) return;
  const lawOfficeOf = await lawOfficesByUnit(platform);
  const heads = new Map<string, string[]>();
  for (const r of await platform.db.selectFrom('users as u').innerJoin('user_roles as r', 'r.user_id', 'u.id').select(['u.id', 'u.unit_id']).where('r.role', '=', 'unit_head').where('u.disabled', '=', 0).execute()) {
    if (!heads.has(r.unit_id)) heads.set(r.unit_id, []);
    heads.get(r.unit_id)!.push(r.id);
  }
  const unitNames = new Map((await platform.db.selectFrom('org_units').select(['id', 'name']).execute()).map((u) => [u.id, u.name]));
  const titles = await recordTitles(platform, overdue);
  const due = overdue.flatMap((clock) => {
    const overdueDays = workingDaysBetween(calendar, clock.due_date, date);
    const unitHeads = heads.get(clock.unit_id) ?? [];
    const target: 1 | 2 = overdueDays > platform.config.escalateAfterWorkingDays || unitHeads.length === 0 ? 2 : 1;
    return target <= clock.escalation_level ? [] : [{ clock, overdueDays, unitHeads, target }];
  });
  for (let i = 0; i < due.length; i += ESCALATION_BATCH) {
    // Between batches the write lock is free for a moment: requests' writes are not held back for the whole run.
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await platform.db.transaction().execute(async (tx) => {
      await platform.facts.lockForBulkWrite(tx);
      for (const { clock, overdueDays, unitHeads, target } of due.slice(i, i + ESCALATION_BATCH)) {
        const { title, link, typeTitle } = titles.get(`${clock.record_type}|${clock.record_id}`)!;
        const text = `${typeTitle}「${title}」的${clock.label}已于 ${clock.due_date} 届满，逾期 ${overdueDays} 个工作日（${unitNames.get(clock.unit_id) ?? ''}）`;
        const recipients = target === 1 ? unitHeads : [...new Set([...lawOfficeOf(clock.unit_id), ...unitHeads])];
        await notify(tx, recipients, {
          kind: 'escalation',
          title: target === 1 ? `督办：${title}` : `逾期报法治办：${title}`,
          body: text,
          link,
          recordType: clock.record_type,
          recordId: clock.record_id,
        });
        await tx.updateTable('clocks').set({ escalation_level: target, escalated_at: nowIso() }).where('id', '=', clock.id).execute();
        await addTimeline(tx, JOB_ACTOR, {
          recordType: clock.record_type,
          recordId: clock.record_id,
          action: 'clock.escalate',
          label: target === 1 ? `逾期督办：已提醒单位负责人（${clock.label}）` : `逾期督办：已报法治办（${clock.label}）`,
          note: text,
        });
        for (const mod of platform.modules) {
          if (mod.onEscalate && mod.workflows?.some((w) => w.recordType === clock.record_type)) await mod.onEscalate(tx, platform, clock, target);
        }
        await platform.audit.record(tx, JOB_ACTOR, { action: 'clock.escalate', targetType: 'clock', targetId: clock.id, detail: { level: target, recipients: recipients.length, overdueDays } });
        if (target === 1) summary.escalatedToUnitHead++;
        else summary.escalatedToLawOffice++;
      }
    });
  }
}

/**
 * One digest per person with something waiting. The open records are read one part of the
 * directory at a time (directoryParts) and matched in memory (records sorted by unit path, so a
 * subtree is one contiguous range); a digest adds up over the parts. People who see the same records
 * and may act on the same ones — the same roles, and the same subtree or every unit — share one
 * digest's working out: a province's law offices and leaders are a handful of such groups, not
 * hundreds of people each going through every open record. A province costs one query per record
 * type and part, and never holds all its open records at once (ten counties ran out of memory so).
 */
async function sendDigests(platform: Platform, date: string): Promise<number> {
  const rows = await platform.db
    .selectFrom('users as u')
    .innerJoin('org_units as o', 'o.id', 'u.unit_id')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id', 'o.path', 'r.role'])
    .where('u.disabled', '=', 0)
    .where('r.role', 'in', BUSINESS_ROLES as Role[])
    .execute();
  const users = new Map<string, { path: string; roles: Role[] }>();
  for (const r of rows) {
    const u = users.get(r.id) ?? { path: r.path, roles: [] };
    if (isRole(r.role)) u.roles.push(r.role);
    users.set(r.id, u);
  }
  const groups = new Map<string, DigestGroup>();
  const kindIds = new Map<string, number>();
  const directory = await unitDirectory(platform.db);
  for (const [id, u] of users) {
    // Grouped by what they see: a county's law office its county, the province's every unit.
    const path = scopeRootPath(directory, u.roles, u.path);
    const roles = [...u.roles].sort();
    const key = `${path ?? '*'}|${roles.join(',')}`;
    const group: DigestGroup = groups.get(key) ?? { path: path ?? '', roles, all: path === null, acts: [], userIds: [], digest: null };
    group.userIds.push(id);
    groups.set(key, group);
  }
  for (const unitIds of await directoryParts(platform)) {
    let open: OpenItem[] = [];
    for (const def of platform.workflows.values()) {
      const states = Object.keys(def.states).filter((s) => !def.states[s]!.final);
      // concat, not push(...): a county can have more open items than a call takes arguments.
      open = open.concat(await openItems(platform, def, states, { all: false, unitIds }, date, null));
    }
    open.sort((a, b) => (a.unitPath < b.unitPath ? -1 : a.unitPath > b.unitPath ? 1 : 0));
    const kinds = open.map((item) => kindOf(kindIds, item));
    for (const group of groups.values()) addToDigest(platform, group, open, kinds);
  }
  let sent = 0;
  for (const { userIds, digest } of groups.values()) {
    if (!digest) continue;
    const { count, red, yellow, first } = digest;
    const title = `${date} 待办 ${count} 项${red ? `，逾期 ${red} 项` : ''}${yellow ? `，临期 ${yellow} 项` : ''}`;
    const body = `最紧急：${first.typeTitle}「${first.title}」${first.clock ? `，${first.clock.label}届满 ${first.clock.due}` : ''}`;
    await notify(platform.db, userIds, { kind: 'digest', title, body, link: '/todo' });
    sent += userIds.length;
  }
  return sent;
}

interface DigestGroup {
  path: string;
  roles: Role[];
  all: boolean;
  /** Whether the group may act on an item of a kind (a record type in a status; see kindOf), worked out once. */
  acts: (boolean | undefined)[];
  userIds: string[];
  digest: { count: number; red: number; yellow: number; first: OpenItem } | null;
}

/** A small number for an item's record type and status, the same across parts. */
function kindOf(kindIds: Map<string, number>, item: OpenItem): number {
  const key = `${item.recordType}|${item.status}`;
  let kind = kindIds.get(key);
  if (kind === undefined) kindIds.set(key, (kind = kindIds.size));
  return kind;
}

/** Adds the open items of one part (sorted by unit path) that the group sees and may act on to its digest. */
function addToDigest(platform: Platform, group: DigestGroup, open: readonly OpenItem[], kinds: readonly number[]): void {
  for (let i = group.all ? 0 : firstAtOrAfter(open, group.path); i < open.length && (group.all || open[i]!.unitPath.startsWith(group.path)); i++) {
    const item = open[i]!;
    let acts = group.acts[kinds[i]!];
    if (acts === undefined) acts = group.acts[kinds[i]!] = primaryTransitions(platform.workflows.get(item.recordType)!, item.status, group.roles).length > 0;
    if (!acts) continue;
    const digest = (group.digest ??= { count: 0, red: 0, yellow: 0, first: item });
    digest.count++;
    if (item.clock?.light === 'red') digest.red++;
    if (item.clock?.light === 'yellow') digest.yellow++;
    if (byUrgency(item, digest.first) < 0) digest.first = item;
  }
}

/**
 * The units in parts of at most PART_UNITS, in path order: a county is one part, a province one
 * every county or so. A subtree that spans two parts is still one range in each.
 */
async function directoryParts(platform: Platform): Promise<string[][]> {
  const units = await platform.db.selectFrom('org_units').select('id').orderBy('path').execute();
  const parts: string[][] = [];
  for (let i = 0; i < units.length; i += PART_UNITS) parts.push(units.slice(i, i + PART_UNITS).map((u) => u.id));
  return parts;
}
const PART_UNITS = 100;

/** The first of the items (sorted by unit path) whose path is not before `path`. */
function firstAtOrAfter(open: readonly OpenItem[], path: string): number {
  let lo = 0;
  let hi = open.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (open[mid]!.unitPath < path) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
