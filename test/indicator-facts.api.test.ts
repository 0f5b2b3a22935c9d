// The summary tables behind the indicator figures stay exact after any write: on the demo county,
// rounds of random writes straight to the tables the figures read (moves between units, shifted and
// cleared dates, changed statuses, copies, deletions — no module code involved) are each followed
// by a comparison of every figure, from the summary tables, with a direct count of the records;
// then the same with two writer processes at once. The counts move by deltas in the writers'
// transactions: after the first count of a year, no write makes a read count again.
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createDemoEnv, TEST_DB, type TestEnv } from './harness.ts';
import { computeAll, computeAllDirect, scopeForUnitCode, type IndicatorDef } from '../src/server/kernel/indicators/registry.ts';
import { IndicatorFacts } from '../src/server/kernel/indicators/facts.ts';
import { foldIndicatorChanges, readGenerations } from '../src/server/kernel/db/generations.ts';
import { random, randomWrite, type Only } from './fixtures/random-writes.ts';
import { newId } from '../src/server/kernel/ids.ts';

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

/** A writer process (fixtures/indicator-writer.ts): COUNT transactions of random writes; resolves with how many committed. */
const writerProcess = (seed: number, count: number, tables: readonly string[], only: Only = {}) =>
  new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/run-ts.mjs', 'test/fixtures/indicator-writer.ts', String(seed), String(count), JSON.stringify(tables), JSON.stringify(only)], { env: env.cliEnv });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolve(Number(out.trim())) : reject(new Error(`writer ${seed} exited with ${code}: ${err}`))));
  });

