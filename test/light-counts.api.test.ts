// The 红黄牌 totals' summary table (kernel/workflow/light-counts.ts) stays exact after any clock write:
// on the demo county, rounds of random writes straight to `clocks` (single rows and whole sets of
// rows at once: moved between units, due dates shifted, stopped and restarted, inserted, deleted —
// no module code involved) are each followed by a comparison of the stored counts with a direct
// grouping of the running clocks; then as the day turns (and back), with two writer processes at
// once, and with a count changed behind the triggers' back (the daily check repairs and reports it).
import { spawn } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestEnv, TEST_DB, type TestEnv } from './harness.ts';
import { checkLightCounts, directLightCounts, rollLightCounts, storedLightCounts, type LightCount } from '../src/server/kernel/workflow/light-counts.ts';
import { lightsByUnit } from '../src/server/kernel/workflow/lights.ts';
import { chinaToday, fromDayNumber, toDayNumber } from '../src/server/kernel/calendar/days.ts';
import { newId } from '../src/server/kernel/ids.ts';
import { random, randomWrite, type Random } from './fixtures/random-writes.ts';

let env: TestEnv;
let unitIds: string[];
let rules: string[];

beforeAll(async () => {
  env = await createTestEnv();
  // The demo county's units and the modules whose records run clocks of several rules and kinds (set dates too).
  const withClocks = new Set(['org', 'foi', 'review', 'matters', 'plans', 'litigation', 'supervision']);
  for (const mod of env.platform.modules) if (mod.demo && withClocks.has(mod.name)) await mod.demo(env.platform, () => {});
  unitIds = (await env.platform.db.selectFrom('org_units').select('id').execute()).map((u) => u.id);
  rules = (await env.platform.db.selectFrom('deadline_rules').select('code').execute()).map((r) => r.code);
}, 240_000);
afterAll(() => env.close());
afterEach(() => {
  delete process.env.FAZHI_TODAY;
});

const addDays = (date: string, days: number) => fromDayNumber(toDayNumber(date) + days);
const pgSchema = () => (TEST_DB === 'postgres' ? env.config.pgSchema : null);
const sorted = (rows: LightCount[]) => rows.map((r) => `${r.unit_id}|${r.rule_code}|${r.due}|${r.n}`).sort();
const stored = () => storedLightCounts(env.platform.db, env.platform.dialect);
const direct = () => directLightCounts(env.platform.db);
const countedAt = async () => (await sql<{ counted_at: string }>`select counted_at from clock_light_state`.execute(env.platform.db)).rows[0]?.counted_at;

/** One random write to many clocks at once (one statement: PostgreSQL's statement triggers see them all). */
async function randomSetWrite(rnd: Random): Promise<string> {
  const db = env.platform.db;
  const unit = rnd.pick(unitIds);
  const kind = rnd.pick(['shift', 'stop', 'restart', 'move', 'insert', 'delete', 'rule'] as const);
  const today = chinaToday();
  if (kind === 'shift') {
    const days = rnd.pick([-40, -3, -1, 1, 2, 30]);
    const running = await db.selectFrom('clocks').select(['id', 'due_date']).where('unit_id', '=', unit).where('status', '=', 'running').execute();
    for (const c of running.slice(0, 3)) await db.updateTable('clocks').set({ due_date: addDays(c.due_date, days) }).where('id', '=', c.id).execute();
    await db.updateTable('clocks').set({ due_date: addDays(today, days) }).where('unit_id', '=', unit).where('status', '=', 'running').where('due_date', '>', today).execute();
  } else if (kind === 'stop') {
    await db.updateTable('clocks').set({ status: 'stopped', stopped_on: today }).where('unit_id', '=', unit).where('status', '=', 'running').execute();
  } else if (kind === 'restart') {
    await db.updateTable('clocks').set({ status: 'running', stopped_on: null }).where('unit_id', '=', unit).where('status', '=', 'stopped').execute();
  } else if (kind === 'move') {
    await db.updateTable('clocks').set({ unit_id: rnd.pick(unitIds) }).where('unit_id', '=', unit).execute();
  } else if (kind === 'rule') {
    await db.updateTable('clocks').set({ rule_code: rnd.pick(rules) }).where('unit_id', '=', unit).where('status', '=', 'running').execute();
  } else if (kind === 'insert') {
    const now = new Date().toISOString();
    const values = Array.from({ length: 1 + Math.floor(rnd.next() * 5) }, () => ({
      id: newId(), record_type: 'test', record_id: newId(), unit_id: unit, clock_key: 'k', label: '测试期限', rule_code: rnd.pick(rules),
      status: rnd.pick(['running', 'running', 'paused', 'stopped']), start_date: today, due_date: addDays(today, rnd.pick([-10, -1, 0, 1, 3, 20])),
      fixed_due: null, pauses: '[]', restarts: '[]', extended: 0, extension_note: null, provisional: 0, stopped_on: null, stop_reason: null,
      escalation_level: 0, escalated_at: null, version: 1, created_at: now, updated_at: now, updated_by: null,
    }));
    await db.insertInto('clocks').values(values).execute();
  } else {
    await db.deleteFrom('clocks').where('unit_id', '=', unit).where('record_type', '=', 'test').execute();
  }
  return `${kind} ${unit}`;
}

