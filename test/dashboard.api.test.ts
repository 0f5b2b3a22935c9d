// The 驾驶舱 for one unit: a liaison or a department head sees their unit placed among the units of
// its 考评类别 (rank, the category's average and best), computed as the law office's ranking says,
// without another unit's name leaving the law office's scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, loggedIn, type Agent, type TestEnv } from './harness.ts';
import { DEMO_PASSWORD } from '../src/server/modules/org/demo.ts';
import { chinaToday } from '../src/server/kernel/calendar/days.ts';

let env: TestEnv;
let office: Agent;
let liaison: Agent;
const lastYear = Number(chinaToday().slice(0, 4)) - 1;

beforeAll(async () => {
  env = await createTestEnv();
  for (const mod of env.platform.modules) if (mod.demo) await mod.demo(env.platform, () => {});
  office = await loggedIn(env.app, 'fzb_wang', DEMO_PASSWORD);
  liaison = await loggedIn(env.app, 'jyj_liaison', DEMO_PASSWORD);
}, 240_000);
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
