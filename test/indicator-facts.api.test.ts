// The summary tables behind the indicator figures stay exact after any write: on the demo county,
// rounds of random writes straight to the tables the figures read (moves between units, shifted and
// cleared dates, changed statuses, copies, deletions — no module code involved) are each followed
// by a comparison of every figure, from the summary tables, with a direct count of the records
// (several writers at once: indicator-writers.api.test.ts). The counts move by deltas in the writers'
// transactions: after the first count of a year, no write makes a read count again.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createDemoEnv, TEST_DB, type TestEnv } from './harness.ts';
import { computeAll, computeAllDirect, scopeForUnitCode, type IndicatorDef } from '../src/server/kernel/indicators/registry.ts';
import { IndicatorFacts } from '../src/server/kernel/indicators/facts.ts';
import { FOLD_CHANGES_AFTER, foldChanges, foldInFlight, foldIndicatorChanges, readGenerations } from '../src/server/kernel/db/generations.ts';
import { random, randomWrite } from './fixtures/random-writes.ts';
import { byCode } from './fixtures/indicator-checks.ts';

let env: TestEnv;
let units: { id: string; code: string }[];

beforeAll(async () => {
  env = await createDemoEnv();
  units = await env.platform.db.selectFrom('org_units').select(['id', 'code']).orderBy('code').execute();
}, 600_000); // the first suite of a run generates the demo template (createDemoEnv)
afterAll(() => env.close());

const pgSchema = () => (TEST_DB === 'postgres' ? env.config.pgSchema : null);
const unitIds = () => units.map((u) => u.id);

/** Counts the calls of a facts engine's materialise (first count of a year) and recount (a figure without deltas). */
function countsOf(facts: IndicatorFacts): string[] {
  const calls: string[] = [];
  for (const method of ['materialise', 'recount'] as const) {
    const original = (facts as any)[method].bind(facts);
    (facts as any)[method] = (w: { def: { code: string } }) => (calls.push(`${method} ${w.def.code}`), original(w));
  }
  return calls;
}


/**
 * Figures of a shape no delta expresses, recounted when a table they read is written: 持有效执法证人员
 * (an officer counts unless a later suspension or revocation exists — a NOT EXISTS); the final
 * assessment's units and grades (a result counts once its scheme, another table, is final); the
 * public's comments on draft decisions (those on record and, by a UNION, those an import recorded
 * as a count on the decision); the year's 行政事业性收费 (a year column, no date to bucket by).
 */
const FIGURES_WITHOUT_DELTAS = new Set(['enforcement.certified', 'foi.fees_collected', 'decisions.public_comments', 'services.statutory_days', 'services.days_saved', 'services.cases', 'audit.amount_fen', 'pufa.audience', 'study.training_attendance', 'study.exam_takers', 'study.exam_passed', 'legal_aid.wages_recovered_fen', 'notary.cases', 'legal_services.consultations', 'legal_services.station_staff', 'assessment.units', 'assessment.score_sum', 'assessment.excellent', 'assessment.failed']);