describe('红黄牌 summary table', () => {
  it('equals a direct grouping of the running clocks after every round of random writes, without counting again', async () => {
    const rnd = random(20261130);
    const first = await countedAt();
    expect(first).toBeTruthy();
    let compared = 0;
    for (let round = 0; round < 24; round++) {
      const log: string[] = [];
      for (let w = 0; w < 1 + Math.floor(rnd.next() * 4); w++) {
        log.push(rnd.next() < 0.5 ? await randomWrite(env.platform.db, pgSchema(), 'clocks', rnd, unitIds) : await randomSetWrite(rnd));
      }
      expect(sorted(await stored()), `round ${round}, after: ${log.join('; ')}`).toEqual(sorted(await direct()));
      compared++;
    }
    expect(compared).toBe(24);
    // The counts compared are not empty, and they were moved by the writes, never counted again.
    const rows = await direct();
    expect(rows.some((r) => r.due === '') && rows.some((r) => r.due !== '')).toBe(true);
    expect(await countedAt()).toBe(first);
    // The dashboard's totals add up to every running clock.
    const { units } = await lightsByUnit(env.platform, { all: true });
    const running = Number((await sql<{ n: number }>`select count(*) as n from clocks where status = 'running'`.execute(env.platform.db)).rows[0]!.n);
    expect(units.reduce((s, u) => s + u.red + u.yellow + u.green, 0)).toBe(running);
  }, 240_000);

  it('stays exact as the day turns, when the table is rolled to the new day, and when the day goes back', async () => {
    const rnd = random(7);
    const today = chinaToday();
    for (const offset of [1, 9, 45]) {
      process.env.FAZHI_TODAY = addDays(today, offset);
      // Not rolled yet: the read collapses by the new day.
      expect(sorted(await stored()), `+${offset}, not rolled`).toEqual(sorted(await direct()));
      await rollLightCounts(env.platform.db, env.platform.dialect, true);
      const dated = await sql<{ n: number }>`select count(*) as n from clock_light_counts where due_date <> '' and due_date < ${chinaToday()}`.execute(env.platform.db);
      expect(Number(dated.rows[0]!.n)).toBe(0);
      for (let w = 0; w < 4; w++) await randomSetWrite(rnd);
      expect(sorted(await stored()), `+${offset}, rolled, after writes`).toEqual(sorted(await direct()));
    }
    // Back to today: rows collapsed as of a later day cannot be split again, so the table is counted afresh.
    delete process.env.FAZHI_TODAY;
    expect(sorted(await stored())).toEqual(sorted(await direct()));
    await randomSetWrite(rnd);
    expect(sorted(await stored())).toEqual(sorted(await direct()));
  }, 120_000);

  it('stays exact with two writer processes at once while the totals are read', async () => {
    const writer = (seed: number) =>
      new Promise<number>((resolve, reject) => {
        const child = spawn(process.execPath, ['bin/run-ts.mjs', 'test/fixtures/indicator-writer.ts', String(seed), '80', JSON.stringify(['clocks'])], { env: env.cliEnv });
        let out = '';
        let err = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (err += d));
        child.on('exit', (code) => (code === 0 ? resolve(Number(out.trim())) : reject(new Error(`writer ${seed} exited with ${code}: ${err}`))));
      });
    const first = await countedAt();
    const writers = Promise.all([writer(5), writer(13)]);
    let writing = true;
    let reads = 0;
    const reading = (async () => {
      while (writing) {
        await lightsByUnit(env.platform, { all: true });
        reads++;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const committed = await writers.finally(() => (writing = false));
    await reading;
    expect(committed.every((n) => n >= 20), `committed transactions: ${committed}`).toBe(true);
    expect(reads).toBeGreaterThan(0);
    expect(sorted(await stored())).toEqual(sorted(await direct()));
    expect(await countedAt()).toBe(first);
  }, 240_000);

  it('folds PostgreSQL\'s appended deltas without changing a count', async () => {
    await randomSetWrite(random(3));
    const before = sorted(await stored());
    await rollLightCounts(env.platform.db, env.platform.dialect, true);
    if (TEST_DB === 'postgres') expect(Number((await sql<{ n: number }>`select count(*) as n from clock_light_deltas`.execute(env.platform.db)).rows[0]!.n)).toBe(0);
    expect(sorted(await stored())).toEqual(before);
    expect(before).toEqual(sorted(await direct()));
  });

  it('find no drift, and repair and report a count changed behind the triggers\' back', async () => {
    expect(await checkLightCounts(env.platform.db, env.platform.dialect)).toEqual([]);
    const row = (await sql<{ unit_id: string; rule_code: string; due_date: string }>`select unit_id, rule_code, due_date from clock_light_counts where n > 0 limit 1`.execute(env.platform.db)).rows[0]!;
    await sql`update clock_light_counts set n = n + 3 where unit_id = ${row.unit_id} and rule_code = ${row.rule_code} and due_date = ${row.due_date}`.execute(env.platform.db);
    const drifts = await checkLightCounts(env.platform.db, env.platform.dialect);
    expect(drifts).toEqual([{ unitId: row.unit_id, ruleCode: row.rule_code, due: row.due_date, off: 3 }]);
    const run = await env.platform.db.selectFrom('job_runs').select('summary').where('job', '=', 'lights').where('run_date', '=', chinaToday()).executeTakeFirstOrThrow();
    expect(JSON.parse(run.summary!).driftCount).toBe(1);
    expect(sorted(await stored())).toEqual(sorted(await direct()));
    expect(await checkLightCounts(env.platform.db, env.platform.dialect)).toEqual([]);
  });
});
