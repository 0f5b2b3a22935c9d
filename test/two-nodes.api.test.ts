// Two application nodes — two `fazhi start` processes on different ports, one worker each, against
// the same database (PostgreSQL in a province deployment; on SQLite the same file) — behave as one:
// a session opened on one node is honoured and ended on the other, the per-IP login limit counts
// the attempts made on both, the daily job that both schedule runs once, and a write through one
// node shows at once in the other's cached figures, 红黄牌 totals and calendar.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './free-port.ts';
import { createTestEnv, makeUnit, makeUser, PASSWORD, type TestEnv } from './harness.ts';
import { chinaToday } from '../src/server/kernel/calendar/days.ts';

let env: TestEnv;
const nodes: { process: ChildProcess; base: string; output: string }[] = [];
const LOGIN_LIMIT = 6;

async function waitFor(check: () => Promise<boolean> | boolean, what: string, ms = 90_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await Promise.resolve().then(check).catch(() => false))) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; output:\n${nodes.map((n) => n.output).join('\n---\n')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Each client its own address (the nodes trust X-Forwarded-For, as behind a load balancer): only the limit's test shares one. */
let clients = 0;
const clientIp = () => `198.51.100.${++clients}`;

async function loginAt(base: string, username: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': clientIp() }, body: JSON.stringify({ username, password: PASSWORD }) });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrf = /fazhi_csrf=([^;]+)/.exec(cookie)![1]!;
  /** A call with this session, to either node. */
  return (at: string, method: string, path: string, body?: unknown) =>
    fetch(`${at}/api/v1${path}`, { method, headers: { cookie, 'x-csrf-token': csrf, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
}

beforeAll(async () => {
  env = await createTestEnv();
  for (let i = 0; i < 2; i++) {
    const port = await freePort();
    const node = { process: spawn(process.execPath, ['bin/fazhi.mjs', 'start'], { env: { ...env.cliEnv, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', FAZHI_WORKERS: '1', FAZHI_LOGIN_RATE_LIMIT: String(LOGIN_LIMIT), FAZHI_TRUST_PROXY: 'true' } }), base: `http://127.0.0.1:${port}`, output: '' };
    node.process.stdout!.on('data', (d) => (node.output += d));
    node.process.stderr!.on('data', (d) => (node.output += d));
    nodes.push(node);
  }
  for (const node of nodes) await waitFor(async () => (await fetch(`${node.base}/healthz`)).ok, `${node.base} to answer`);
}, 120_000);

afterAll(async () => {
  for (const node of nodes) if (node.process.exitCode === null) node.process.kill('SIGTERM');
  await Promise.all(nodes.map((n) => (n.process.exitCode === null ? new Promise((r) => n.process.once('exit', r)) : null)));
  await env.close();
});

describe('two application nodes on one database', () => {
  it('share sessions: one opened on node A works on node B, and a logout on B ends it on A', async () => {
    const [a, b] = nodes.map((n) => n.base) as [string, string];
    const user = await makeUser(env.platform, { unit: await makeUnit(env.platform), roles: ['law_office'] });
    const call = await loginAt(a, user.username);
    for (const at of [a, b]) {
      const me = await call(at, 'GET', '/auth/me');
      expect(me.status, at).toBe(200);
      expect((await me.json()).user.username).toBe(user.username);
    }
    expect((await call(b, 'POST', '/auth/logout', {})).status).toBeLessThan(300);
    for (const at of [a, b]) expect((await call(at, 'GET', '/auth/me')).status, at).toBe(401);
  });

  it('count login attempts made on both nodes against one per-IP limit', async () => {
    const statuses: number[] = [];
    const ip = '203.0.113.9';
    for (let i = 0; i < LOGIN_LIMIT + 2; i++) {
      const res = await fetch(`${nodes[i % 2]!.base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: JSON.stringify({ username: `nobody-${i}`, password: 'wrong' }) });
      statuses.push(res.status);
    }
    // Each node alone has seen at most half the limit; together they reach it.
    expect(statuses.slice(0, LOGIN_LIMIT).every((s) => s !== 429), statuses.join(',')).toBe(true);
    expect(statuses.slice(LOGIN_LIMIT), statuses.join(',')).toEqual([429, 429]);
    // Another address is not limited, on either node.
    for (const node of nodes) expect((await fetch(`${node.base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': clientIp() }, body: JSON.stringify({ username: 'nobody', password: 'wrong' }) })).status).not.toBe(429);
  });

  it('run the daily job both schedule once', async () => {
    const today = chinaToday();
    await waitFor(async () => !!(await env.platform.db.selectFrom('job_runs').select('finished_at').where('job', '=', 'daily').where('run_date', '=', today).executeTakeFirst())?.finished_at, "today's daily job to finish", 170_000);
    // Both nodes checked (5 s after their start); give the later one time to have started its own run.
    await new Promise((r) => setTimeout(r, 3_000));
    const runs = await env.platform.db.selectFrom('audit_log').select('seq').where('action', '=', 'job.daily').where('at', '>=', new Date(Date.now() - 600_000).toISOString()).execute();
    expect(runs).toHaveLength(1);
    expect(await env.platform.db.selectFrom('job_runs').select('job').where('job', '=', 'daily').where('run_date', '=', today).execute()).toHaveLength(1);
  }, 200_000);

  it('show a write through one node at once in the other\'s cached figures, 红黄牌 totals and calendar', async () => {
    const [a, b] = nodes.map((n) => n.base) as [string, string];
    const unit = await makeUnit(env.platform);
    const user = await makeUser(env.platform, { unit, roles: ['law_office'] });
    const call = await loginAt(a, user.username);
    const year = Number(chinaToday().slice(0, 4));
    const disputes = async (at: string) => (await (await call(at, 'GET', `/indicators?year=${year}&unit=${unit.code}`)).json()).indicators['mediation.disputes'] as number;
    const lights = async (at: string) => ((await (await call(at, 'GET', '/dashboard/lights')).json()).units as { red: number; yellow: number; green: number }[]).reduce((s, u) => s + u.red + u.yellow + u.green, 0);
    const running = async () => Number((await env.platform.db.selectFrom('clocks').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'running').executeTakeFirstOrThrow()).n);
    // Both nodes compute and cache first.
    for (const at of [a, b]) {
      expect(await disputes(at)).toBe(0);
      expect(await lights(at)).toBe(await running());
    }
    for (let i = 0; i < 2; i++) {
      const writer = i === 0 ? a : b;
      const res = await call(writer, 'POST', '/disputes', { unitId: unit.id, type: '邻里纠纷', parties: '甲某与乙某', summary: '两个节点的测试纠纷。', receivedDate: chinaToday(), channel: 'people', mediators: '张调解员' });
      expect(res.status, await res.clone().text()).toBe(201);
      // A disclosure request starts its reply clock: a clock write.
      const before = await running();
      const request = await call(writer, 'POST', '/foi-requests', { unitId: unit.id, receivedDate: chinaToday(), applicantName: '张某', content: '两个节点的测试申请。', channel: 'online' });
      expect(request.status, await request.clone().text()).toBe(201);
      expect(await running()).toBeGreaterThan(before);
      for (const at of [a, b]) {
        expect(await disputes(at), `after write ${i + 1}, read at ${at}`).toBe(i + 1);
        expect(await lights(at), `after write ${i + 1}, read at ${at}`).toBe(await running());
      }
    }
    const date = '2027-05-06';
    const workday = async (at: string) => (await (await fetch(`${at}/api/v1/calendar/day?date=${date}`)).json()).workday as boolean;
    expect([await workday(a), await workday(b)]).toEqual([true, true]);
    const res = await call(b, 'PUT', `/calendar/overrides/${date}`, { kind: 'holiday', name: '测试假日' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect([await workday(a), await workday(b)]).toEqual([false, false]);
  });
});
