// `fazhi start` runs one server process per core; they share one database. These tests run the real
// command with two workers, and check what must hold across processes: writes from both queue
// instead of failing, a calendar change made through one is what the other computes with at once,
// a worker that dies is replaced, and SIGTERM stops them all. (SQLite's write lock held by another
// process: sqlite-busy.sqlite.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { freePort } from './free-port.ts';
import { createTestEnv, makeUnit, makeUser, PASSWORD, type TestEnv, totpCode } from './harness.ts';
import { openPlatform, type Platform } from '../src/server/kernel/platform.ts';
import { MODULES } from '../src/server/modules/index.ts';

let env: TestEnv;
let server: ChildProcess;
let output = '';
let port: number;
let base: string;

const workerPids = (): number[] => {
  // By command line: the primary may also have a child of its own (esbuild's service, compiling sources).
  const out = spawnSync('pgrep', ['-P', String(server.pid), '-f', 'fazhi.mjs'], { encoding: 'utf8' }).stdout;
  return out.split('\n').filter(Boolean).map(Number).sort();
};

async function waitFor(check: () => Promise<boolean> | boolean, what: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await Promise.resolve().then(check).catch(() => false))) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; server output:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A client on its own connections (`connection: close`), so the primary hands requests to either worker. */
async function login(username: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', connection: 'close' }, body: JSON.stringify({ username, password: PASSWORD }) });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrf = /fazhi_csrf=([^;]+)/.exec(cookie)![1]!;
  const call = (method: string, path: string, body?: unknown) =>
    fetch(base + path, { method, headers: { cookie, 'x-csrf-token': csrf, connection: 'close', ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  // Administrators bind an authenticator before anything else (two-factor sign-in).
  if ((await res.json()).twoFactorSetupRequired) {
    const { secret } = await (await call('POST', '/api/v1/auth/totp/setup', {})).json();
    expect((await call('POST', '/api/v1/auth/totp/enable', { code: await totpCode(secret) })).status).toBe(200);
  }
  return call;
}

beforeAll(async () => {
  env = await createTestEnv();
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['bin/fazhi.mjs', 'start'], { env: { ...env.cliEnv, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', FAZHI_WORKERS: '2' } });
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
  await waitFor(() => output.includes('2 个工作进程'), 'both workers to listen');
}, 90_000);

afterAll(async () => {
  if (server.exitCode === null) server.kill('SIGKILL');
  await env.close();
});

// In order, whatever the run's shuffle: the last case stops the server the others share.
describe('fazhi start with two worker processes', { shuffle: false }, () => {
  it('runs two workers behind one port', async () => {
    expect(workerPids()).toHaveLength(2);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('serves concurrent writes from both workers without a lost or failed one', async () => {
    const admin = await makeUser(env.platform, { unit: await makeUnit(env.platform), roles: ['sys_admin'] });
    const call = await login(admin.username);
    const codes = await Promise.all(
      Array.from({ length: 30 }, (_, i) => call('POST', '/api/v1/org/units', { code: `WK-${i}`, name: `并发单位${i}`, kind: 'department' }).then((r) => r.status)),
    );
    expect(codes).toEqual(Array(30).fill(201));
    const stored = await env.platform.db.selectFrom('org_units').select('code').where('code', 'like', 'WK-%').execute();
    expect(stored).toHaveLength(30);
    // Both workers appended to one audit chain, each write audited, the chain unbroken.
    expect(await env.platform.db.selectFrom('audit_log').select('seq').where('action', '=', 'org.unit.create').where('target_id', 'in', (await env.platform.db.selectFrom('org_units').select('id').where('code', 'like', 'WK-%').execute()).map((u) => u.id)).execute()).toHaveLength(30);
    const verify = spawnSync(process.execPath, ['bin/fazhi.mjs', 'audit', 'verify'], { env: env.cliEnv, encoding: 'utf8', timeout: 60_000 });
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
  });

  it('a calendar change made through one worker is what every worker computes with at once', async () => {
    const lawOffice = await makeUser(env.platform, { unit: await makeUnit(env.platform), roles: ['law_office'] });
    const call = await login(lawOffice.username);
    const date = '2027-03-03';
    const ask = async () => (await (await fetch(`${base}/api/v1/calendar/day?date=${date}`, { headers: { connection: 'close' } })).json()).workday as boolean;
    // Both workers load (and cache) the calendar first.
    expect(await Promise.all(Array.from({ length: 8 }, ask))).toEqual(Array(8).fill(true));
    const res = await call('PUT', `/api/v1/calendar/overrides/${date}`, { kind: 'holiday', name: '测试假日' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await Promise.all(Array.from({ length: 8 }, ask))).toEqual(Array(8).fill(false));
  });

  it('replaces a worker that dies, and SIGTERM stops the primary and every worker', async () => {
    const [victim, survivor] = workerPids();
    process.kill(victim!, 'SIGKILL');
    await waitFor(() => workerPids().length === 2 && !workerPids().includes(victim!), 'a replacement worker');
    expect(workerPids()).toContain(survivor);
    await waitFor(async () => (await fetch(`${base}/healthz`, { headers: { connection: 'close' } })).ok, 'the server to answer');
    expect(output).toContain('意外退出');

    const workers = workerPids();
    server.kill('SIGTERM');
    const code = await new Promise((r) => server.once('exit', (c) => r(c)));
    expect(code).toBe(0);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
  }, 60_000);
});

describe('the calendar cache of another process', () => {
  let other: Platform;
  beforeAll(async () => {
    // A second platform on the same database, as another worker or the CLI opens it.
    other = (await openPlatform(env.config, MODULES)).platform;
  });
  afterAll(() => other.close());

  it('follows the calendar tables: a write by any process shows on the next load, without one nothing is re-read', async () => {
    const date = '2027-04-07';
    const first = await other.deadlines.load();
    expect(first.calendar.info(date).workday).toBe(true);
    expect(await other.deadlines.load()).toBe(first);
    await env.platform.db.insertInto('calendar_overrides').values({ date, kind: 'holiday', name: '测试', updated_at: new Date().toISOString(), updated_by: null }).execute();
    expect((await other.deadlines.load()).calendar.info(date).workday).toBe(false);
    await env.platform.db.updateTable('deadline_rules').set({ warn_days: 9 }).where('code', '=', 'review.accept').execute();
    expect((await other.deadlines.load()).rules.get('review.accept')?.warnDays).toBe(9);
  });
});
