// The 驾驶舱 for one unit: a liaison or a department head sees their unit placed among the units of
// its 考评类别 (rank, the category's average and best), computed as the law office's ranking says,
// without another unit's name leaving the law office's scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoEnv, loggedIn, makeUser, type Agent, type TestEnv } from './harness.ts';
import { generationReads, readGenerations } from '../src/server/kernel/db/generations.ts';
import { sql } from 'kysely';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { DEMO_PASSWORD } from '../src/server/modules/org/demo.ts';
import { chinaToday } from '../src/server/kernel/calendar/days.ts';
import { computeAll, indicatorByUnit, scopeForUnitCode } from '../src/server/kernel/indicators/registry.ts';
import { watchStatements } from './fixtures/pg-statements.ts';

let env: TestEnv;
let office: Agent;
let liaison: Agent;
const lastYear = Number(chinaToday().slice(0, 4)) - 1;

beforeAll(async () => {
  env = await createDemoEnv();
  office = await loggedIn(env.app, 'fzb_wang', DEMO_PASSWORD);
  liaison = await loggedIn(env.app, 'jyj_liaison', DEMO_PASSWORD);
}, 600_000); // the first suite of a run generates the demo template (createDemoEnv)
afterAll(() => env.close());

describe('the unit ranking for a scope of one unit', () => {
  // Overdue tasks are as of today: this year's.
  for (const [code, year] of [['foi.requests', lastYear], ['foi.on_time_rate', lastYear], ['tasks.overdue', lastYear + 1]] as const) {
    it(`${code} of ${year}: the unit's rank, its category's average and best, as in the law office's ranking`, async () => {
      const own = (await liaison.get(`/api/v1/indicators/${code}/by-unit?year=${year}`)).json();
      expect(own.items.length).toBeLessThanOrEqual(1);
      const everyone = (await office.get(`/api/v1/indicators/${code}/by-unit?year=${year}`)).json().items as { unitCode: string; unitName: string; category: string | null; value: number | null }[];
      expect(everyone.length).toBeGreaterThan(0);
      // Every active department, with 0 for a count it has no record of (no value for a rate).
      const departments = await env.platform.db.selectFrom('org_units').select(['code']).where('category', '=', '部门').where('active', '=', 1).execute();
      const kind = code.endsWith('_rate') ? 'rate' : 'count';
      const valueOf = (unitCode: string) => everyone.find((u) => u.unitCode === unitCode)?.value ?? (kind === 'count' ? 0 : null);
      const peers = departments.map((d) => valueOf(d.code)).filter((v): v is number => v !== null);
      const mine = valueOf('SFX-D03');
      if (peers.length === 0) return expect(own.peers).toBeNull();
      const lowFirst = code === 'tasks.overdue';
      expect(own.peers).toMatchObject({ category: '部门', value: mine, units: peers.length, best: lowFirst ? Math.min(...peers) : Math.max(...peers) });
      expect(own.peers.average).toBeCloseTo(peers.reduce((a, b) => a + b, 0) / peers.length, 10);
      expect(own.peers.rank).toBe(mine === null ? null : peers.filter((v) => (lowFirst ? v < mine : v > mine)).length + 1);
      // No other unit is named.
      const body = JSON.stringify(own);
      for (const other of everyone.filter((u) => u.unitCode !== 'SFX-D03')) expect(body).not.toContain(other.unitName);
    });
  }

  it('the law office, whose scope holds many units, gets the ranking itself and no comparison', async () => {
    const all = (await office.get(`/api/v1/indicators/foi.requests/by-unit?year=${lastYear}`)).json();
    expect(all.items.length).toBeGreaterThan(1);
    expect(all.peers).toBeNull();
  });
});

