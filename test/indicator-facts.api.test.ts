// The summary tables behind the indicator figures stay exact after any write: on the demo county,
// rounds of random writes straight to the tables the figures read (moves between units, shifted and
// cleared dates, changed statuses, copies, deletions — no module code involved) are each followed
// by a comparison of every figure, from the summary tables, with a direct count of the records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, TEST_DB, type TestEnv } from './harness.ts';
import { computeAll, computeAllDirect, scopeForUnitCode } from '../src/server/kernel/indicators/registry.ts';
import { IndicatorFacts } from '../src/server/kernel/indicators/facts.ts';
import { foldIndicatorChanges, readGenerations } from '../src/server/kernel/db/generations.ts';
import { newId } from '../src/server/kernel/ids.ts';

let env: TestEnv;
let units: { id: string; code: string }[];

beforeAll(async () => {
  env = await createTestEnv();
  for (const mod of env.platform.modules) if (mod.demo) await mod.demo(env.platform, () => {});
  units = await env.platform.db.selectFrom('org_units').select(['id', 'code']).orderBy('code').execute();
}, 240_000);
afterAll(() => env.close());

// A small seeded generator, so that a failure replays.
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

async function columnsOf(table: string) {
  const tables = await env.platform.db.introspection.getTables();
  const t = tables.find((x) => x.name === table && (TEST_DB === 'sqlite' || x.schema === env.config.pgSchema));
  return t!.columns;
}

/** One random write to a random row of the table; a write the schema refuses (a foreign key, a NOT NULL) changes nothing. */
async function randomWrite(table: string, rnd: ReturnType<typeof random>): Promise<string> {
  const db = env.platform.db as any;
  const rows = await db.selectFrom(table).selectAll().execute();
  if (!rows.length) return `${table}: empty`;
  const row = rnd.pick(rows) as Record<string, any>;
  const columns = await columnsOf(table);
  const dates = columns.filter((c) => /_date$|_on$/.test(c.name) && typeof row[c.name] !== 'number');
  const enums = columns.filter((c) => ['status', 'outcome', 'kind', 'procedure', 'result', 'severity'].includes(c.name));
  const kind = rnd.pick(['move', 'date', 'enum', 'copy', 'delete'] as const);
  try {
    if (kind === 'move' && columns.some((c) => c.name === 'unit_id')) {
      await db.updateTable(table).set({ unit_id: rnd.pick(units).id }).where('id', '=', row.id).execute();
    } else if (kind === 'date' && dates.length) {
      const col = rnd.pick(dates);
      const shifted = row[col.name] ? `${Number(String(row[col.name]).slice(0, 4)) + rnd.pick([-1, 1])}${String(row[col.name]).slice(4)}` : '2025-06-30';
      await db.updateTable(table).set({ [col.name]: col.isNullable && rnd.next() < 0.3 ? null : shifted }).where('id', '=', row.id).execute();
    } else if (kind === 'enum' && enums.length) {
      const col = rnd.pick(enums);
      await db.updateTable(table).set({ [col.name]: rnd.pick(rows.map((r: any) => r[col.name])) }).where('id', '=', row.id).execute();
    } else if (kind === 'copy') {
      const copy: Record<string, any> = { ...row, id: newId() };
      for (const c of columns) if (['code', 'ref', 'number'].includes(c.name) && typeof copy[c.name] === 'string') copy[c.name] = `${copy[c.name]}-${copy.id.slice(0, 6)}`;
      await db.insertInto(table).values(copy).execute();
    } else if (kind === 'delete') {
      await db.deleteFrom(table).where('id', '=', row.id).execute();
    } else return `${table}: ${kind} n/a`;
  } catch (error) {
    return `${table}: ${kind} refused (${(error as Error).message.slice(0, 60)})`;
  }
  return `${table}: ${kind} ${row.id}`;
}

const byCode = (values: { code: string; value: number | null; lastYear: number | null }[]) => Object.fromEntries(values.map((v) => [v.code, [v.value, v.lastYear]]));

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
      for (let w = 0; w < writes; w++) log.push(await randomWrite(rnd.pick(tables), rnd));
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

  it('serve a cold start from the stored sets and recount a set only when its tables were written', async () => {
    const scope = await scopeForUnitCode(env.platform, 2025, undefined);
    const warm = byCode(await computeAll(env.platform, scope));
    const cold = new IndicatorFacts(env.platform.db, env.platform.dialect, env.platform.indicators);
    await cold.install();
    const recounts: string[] = [];
    const original = (cold as any).recount.bind(cold);
    (cold as any).recount = (def: any, ...rest: unknown[]) => (recounts.push(def.code), original(def, ...rest));
    const codes = [...env.platform.indicators.values()].filter((d) => d.kind === 'count').map((d) => d.code);
    const at = await cold.load(codes, [2025]);
    expect(recounts).toEqual([]);
    expect(at('review.received', 2025).size).toBeGreaterThan(0);
    expect([...at('review.received', 2025).values()].reduce((a, b) => a + b, 0)).toBe(warm['review.received']![0]);

    const someCase = await env.platform.db.selectFrom('review_cases').select('id').where('received_date', '>=', '2025-01-01').where('received_date', '<=', '2025-12-31').executeTakeFirstOrThrow();
    await env.platform.db.deleteFrom('review_cases').where('id', '=', someCase.id).execute().catch(() => env.platform.db.updateTable('review_cases').set({ received_date: '2019-01-01' }).where('id', '=', someCase.id).execute());
    const after = await cold.load(codes, [2025]);
    expect(recounts.length).toBeGreaterThan(0);
    expect(recounts.every((c) => c.startsWith('review.'))).toBe(true);
    expect([...after('review.received', 2025).values()].reduce((a, b) => a + b, 0)).toBe(warm['review.received']![0]! - 1);
  });

  it('recount only the figures of the record type whose clock was written', async () => {
    const facts = new IndicatorFacts(env.platform.db, env.platform.dialect, env.platform.indicators);
    await facts.install(['clocks', 'org_units']);
    expect(facts.generationKeys('review.decided_on_time')).toEqual(['clocks:review_case', 'review_cases']);
    const codes = [...env.platform.indicators.values()].filter((d) => d.kind === 'count').map((d) => d.code);
    await facts.load(codes, [2025]);
    const recounts: string[] = [];
    const original = (facts as any).recount.bind(facts);
    (facts as any).recount = (def: any, ...rest: unknown[]) => (recounts.push(def.code), original(def, ...rest));
    const taskClock = await env.platform.db.selectFrom('clocks').select(['id', 'due_date']).where('record_type', '=', 'task').executeTakeFirstOrThrow();
    await env.platform.db.updateTable('clocks').set({ due_date: taskClock.due_date }).where('id', '=', taskClock.id).execute();
    await facts.load(codes, [2025]);
    expect(recounts).toEqual(['tasks.overdue']);
    recounts.length = 0;
    const reviewClock = await env.platform.db.selectFrom('clocks').select(['id', 'due_date']).where('record_type', '=', 'review_case').executeTakeFirstOrThrow();
    await env.platform.db.updateTable('clocks').set({ due_date: reviewClock.due_date }).where('id', '=', reviewClock.id).execute();
    await facts.load(codes, [2025]);
    expect(recounts).toEqual(['review.decided_on_time']);
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