/** Reads the county's figures, year after year, until `writing` says stop (years not yet asked for are counted the first time). */
async function readWhile(writing: () => boolean): Promise<void> {
  for (let year = 2018; writing(); year = year >= 2027 ? 2018 : year + 1) {
    await computeAll(env.platform, await scopeForUnitCode(env.platform, year, undefined));
    // SQLite answers synchronously: without a pause the loop would starve the writers' exit events.
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const byCode = (values: { code: string; value: number | null; lastYear: number | null }[]) => Object.fromEntries(values.map((v) => [v.code, [v.value, v.lastYear]]));

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
    const report = await env.platform.db.selectFrom('job_runs').select('summary').where('job', '=', 'indicators').executeTakeFirstOrThrow();
    expect(JSON.parse(report.summary!).drifts).toHaveLength(1);
    expect((await facts.rebuild({ repair: false })).drifts).toEqual([]);
    const scope = await scopeForUnitCode(env.platform, 2025, undefined);
    expect(byCode(await computeAll(env.platform, scope))).toEqual(byCode(await computeAllDirect(env.platform, scope)));
    // Three recounts of every stored set: ~10 s alone, three times that beside another test file.
  }, 120_000);

  it('recount every stored set with `fazhi indicators rebuild`, and say with --check whether any drifted', async () => {
    const fazhi = (...args: string[]) => spawnSync(process.execPath, ['bin/fazhi.mjs', ...args], { env: env.cliEnv, encoding: 'utf8', timeout: 120_000 });
    await computeAll(env.platform, await scopeForUnitCode(env.platform, 2025, undefined));
    const codes = [...env.platform.indicators.values()].filter((d) => d.kind === 'count').map((d) => d.code);
    // Rebuild recounts the sets kept by deltas; a figure without deltas is recounted on use anyway.
    const stored = (await env.platform.db.selectFrom('indicator_fact_sets').select('code').where('code', 'in', codes.filter((c) => !env.platform.facts.recounted.has(c))).execute()).length;
    const clean = fazhi('indicators', 'rebuild', '--check');
    expect(clean.status, clean.stderr).toBe(0);
    expect(clean.stdout).toContain('与记录不一致的 0 组');
    await env.platform.db.updateTable('indicator_facts').set({ n: 999 }).where('code', '=', 'review.received').where('year', '=', 2025).execute();
    const checked = fazhi('indicators', 'rebuild', '--check');
    expect(checked.status).toBe(1);
    expect(checked.stdout).toMatch(/偏差：review\.received 2025 年 .*多计/);
    const rebuilt = fazhi('indicators', 'rebuild');
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(rebuilt.stdout).toContain(`已重新统计 ${stored} 组汇总`);
    expect(rebuilt.stdout).toContain('与记录不一致的 1 组（已修复）');
    expect(fazhi('indicators', 'rebuild', '--check').status).toBe(0);
    const scope = await scopeForUnitCode(env.platform, 2025, undefined);
    expect(byCode(await computeAll(env.platform, scope))).toEqual(byCode(await computeAllDirect(env.platform, scope)));
  }, 120_000);

  it('stay exact with two writer processes at once, while figures are read and years counted the first time', async () => {
    const tables = env.platform.facts.tablesRead();
    const writers = Promise.all([writerProcess(7, 80, tables), writerProcess(11, 80, tables)]);
    // Meanwhile the figures are read, and years no one asked for yet are counted for the first time.
    let writing = true;
    const reading = readWhile(() => writing);
    const committed = await writers.finally(() => (writing = false));
    await reading;
    expect(committed.every((n) => n >= 20), `committed transactions: ${committed}`).toBe(true);
    for (let year = 2018; year <= 2027; year++) {
      for (const code of [undefined, units[1]!.code, units.at(-1)!.code]) {
        const scope = await scopeForUnitCode(env.platform, year, code);
        expect(byCode(await computeAll(env.platform, scope)), `${year} ${code ?? '全县'}`).toEqual(byCode(await computeAllDirect(env.platform, scope)));
      }
    }
    expect((await env.platform.facts.rebuild({ repair: false })).drifts).toEqual([]);
  }, 240_000);

  it('stay exact with two writer processes writing the same few records and their clocks at once', async () => {
    // Four disclosure requests and four reconsideration cases, and their clocks: the two writers
    // often write one record (or its clocks) at the same moment, and other records of its type.
    const pick = async (table: string, type: string): Promise<string[]> =>
      ((await (env.platform.db as any).selectFrom(`${table} as r`).select('r.id').where((eb: any) => eb.exists(eb.selectFrom('clocks as c').select('c.id').where('c.record_type', '=', type).whereRef('c.record_id', '=', 'r.id'))).orderBy('r.id').limit(4).execute()) as { id: string }[]).map((r) => r.id);
    const [foi, review] = [await pick('foi_requests', 'foi_request'), await pick('review_cases', 'review_case')];
    expect([foi.length, review.length]).toEqual([4, 4]);
    const only: Only = { foi_requests: { column: 'id', values: foi }, review_cases: { column: 'id', values: review }, clocks: { column: 'record_id', values: [...foi, ...review] } };
    const tables = ['foi_requests', 'review_cases', 'clocks', 'clocks'];
    let writing = true;
    const reading = readWhile(() => writing);
    const committed = await Promise.all([writerProcess(23, 60, tables, only), writerProcess(29, 60, tables, only)]).finally(() => (writing = false));
    await reading;
    expect(committed.every((n) => n >= 20), `committed transactions: ${committed}`).toBe(true);
    for (let year = 2018; year <= 2027; year++) {
      for (const code of [undefined, units[1]!.code, units.at(-1)!.code]) {
        const scope = await scopeForUnitCode(env.platform, year, code);
        expect(byCode(await computeAll(env.platform, scope)), `${year} ${code ?? '全县'}`).toEqual(byCode(await computeAllDirect(env.platform, scope)));
      }
    }
    expect((await env.platform.facts.rebuild({ repair: false })).drifts).toEqual([]);
  }, 240_000);

  // The figures' writers wait for one another per record (the record and its clocks), not per record
  // type: at province scale every disclosure request's clock write queued behind one lock.
  it.skipIf(TEST_DB !== 'postgres')('let two transactions write different records of one type and their clocks at once, while the same record waits', async () => {
    const db = env.platform.db;
    const [a, b] = await db.selectFrom('foi_requests as r').select(['r.id', 'r.unit_id']).where((eb) => eb.exists(eb.selectFrom('clocks as c').select('c.id').where('c.record_type', '=', 'foi_request').whereRef('c.record_id', '=', 'r.id'))).orderBy('r.id').limit(2).execute();
    const elsewhere = (unitId: string) => units.find((u) => u.id !== unitId)!.id;
    const moveClocks = (tx: typeof db, id: string, due: string) => tx.updateTable('clocks').set({ due_date: due }).where('record_type', '=', 'foi_request').where('record_id', '=', id).execute();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let wrote!: () => void;
    const firstWrote = new Promise<void>((resolve) => (wrote = resolve));
    // The first transaction writes request a and its clocks, then stays open.
    const first = db.transaction().execute(async (tx) => {
      await tx.updateTable('foi_requests').set({ unit_id: elsewhere(a!.unit_id) }).where('id', '=', a!.id).execute();
      await moveClocks(tx, a!.id, '2031-01-01');
      wrote();
      await held;
    });
    try {
      await firstWrote;
      // Another request, its clocks and a new clock of it: done while the first is still open.
      const started = performance.now();
      await db.transaction().execute(async (tx) => {
        await sql`set local lock_timeout = '5s'`.execute(tx);
        await tx.updateTable('foi_requests').set({ unit_id: elsewhere(b!.unit_id) }).where('id', '=', b!.id).execute();
        await moveClocks(tx, b!.id, '2031-01-02');
        const clock = await tx.selectFrom('clocks').selectAll().where('record_type', '=', 'foi_request').where('record_id', '=', b!.id).executeTakeFirstOrThrow();
        await tx.insertInto('clocks').values({ ...clock, id: newId(), clock_key: `${clock.clock_key}_copy` }).execute();
      });
      expect(performance.now() - started).toBeLessThan(5_000);
      // Request a's clocks wait for the first transaction (here: until the lock timeout).
      await expect(db.transaction().execute(async (tx) => {
        await sql`set local lock_timeout = '300ms'`.execute(tx);
        await moveClocks(tx, a!.id, '2031-01-03');
      })).rejects.toThrow(/lock timeout/);
    } finally {
      release();
      await first;
    }
    for (const year of [2025, 2026]) {
      const scope = await scopeForUnitCode(env.platform, year, undefined);
      expect(byCode(await computeAll(env.platform, scope)), String(year)).toEqual(byCode(await computeAllDirect(env.platform, scope)));
    }
    expect((await env.platform.facts.rebuild({ repair: false })).drifts).toEqual([]);
  });

  it('let writers touch the same tables in opposite orders at once without waiting on each other', async () => {
    // Different rows: only the generation bookkeeping is shared between the two writers.
    const [cases, clocks] = await Promise.all([
      env.platform.db.selectFrom('review_cases').select('id').limit(2).execute(),
      env.platform.db.selectFrom('clocks').select('id').limit(2).execute(),
    ]);
    const before = await readGenerations(env.platform.db);
    // Each transaction writes one table, waits until the other has written the other table, then
    // writes the other: with a shared generation row per table this deadlocks on PostgreSQL.
    let arrived = 0;
    const bothWrote = () => new Promise<void>((resolve) => {
      arrived++;
      const check = () => (arrived >= 2 ? resolve() : setTimeout(check, 5));
      check();
    });
    const touch = (first: 'review_cases' | 'clocks', n: 0 | 1) =>
      env.platform.db.transaction().execute(async (tx) => {
        const order = first === 'clocks' ? (['clocks', 'review_cases'] as const) : (['review_cases', 'clocks'] as const);
        for (const [i, table] of order.entries()) {
          await tx.updateTable(table).set({ updated_at: new Date().toISOString() }).where('id', '=', (table === 'clocks' ? clocks : cases)[n]!.id).execute();
          if (i === 0 && TEST_DB === 'postgres') await bothWrote();
        }
      });
    await Promise.all([touch('review_cases', 0), touch('clocks', 1)]);
    const after = await readGenerations(env.platform.db);
    expect(after.get('review_cases')).toBeGreaterThanOrEqual(before.get('review_cases')! + 2);
    expect(after.get('clocks')).toBeGreaterThanOrEqual(before.get('clocks')! + 2);
  });
});