// The 法治画像 of a unit reads the dashboard's APIs for that one unit: its figures, its rank in its
// category, its running clocks and its open problems. A liaison gets them for their own unit only.
describe("a unit's profile (法治画像)", () => {
  const unitOf = (code: string) => env.platform.db.selectFrom('org_units').select(['id', 'code', 'category']).where('code', '=', code).executeTakeFirstOrThrow();
  const anotherDepartment = () => env.platform.db.selectFrom('org_units').select(['id', 'code']).where('category', '=', '部门').where('code', '!=', 'SFX-D03').where('active', '=', 1).orderBy('code').executeTakeFirstOrThrow();

  it("the liaison's own unit: figures, rank in its category, clocks and open problems, all of that unit", async () => {
    const own = await unitOf('SFX-D03');
    const figures = await liaison.get(`/api/v1/indicators?year=${lastYear}&unit=${own.code}`);
    expect(figures.statusCode).toBe(200);
    expect(figures.json().unit).toBe('SFX-D03');
    const rank = (await liaison.get(`/api/v1/indicators/foi.requests/by-unit?year=${lastYear}&unit=${own.code}`)).json();
    // The same placing the liaison's default scope gets.
    expect(rank.peers).toEqual((await liaison.get(`/api/v1/indicators/foi.requests/by-unit?year=${lastYear}`)).json().peers);
    const lights = await liaison.get(`/api/v1/dashboard/lights?unitId=${own.id}`);
    expect(lights.statusCode).toBe(200);
    const problems = (await liaison.get(`/api/v1/problems?unitId=${own.id}&status=open`)).json();
    for (const p of problems.items) expect(p).toMatchObject({ unitId: own.id, status: 'open' });
  });

  it("another unit's profile is not the liaison's to read; the law office reads it, with the unit placed among its category", async () => {
    const other = await anotherDepartment();
    expect((await liaison.get(`/api/v1/indicators?year=${lastYear}&unit=${other.code}`)).statusCode).toBe(404);
    expect((await liaison.get(`/api/v1/indicators/foi.requests/by-unit?year=${lastYear}&unit=${other.code}`)).statusCode).toBe(404);
    expect((await liaison.get(`/api/v1/dashboard/lights?unitId=${other.id}`)).statusCode).toBe(404);
    expect((await liaison.get(`/api/v1/problems?unitId=${other.id}`)).json().items).toEqual([]);

    expect((await office.get(`/api/v1/indicators?year=${lastYear}&unit=${other.code}`)).json().unit).toBe(other.code);
    const placed = (await office.get(`/api/v1/indicators/tasks.overdue/by-unit?year=${lastYear + 1}&unit=${other.code}`)).json();
    expect(placed.peers).toMatchObject({ category: '部门' });
    const officeLights = (await office.get(`/api/v1/dashboard/lights?unitId=${other.id}`)).json();
    const counted = (await office.get('/api/v1/dashboard/lights')).json().units.find((u: { unitId: string }) => u.unitId === other.id) ?? { red: 0, yellow: 0, green: 0 };
    // The profile's 红黄牌 are the dashboard's counts for that unit, item by item.
    for (const light of ['red', 'yellow', 'green'] as const) expect(officeLights.items.filter((i: { light: string }) => i.light === light).length).toBe(counted[light]);
  });
});