describe('indicator summary tables', () => {
  it('put a generation trigger on every table a figure reads', () => {
    const read = env.platform.facts.tablesRead();
    for (const t of ['review_cases', 'clocks', 'tasks', 'plans', 'findings', 'foi_requests']) expect(read).toContain(t);
  });

  it('give the same figures as a direct count after every round of random writes', async () => {
    const rnd = random(20261121);
    const tables = env.platform.facts.tablesRead();
    const years = [2024, 2025, 2026];
    let compared = 0;
    for (let round = 0; round < 12; round++) {
      const log: string[] = [];
      const writes = 1 + Math.floor(rnd.next() * 4);
      for (let w = 0; w < writes; w++) log.push(await randomWrite(env.platform.db, pgSchema(), rnd.pick(tables), rnd, unitIds()));
      // Folding PostgreSQL's change log (the daily job) keeps every generation as it was.
      if (round % 4 === 3) {
        const before = await readGenerations(env.platform.db);
        await foldIndicatorChanges(env.platform.db, env.platform.dialect);
        expect(await readGenerations(env.platform.db)).toEqual(before);
      }
      for (const scopeCode of [undefined, rnd.pick(units).code, rnd.pick(units).code]) {
        const scope = await scopeForUnitCode(env.platform, rnd.pick(years), scopeCode);
        const [fast, direct] = await Promise.all([computeAll(env.platform, scope), computeAllDirect(env.platform, scope)]);
        expect(byCode(fast), `round ${round}, unit ${scopeCode ?? '全县'}, year ${scope.year}, after: ${log.join('; ')}`).toEqual(byCode(direct));
        compared++;
      }
    }
    expect(compared).toBe(36);
    // The figures are not all zero: the comparison compared something.
    const county = await computeAllDirect(env.platform, await scopeForUnitCode(env.platform, 2025, undefined));
    expect(county.filter((v) => v.kind === 'count' && (v.value ?? 0) > 0).length).toBeGreaterThan(10);
  }, 240_000);

  it('serve a cold start from the stored sets, and after a write reread the stored counts without counting', async () => {
    const scope = await scopeForUnitCode(env.platform, 2025, undefined);
    const warm = byCode(await computeAll(env.platform, scope));
    const cold = new IndicatorFacts(env.platform.db, env.platform.dialect, env.platform.indicators);
    await cold.install();
    // Figures whose shape takes no delta are the deliberate exceptions, each with its reason.
    expect([...cold.recounted.keys()]).toEqual([...FIGURES_WITHOUT_DELTAS]);
    for (const reason of cold.recounted.values()) expect(reason).toBeTruthy();
    const counted = countsOf(cold);
    const codes = [...env.platform.indicators.values()].filter((d) => d.kind === 'count').map((d) => d.code);
    const at = await cold.load(codes, [2025]);
    expect(counted).toEqual([]);
    expect(at('review.received', 2025).size).toBeGreaterThan(0);
    expect([...at('review.received', 2025).values()].reduce((a, b) => a + b, 0)).toBe(warm['review.received']![0]);

    const someCase = await env.platform.db.selectFrom('review_cases').select('id').where('received_date', '>=', '2025-01-01').where('received_date', '<=', '2025-12-31').executeTakeFirstOrThrow();
    await env.platform.db.deleteFrom('review_cases').where('id', '=', someCase.id).execute().catch(() => env.platform.db.updateTable('review_cases').set({ received_date: '2019-01-01' }).where('id', '=', someCase.id).execute());
    const after = await cold.load(codes, [2025]);
    expect(counted).toEqual([]);
    expect([...after('review.received', 2025).values()].reduce((a, b) => a + b, 0)).toBe(warm['review.received']![0]! - 1);
  });

  it('move "on time" and "overdue" figures by a clock write, counting nothing', async () => {
    const facts = new IndicatorFacts(env.platform.db, env.platform.dialect, env.platform.indicators);
    await facts.install(['clocks', 'org_units']);
    expect(facts.generationKeys('review.decided_on_time')).toEqual(['clocks:review_case', 'review_cases']);
    const codes = [...env.platform.indicators.values()].filter((d) => d.kind === 'count').map((d) => d.code);
    await facts.load(codes, [2025, 2026]);
    const counted = countsOf(facts);
    for (const [type, due] of [['task', '2020-01-01'], ['task', '2099-12-31'], ['review_case', '2020-01-01'], ['foi_request', '2099-12-31']] as const) {
      const clock = await env.platform.db.selectFrom('clocks').select('id').where('record_type', '=', type).executeTakeFirstOrThrow();
      await env.platform.db.updateTable('clocks').set({ due_date: due, status: 'running' }).where('id', '=', clock.id).execute();
      const at = await facts.load(codes, [2025, 2026]);
      for (const year of [2025, 2026]) {
        const direct = byCode(await computeAllDirect(env.platform, await scopeForUnitCode(env.platform, year, undefined)));
        for (const code of ['tasks.overdue', 'review.decided_on_time', 'foi.replied_on_time']) {
          expect([...at(code, year).values()].reduce((a, b) => a + b, 0), `${code} ${year} after a ${type} clock due ${due}`).toBe(direct[code]![0]);
        }
      }
    }
    expect(counted).toEqual([]);
  });

  // At province scale (6 M records) the planner's estimate for a clock write's deltas set off JIT
  // compilation that took 10–11 s per write, for queries that then ran in milliseconds.
  it.skipIf(TEST_DB !== 'postgres')('run the delta triggers of PostgreSQL without JIT compilation', async () => {
    const { rows } = await sql<{ name: string; config: string[] | null }>`select p.proname as name, p.proconfig as config from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = ${pgSchema()} and p.proname like 'indicator\\_delta\\_%' and p.proname not like '%\\_truncate\\_%'`.execute(env.platform.db);
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.filter((r) => !r.config?.includes('jit=off')).map((r) => r.name)).toEqual([]);
  });

  it.skipIf(TEST_DB !== 'postgres')('fold the change rows a read finds piling up, in the background, keeping every generation and waiting for no writer', async () => {
    const db = env.platform.db;
    await foldChanges(db, env.platform.dialect, true);
    const changeRows = async () => Number((await sql<{ n: number }>`select count(*) as n from indicator_changes`.execute(db)).rows[0]!.n);
    expect(await changeRows()).toBe(0);
    const before = await readGenerations(db);
    const [busy, waiting] = [...before.keys()];
    // A writer whose transaction stays open over the fold: its change rows are not committed yet.
    const writer = await db.startTransaction().execute();
    try {
      await sql`insert into indicator_changes (table_name) select ${waiting} from generate_series(1, 7)`.execute(writer);
      // Committed writes: more change rows than a read lets pile up.
      await sql`insert into indicator_changes (table_name) select ${busy} from generate_series(1, ${FOLD_CHANGES_AFTER + 5})`.execute(db);
      const piled = new Map([...before, [busy!, before.get(busy!)! + FOLD_CHANGES_AFTER + 5]]);
      expect(await readGenerations(db)).toEqual(piled);
      expect(foldInFlight(db), 'the read started a fold').toBeDefined();
      await foldInFlight(db);
      expect(await changeRows()).toBe(0);
      expect(await readGenerations(db)).toEqual(piled);
      await writer.commit().execute();
    } catch (error) {
      await writer.rollback().execute();
      throw error;
    }
    // The writer's rows, committed after the fold, count from then on.
    expect(await changeRows()).toBe(7);
    expect(await readGenerations(db)).toEqual(new Map([...before, [busy!, before.get(busy!)! + FOLD_CHANGES_AFTER + 5], [waiting!, before.get(waiting!)! + 7]]));
  });

  it.skipIf(TEST_DB !== 'postgres')("fold the figures' deltas without waiting for a writer: every stored count keeps its value, and the writer's deltas count once it commits", async () => {
    const db = env.platform.db;
    const facts = env.platform.facts;
    await computeAll(env.platform, await scopeForUnitCode(env.platform, 2025, undefined));
    const [a, b] = await db.selectFrom('indicator_fact_sets').select('code').where('year', '=', 2025).orderBy('code').limit(2).execute();
    const unit = units[1]!.id;
    const totals = async () =>
      new Map(
        (await sql<{ code: string; n: string }>`select code, sum(n) as n from (select code, n from indicator_facts where year = 2025 union all select code, n from indicator_deltas where year = 2025) d where code in (${a!.code}, ${b!.code}) group by code`.execute(db)).rows.map((r) => [r.code, Number(r.n)]),
      );
    const deltaRows = async () => Number((await sql<{ n: string }>`select count(*) as n from indicator_deltas`.execute(db)).rows[0]!.n);
    await facts.fold(true);
    expect(await deltaRows()).toBe(0);
    const before = await totals();
    const writer = await db.startTransaction().execute();
    try {
      await sql`insert into indicator_deltas (code, year, unit_id, n) values (${a!.code}, 2025, ${unit}, 7)`.execute(writer);
      // Committed meanwhile: more deltas than a read lets pile up, adding up to nothing.
      await sql`insert into indicator_deltas (code, year, unit_id, n) select ${b!.code}, 2025, ${unit}, case when g % 2 = 0 then 1 else -1 end from generate_series(1, 1200) g`.execute(db);
      const held = new Promise((_, reject) => setTimeout(() => reject(new Error('the fold waited for the writer')), 10_000));
      await Promise.race([facts.fold(false), held]);
      expect(await deltaRows(), "only the writer's delta, not committed yet, is left").toBe(0);
      expect(await totals()).toEqual(before);
      await writer.commit().execute();
    } catch (error) {
      await writer.rollback().execute();
      throw error;
    }
    expect(await deltaRows()).toBe(1);
    expect((await totals()).get(a!.code)).toBe(before.get(a!.code)! + 7);
    await sql`insert into indicator_deltas (code, year, unit_id, n) values (${a!.code}, 2025, ${unit}, -7)`.execute(db);
    await facts.fold(true);
    expect(await deltaRows()).toBe(0);
    expect(await totals()).toEqual(before);
  });

  it('count a figure whose shape takes no delta afresh after a write to a table it reads', async () => {
    // NOT EXISTS: a record leaves the figure when a row appears elsewhere, which no delta of that row expresses.
    const withoutClock: IndicatorDef = {
      code: 'test.without_clock',
      name: '无期限的复议案件',
      measure: '件',
      kind: 'count',
      definition: '测试',
      recordType: 'review_case',
      linkPrefix: null,
      records: (db, y) =>
        db
          .selectFrom('review_cases')
          .select(['id', 'title', 'unit_id', 'received_date as date'])
          .where('received_date', '>=', `${y}-01-01`)
          .where('received_date', '<=', `${y}-12-31`)
          .where((eb) => eb.not(eb.exists(eb.selectFrom('clocks as c').select('c.id').whereRef('c.record_id', '=', 'review_cases.id')))),
    };
    const defs = new Map([...env.platform.indicators, [withoutClock.code, withoutClock]]);
    const facts = new IndicatorFacts(env.platform.db, env.platform.dialect, defs);
    await facts.install(['clocks', 'org_units']);
    expect(facts.recounted.get('test.without_clock')).toContain('NOT EXISTS');
    const direct = async () => Number((await env.platform.db.selectFrom(withoutClock.records(env.platform.db, 2025).as('x')).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
    const counted = countsOf(facts);
    const total = async () => [...(await facts.load([withoutClock.code], [2025]))(withoutClock.code, 2025).values()].reduce((a, b) => a + b, 0);
    expect(await total()).toBe(await direct());
    const someCase = await env.platform.db.selectFrom('review_cases').select('id').where('received_date', '>=', '2025-01-01').where('received_date', '<=', '2025-12-31').executeTakeFirstOrThrow();
    await env.platform.db.deleteFrom('clocks').where('record_id', '=', someCase.id).execute();
    expect(await total()).toBe(await direct());
    expect(counted).toEqual(['recount test.without_clock', 'recount test.without_clock']);
  });

  it('find no drift, and repair and report a set changed behind the triggers\' back', async () => {
    const facts = env.platform.facts;
    await computeAll(env.platform, await scopeForUnitCode(env.platform, 2025, undefined));
    expect((await facts.rebuild({ repair: false })).drifts).toEqual([]);
    const row = await env.platform.db.selectFrom('indicator_facts').select(['unit_id', 'n']).where('code', '=', 'mediation.disputes').where('year', '=', 2025).executeTakeFirstOrThrow();
    await env.platform.db.updateTable('indicator_facts').set({ n: row.n + 3 }).where('code', '=', 'mediation.disputes').where('year', '=', 2025).where('unit_id', '=', row.unit_id).execute();
    const nightly = await facts.nightly();
    expect(nightly.drifts).toEqual([{ code: 'mediation.disputes', year: 2025, units: [{ unitId: row.unit_id, off: 3 }] }]);
    // The latest report: a run that crosses midnight (China time) has one from an earlier test the day before.
    const report = await env.platform.db.selectFrom('job_runs').select('summary').where('job', '=', 'indicators').orderBy('run_date', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(report.summary!).drifts).toHaveLength(1);
    expect((await facts.rebuild({ repair: false })).drifts).toEqual([]);
    const scope = await scopeForUnitCode(env.platform, 2025, undefined);
    expect(byCode(await computeAll(env.platform, scope))).toEqual(byCode(await computeAllDirect(env.platform, scope)));
    // Three recounts of every stored set: ~10 s alone, three times that beside another test file.
  }, 120_000);

  it('recount every stored set with `fazhi indicators rebuild`, and say with --check whether any drifted', async () => {
    // spawnSync stops this process's event loop: a fold a read of ours started in the background would
    // hold its advisory lock until then, and the command's own fold would wait for it (PostgreSQL).
    const fazhi = async (...args: string[]) => {
      await env.platform.facts.fold(true);
      await foldInFlight(env.platform.db);
      return spawnSync(process.execPath, ['bin/fazhi.mjs', ...args], { env: env.cliEnv, encoding: 'utf8', timeout: 120_000 });
    };
    await computeAll(env.platform, await scopeForUnitCode(env.platform, 2025, undefined));
    const codes = [...env.platform.indicators.values()].filter((d) => d.kind === 'count').map((d) => d.code);
    // Rebuild recounts the sets kept by deltas; a figure without deltas is recounted on use anyway.
    const stored = (await env.platform.db.selectFrom('indicator_fact_sets').select('code').where('code', 'in', codes.filter((c) => !env.platform.facts.recounted.has(c))).execute()).length;
    const clean = await fazhi('indicators', 'rebuild', '--check');
    expect(clean.status, clean.stderr).toBe(0);
    expect(clean.stdout).toContain('与记录不一致的 0 组');
    await env.platform.db.updateTable('indicator_facts').set({ n: 999 }).where('code', '=', 'review.received').where('year', '=', 2025).execute();
    const checked = await fazhi('indicators', 'rebuild', '--check');
    expect(checked.status).toBe(1);
    expect(checked.stdout).toMatch(/偏差：review\.received 2025 年 .*多计/);
    const rebuilt = await fazhi('indicators', 'rebuild');
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(rebuilt.stdout).toContain(`已重新统计 ${stored} 组汇总`);
    expect(rebuilt.stdout).toContain('与记录不一致的 1 组（已修复）');
    expect((await fazhi('indicators', 'rebuild', '--check')).status).toBe(0);
    const scope = await scopeForUnitCode(env.platform, 2025, undefined);
    expect(byCode(await computeAll(env.platform, scope))).toEqual(byCode(await computeAllDirect(env.platform, scope)));
  }, 120_000);

});