// On PostgreSQL every statement is a round trip: a dashboard read asks the write generations once and
// takes units from the directory those generations keep, so a change to the units shows at once.
describe('what a dashboard read asks the database', () => {
  const year = lastYear + 1;

  it('reads the write generations once a request, however many caches it asks', async () => {
    for (const url of [`/api/v1/indicators?year=${year}`, `/api/v1/indicators?year=${year}&unit=SFX-D03`, `/api/v1/indicators/foi.requests/by-unit?year=${lastYear}`, '/api/v1/dashboard/lights']) {
      for (const agent of [office, liaison]) {
        const before = generationReads.statements;
        expect((await agent.get(url)).statusCode, url).toBe(200);
        expect(generationReads.statements - before, url).toBe(1);
      }
    }
  });

  it('PostgreSQL: a warm dashboard read is one round trip, the session bringing the generations along in a statement prepared once', async () => {
    if (env.platform.dialect !== 'postgres') return; // SQLite reads in process, with no round trips
    const statements = watchStatements();
    try {
      for (const url of [`/api/v1/indicators?year=${year}`, `/api/v1/indicators/foi.requests/by-unit?year=${lastYear}`, '/api/v1/dashboard/lights']) {
        expect((await office.get(url)).statusCode, url).toBe(200);
        statements.sent.length = 0;
        expect((await office.get(url)).statusCode, url).toBe(200);
        expect(statements.sent.length, url).toBe(1);
        // Sent under its name: PostgreSQL parses it once a connection, not on every request.
        expect(statements.sent.map((q) => q.name).filter(Boolean), url).toEqual([expect.stringMatching(/^fazhi_[0-9a-f]{24}$/)]);
      }
    } finally {
      statements.stop();
    }
  });

  it("follows every commit, this process's and another's, and is the same read while none comes", async () => {
    const { db } = env.platform;
    const first = await readGenerations(db);
    expect(await readGenerations(db)).toBe(first);
    const bump = sql`update indicator_generations set generation = generation + 1 where table_name = 'disputes'`;
    // Another process's commit (SQLite: another connection to the file; PostgreSQL: another session).
    if (env.platform.dialect === 'sqlite') {
      const other = new Sqlite(env.platform.sqliteFile!);
      other.prepare(bump.compile(db).sql).run();
      other.close();
    } else {
      const other = new pg.Client({ connectionString: env.platform.config.databaseUrl!, options: `-c search_path=${env.platform.config.pgSchema}` });
      await other.connect();
      await other.query(bump.compile(db).sql);
      await other.end();
    }
    const afterOther = await readGenerations(db);
    expect(afterOther.get('disputes')).toBe(first.get('disputes')! + 1);
    await bump.execute(db);
    expect((await readGenerations(db)).get('disputes')).toBe(first.get('disputes')! + 2);
    expect((await readGenerations(db, ['disputes'])).get('disputes')).toBe(first.get('disputes')! + 2);
  });

  it('a write that moves none of the sets behind figures or a ranking leaves them the same answer; one that does, not', async () => {
    const { platform } = env;
    const scope = (y: number) => scopeForUnitCode(platform, y, undefined);
    const thisYear = await computeAll(platform, await scope(year));
    const lastYears = await computeAll(platform, await scope(lastYear));
    const foiRanking = await indicatorByUnit(platform, 'foi.requests', await scope(lastYear));
    const disputeRanking = await indicatorByUnit(platform, 'mediation.disputes', await scope(year));
    const unit = await platform.db.selectFrom('org_units').select('id').where('code', '=', 'SFX-D03').executeTakeFirstOrThrow();
    const registered = await office.post('/api/v1/disputes', { unitId: unit.id, type: '邻里纠纷', parties: '甲某与乙某', summary: '看板缓存测试。', receivedDate: chinaToday(), channel: 'people', mediators: '张调解员' });
    expect(registered.statusCode).toBe(201);
    // Last year's figures read the disputes table too, but a registration today moves none of their counts.
    expect(await computeAll(platform, await scope(lastYear))).toBe(lastYears);
    expect(await indicatorByUnit(platform, 'foi.requests', await scope(lastYear))).toBe(foiRanking);
    const now = await computeAll(platform, await scope(year));
    expect(now).not.toBe(thisYear);
    const disputes = (values: typeof now) => values.find((v) => v.code === 'mediation.disputes')!.value;
    expect(disputes(now)).toBe(disputes(thisYear)! + 1);
    const ranking = await indicatorByUnit(platform, 'mediation.disputes', await scope(year));
    expect(ranking).not.toBe(disputeRanking);
    expect(ranking.find((u) => u.unitId === unit.id)!.value).toBe((disputeRanking.find((u) => u.unitId === unit.id)?.value ?? 0) + 1);
  });

  it('a unit added or renamed is in the next ranking, 红黄牌 and unit lookup', async () => {
    const root = await env.platform.db.selectFrom('org_units').selectAll().where('code', '=', 'SFX').executeTakeFirstOrThrow();
    const admin = await loggedIn(env.app, (await makeUser(env.platform, { unit: root, roles: ['sys_admin'] })).username);
    const code = `DASH-${Date.now()}`;
    expect((await office.get(`/api/v1/indicators?year=${year}&unit=${code}`)).statusCode).toBe(400);
    const created = await admin.post('/api/v1/org/units', { code, name: '新设单位', kind: 'town', parentId: root.id });
    expect(created.statusCode).toBe(201);
    expect((await office.get(`/api/v1/indicators?year=${year}&unit=${code}`)).statusCode).toBe(200);

    const ranked = (await office.get(`/api/v1/indicators/foi.requests/by-unit?year=${lastYear}`)).json().items as { unitId: string; unitName: string }[];
    const lit = (await office.get('/api/v1/dashboard/lights')).json().units as { unitId: string; unitName: string }[];
    const unit = ranked.find((u) => lit.some((l) => l.unitId === u.unitId))!;
    const rename = async (name: string) => {
      const { version } = (await admin.get(`/api/v1/org/units/${unit.unitId}`)).json();
      return admin.patch(`/api/v1/org/units/${unit.unitId}`, { version, name });
    };
    try {
      expect((await rename(`${unit.unitName}（更名）`)).statusCode).toBe(200);
      const again = (await office.get(`/api/v1/indicators/foi.requests/by-unit?year=${lastYear}`)).json().items as { unitId: string; unitName: string }[];
      expect(again.find((u) => u.unitId === unit.unitId)?.unitName).toBe(`${unit.unitName}（更名）`);
      const lights = (await office.get('/api/v1/dashboard/lights')).json().units as { unitId: string; unitName: string }[];
      expect(lights.find((u) => u.unitId === unit.unitId)?.unitName).toBe(`${unit.unitName}（更名）`);
    } finally {
      await rename(unit.unitName);
    }
  });
});
