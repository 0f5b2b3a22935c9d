// Test harness: a real platform on a real database (SQLite in a temp dir, or a fresh PostgreSQL
// schema), the real HTTP stack through app.inject, and factories. No test relies on another's data.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { generate } from 'otplib';
import type { InjectOptions } from 'fastify';
import { loadConfig, type Config } from '../src/server/config.ts';
import { openPlatform, type Platform } from '../src/server/kernel/platform.ts';
import { MODULES } from '../src/server/modules/index.ts';
import type { ModuleManifest } from '../src/server/kernel/modules.ts';
import { buildApp } from '../src/server/app.ts';
import { insertUnit } from '../src/server/modules/org/units.ts';
import { insertUser } from '../src/server/modules/org/users.ts';
import type { OrgUnitTable } from '../src/server/kernel/db/tables.ts';
import { chinaToday, fromDayNumber, toDayNumber } from '../src/server/kernel/calendar/days.ts';
import { WorkCalendar } from '../src/server/kernel/calendar/work-calendar.ts';

export const TEST_DB = (process.env.FAZHI_TEST_DB ?? 'sqlite') as 'sqlite' | 'postgres';
export const PG_URL = process.env.FAZHI_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const PASSWORD = 'Test#Pass2026';

export type App = Awaited<ReturnType<typeof buildApp>>;

export interface TestEnv {
  config: Config;
  platform: Platform;
  app: App;
  /** Environment for spawning the CLI on the same database. */
  cliEnv: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

export async function pgAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`PostgreSQL 不可用（${PG_URL}）：${(error as Error).message}。PostgreSQL 测试不能跳过。`);
  }
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Drops a suite's schema. A process the suite started and killed (a server's daily job, a writer)
 * can leave a backend that waits for a lock until PostgreSQL notices its client has gone; the drop
 * then deadlocks with it, and PostgreSQL aborts one of the two: try again once that backend is gone.
 */
async function dropSchema(schema: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await pgAdmin(`drop schema ${schema} cascade`);
    } catch (error) {
      if ((error as { code?: string }).code !== '40P01' || attempt === 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

/** `modules`: the platform's modules (a test may add a fixture module, test/fixtures/). `seed` fills the
 * data directory and the (PostgreSQL) schema before the platform opens them. */
export async function createTestEnv(
  overrides: Partial<Config> = {},
  modules: readonly ModuleManifest[] = MODULES,
  seed?: (dataDir: string, schema: string) => Promise<void>,
): Promise<TestEnv> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-test-'));
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const env: NodeJS.ProcessEnv = { FAZHI_DATA_DIR: dataDir, FAZHI_LOGIN_RATE_LIMIT: '100000' };
  if (TEST_DB === 'postgres') {
    await pgAdmin(`create schema ${schema}`);
    // Evidence for CI that the PostgreSQL suites really ran.
    mkdirSync('test-results/pg-schemas', { recursive: true });
    writeFileSync(`test-results/pg-schemas/${schema}`, '');
    Object.assign(env, { DATABASE_URL: PG_URL, FAZHI_PG_SCHEMA: schema });
  }
  await seed?.(dataDir, schema);
  const config = { ...loadConfig(env), webDir: join(dataDir, 'no-web'), ...overrides };
  const { platform } = await openPlatform(config, modules);
  const app = await buildApp(platform);
  await app.ready();
  return {
    config,
    platform,
    app,
    cliEnv: { ...process.env, ...env, FAZHI_DATA_DIR: dataDir },
    async close() {
      await app.close();
      await platform.close();
      if (TEST_DB === 'postgres') await dropSchema(schema);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A platform on its own copy of the demo county (`fazhi demo`). The demo is generated once per day,
 * engine and source version into test-results/demo-template (a data directory, and for PostgreSQL
 * a dump of its schema), by whichever test process asks first; the others wait for it. Each suite
 * then gets a fresh copy: the same data as generating it again, in seconds instead of a minute.
 */
export async function createDemoEnv(): Promise<TestEnv & { demoOutput: string }> {
  const template = await demoTemplate();
  const demoOutput = readFileSync(join(template, 'demo-output.txt'), 'utf8');
  const env = await createTestEnv({}, MODULES, async (dataDir, schema) => {
    cpSync(join(template, 'data'), dataDir, { recursive: true });
    if (TEST_DB === 'postgres') {
      const dump = readFileSync(join(template, 'schema.sql'), 'utf8').replaceAll(TEMPLATE_SCHEMA_MARK, schema);
      psql(dump);
    }
  });
  return Object.assign(env, { demoOutput });
}

const TEMPLATE_SCHEMA_MARK = 'fazhi_demo_template_schema';

function sourceVersion(): string {
  // This file too: what a template holds is made here.
  const hash = createHash('sha256').update(chinaToday()).update(TEST_DB).update(readFileSync('test/harness.ts'));
  for (const root of ['src/server', 'src/shared', 'bin']) {
    for (const file of (readdirSync(root, { recursive: true }) as string[]).sort()) {
      const path = join(root, file);
      if (statSync(path).isFile()) hash.update(path).update(readFileSync(path));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

async function demoTemplate(): Promise<string> {
  const dir = join('test-results/demo-template', `${TEST_DB}-${sourceVersion()}`);
  const lock = `${dir}.lock`;
  mkdirSync('test-results/demo-template', { recursive: true });
  for (const started = Date.now(); !existsSync(join(dir, 'done')); await sleep(500)) {
    try {
      mkdirSync(lock);
    } catch {
      // Another process generates it; a lock left by a process that died is taken over.
      const locked = statSync(lock, { throwIfNoEntry: false });
      if (locked && Date.now() - locked.mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() - started > 900_000) throw new Error(`the demo template ${dir} did not appear`);
      continue;
    }
    try {
      if (!existsSync(join(dir, 'done'))) generateDemoTemplate(dir);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return dir;
}

function generateDemoTemplate(dir: string) {
  // Templates of earlier source versions go (after an hour, in case another run still reads one).
  for (const old of readdirSync('test-results/demo-template')) {
    const path = join('test-results/demo-template', old);
    if (old.startsWith(`${TEST_DB}-`) && !old.endsWith('.lock') && Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'data'), { recursive: true });
  const schema = `demo_tpl_${randomBytes(6).toString('hex')}`;
  const env: NodeJS.ProcessEnv = { ...process.env, FAZHI_DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  if (TEST_DB === 'postgres') {
    psql(`create schema ${schema}`);
    Object.assign(env, { DATABASE_URL: PG_URL, FAZHI_PG_SCHEMA: schema });
  }
  try {
    const demo = spawnSync(process.execPath, ['bin/fazhi.mjs', 'demo'], { env, encoding: 'utf8' });
    if (demo.status !== 0) throw new Error(`fazhi demo failed: ${demo.stderr}`);
    // What it printed (the demo accounts and what was added), for the suites that read it.
    writeFileSync(join(dir, 'demo-output.txt'), demo.stdout);
    if (TEST_DB === 'postgres') {
      const dump = spawnSync('pg_dump', ['--schema', schema, '--no-owner', '--no-privileges', PG_URL], { encoding: 'utf8', maxBuffer: 1 << 30 });
      if (dump.status !== 0) throw new Error(`pg_dump failed: ${dump.stderr}`);
      // The suite's schema exists already (createTestEnv made it); the dump fills it.
      const body = dump.stdout.replace(new RegExp(`^CREATE SCHEMA ${schema};$`, 'm'), '').replaceAll(schema, TEMPLATE_SCHEMA_MARK);
      writeFileSync(join(dir, 'schema.sql'), body);
    }
  } finally {
    if (TEST_DB === 'postgres') psql(`drop schema if exists ${schema} cascade`);
  }
  writeFileSync(join(dir, 'done'), '');
}

function psql(script: string) {
  const run = spawnSync('psql', ['-q', '-X', '-v', 'ON_ERROR_STOP=1', PG_URL], { input: script, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`psql failed: ${run.stderr}`);
}

let seq = 0;
const unique = (prefix: string) => `${prefix}${process.pid}${Date.now() % 100000}${++seq}`;

export async function makeUnit(platform: Platform, values: { parent?: OrgUnitTable | null; kind?: string; name?: string; code?: string } = {}) {
  return platform.db.transaction().execute((tx) =>
    insertUnit(tx, null, { code: values.code ?? unique('U'), name: values.name ?? `测试单位${seq}`, kind: values.kind ?? 'department' }, values.parent ?? null),
  );
}

export async function makeUser(
  platform: Platform,
  values: { unit: OrgUnitTable; roles: string[]; username?: string; phone?: string; idNumber?: string; mustChange?: boolean },
) {
  const username = values.username ?? unique('u');
  const id = await platform.db.transaction().execute((tx) =>
    insertUser(platform, tx, null, { username, name: `测试用户${seq}`, unitId: values.unit.id, roles: values.roles, phone: values.phone, idNumber: values.idNumber }, PASSWORD, values.mustChange ?? false),
  );
  return { id, username };
}

/** A logged-in client: keeps the session cookie and sends the CSRF header on writes. */
export class Agent {
  cookies: Record<string, string> = {};
  csrf = '';
  constructor(readonly app: App) {}

  async request(opts: InjectOptions) {
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string>) };
    const cookie = Object.entries(this.cookies).map(([k, v]) => `${k}=${v}`).join('; ');
    if (cookie) headers.cookie = cookie;
    if (this.csrf && opts.method && opts.method !== 'GET' && !('x-csrf-token' in headers)) headers['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({ ...opts, headers });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number }[]) {
      if (c.value === '' || c.maxAge === 0) delete this.cookies[c.name];
      else this.cookies[c.name] = c.value;
    }
    if (this.cookies.fazhi_csrf) this.csrf = this.cookies.fazhi_csrf;
    return res;
  }
  get(url: string) {
    return this.request({ method: 'GET', url });
  }
  post(url: string, payload?: unknown) {
    return this.request({ method: 'POST', url, payload: payload as any });
  }
  patch(url: string, payload?: unknown) {
    return this.request({ method: 'PATCH', url, payload: payload as any });
  }
  put(url: string, payload?: unknown) {
    return this.request({ method: 'PUT', url, payload: payload as any });
  }
  delete(url: string) {
    return this.request({ method: 'DELETE', url });
  }
  async login(username: string, password = PASSWORD) {
    const res = await this.post('/api/v1/auth/login', { username, password });
    return res;
  }
}

/** The TOTP secrets of the accounts the harness enrolled, and the last time step it used for each. */
export const totpSecrets = new Map<string, string>();
const lastStepUsed = new Map<string, number>();
const STEP_MS = 30_000;

/** The 6-digit code of a TOTP secret at a moment (now by default). */
export const totpCode = (secret: string, at = Date.now()) => generate({ secret, epoch: Math.floor(at / 1000) });

/**
 * A code the server has not accepted yet for this account: the server takes each time step once
 * and one step of drift either way, so a second login within 30 seconds uses the next step's
 * code, and a third waits for the clock to reach it (as a person would wait for a new code).
 */
export async function freshTotpCode(username: string): Promise<string> {
  const secret = totpSecrets.get(username);
  if (!secret) throw new Error(`the harness did not enrol ${username}`);
  let step = Math.floor(Date.now() / STEP_MS);
  const last = lastStepUsed.get(username) ?? -1;
  if (step <= last) {
    step = last + 1;
    const wait = (step - 1) * STEP_MS - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait + 50));
  }
  lastStepUsed.set(username, step);
  return totpCode(secret, step * STEP_MS);
}

/** Enrols a signed-in agent's account for TOTP through the API; returns the secret and recovery codes. */
export async function enrolTotp(agent: Agent, username: string) {
  const setup = await agent.post('/api/v1/auth/totp/setup');
  if (setup.statusCode !== 200) throw new Error(`totp setup for ${username} failed: ${setup.statusCode} ${setup.body}`);
  const secret: string = setup.json().secret;
  const step = Math.floor(Date.now() / STEP_MS);
  const res = await agent.post('/api/v1/auth/totp/enable', { code: await totpCode(secret, step * STEP_MS) });
  if (res.statusCode !== 200) throw new Error(`totp enable for ${username} failed: ${res.statusCode} ${res.body}`);
  totpSecrets.set(username, secret);
  lastStepUsed.set(username, step);
  return { secret, recoveryCodes: res.json().recoveryCodes as string[] };
}

/**
 * A signed-in agent. Accounts that must use two-factor sign-in (the admin roles) are enrolled on
 * their first login here, as the web app makes them do, and answer the TOTP code on later ones.
 */
export async function loggedIn(app: App, username: string, password = PASSWORD): Promise<Agent> {
  const agent = new Agent(app);
  let res = await agent.login(username, password);
  if (res.statusCode === 401 && res.json().secondFactor === 'totp' && totpSecrets.has(username)) {
    res = await agent.post('/api/v1/auth/login', { username, password, code: await freshTotpCode(username) });
  }
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  if (res.json().twoFactorSetupRequired) await enrolTotp(agent, username);
  return agent;
}

/** Multipart body with one file (and optional text fields) for app.inject. */
export function multipart(filename: string, content: Buffer | string, fields: Record<string, string> = {}) {
  const boundary = `----fazhi${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
  parts.push(Buffer.isBuffer(content) ? content : Buffer.from(content));
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const count = async (platform: Platform, table: 'org_units' | 'users' | 'audit_log' | 'attachments' | 'sessions') =>
  Number((await platform.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

// ---------------------------------------------------------------------------------------------
// Record factories. Each makes one record through the real API, as a user of the platform would,
// and throws with the server's answer when the platform refuses it, so a test states what it needs
// and never relies on what another test left behind.

type Reply = Awaited<ReturnType<Agent['request']>>;

function expectStatus(res: Reply, status: number, what: string) {
  if (res.statusCode !== status) throw new Error(`${what}: expected ${status}, got ${res.statusCode} ${res.body}`);
  return res.json();
}

/** An API answer's body, after checking its status (200 unless said), with the server's answer when it differs. */
export const answered = (res: Reply, status = 200) => expectStatus(res, status, `${res.raw.req.method} ${res.raw.req.url}`);

/** 行政复议: a case registered by the law office (a person applies against a department's act). */
export async function makeReviewCase(agent: Agent, values: { unitId: string; respondentUnitId: string } & Record<string, unknown>) {
  const body = { applicantName: '申请人', applicantKind: 'person', respondent: '被申请单位', act: '行政处罚决定', receivedDate: '2026-03-02', channel: 'window', ...values };
  return expectStatus(await agent.post('/api/v1/review-cases', body), 201, 'review case');
}

/**
 * A unit of the test's own (a unique code, so imports can name it) with one signed-in agent per
 * role asked for: figures counted for this unit are exactly what the test made in it.
 */
export async function makeStaffedUnit<R extends string>(env: TestEnv, roles: readonly R[], values: Parameters<typeof makeUnit>[1] = {}) {
  const unit = await makeUnit(env.platform, values);
  const agents = {} as Record<R, Agent>;
  for (const role of roles) agents[role] = await loggedIn(env.app, (await makeUser(env.platform, { unit, roles: [role] })).username);
  return { unit, agents };
}

/** Takes a workflow transition and expects it to succeed; returns the record's workflow panel. */
export async function advance(agent: Agent, recordType: string, id: string, key: string, body: Record<string, unknown>) {
  return expectStatus(await agent.post(`/api/v1/workflow/${recordType}/${id}/transitions/${key}`, body), 200, `${recordType} ${id} → ${key}`);
}

/** Uploads a ledger attachment (evidence) to a record. */
export async function attach(agent: Agent, recordType: string, recordId: string, name = '材料.txt') {
  return expectStatus(await agent.request({ method: 'POST', url: '/api/v1/attachments', ...multipart(name, '台账材料', { recordType, recordId }) }), 201, `attachment to ${recordType} ${recordId}`);
}

/** 依申请公开: a request registered by the organ's own staff. */
export async function makeFoiRequest(agent: Agent, values: { unitId: string; receivedDate: string } & Record<string, unknown>) {
  const body = { applicantName: '申请人', content: '某项政府信息', channel: 'online', ...values };
  return expectStatus(await agent.post('/api/v1/foi-requests', body), 201, 'foi request');
}

/** 人民调解组织. */
export async function makeMediationOrg(agent: Agent, values: { unitId: string } & Record<string, unknown>) {
  const body = { name: `调解委员会${++seq}`, type: 'town', establishedDate: '2015-01-01', ...values };
  return expectStatus(await agent.post('/api/v1/mediation-orgs', body), 201, 'mediation organisation');
}

/** 年度重点任务分工方案 (the law office makes plans). */
export async function makePlan(agent: Agent, values: { year: number } & Record<string, unknown>) {
  const body = { title: `${values.year}年工作方案${++seq}`, issuedDate: `${values.year}-01-10`, ...values };
  return expectStatus(await agent.post('/api/v1/plans', body), 201, 'plan');
}

/** 重点任务 under a plan (the law office assigns tasks). */
export async function makeTask(agent: Agent, values: { planId: string; leadUnitId: string; dueDate: string } & Record<string, unknown>) {
  const body = { code: unique('T'), title: `测试任务${seq}`, content: '按期完成', coUnitIds: [], ...values };
  return expectStatus(await agent.post('/api/v1/tasks', body), 201, 'task');
}

/** 法治督察 (the law office or an inspector plans it). */
export async function makeInspection(agent: Agent, values: { date: string; targetUnitIds: string[] } & Record<string, unknown>) {
  const body = { title: `测试督察${++seq}`, kind: 'onsite', inspectors: '督察组', ...values };
  return expectStatus(await agent.post('/api/v1/inspections', body), 201, 'inspection');
}

/** 督察发现的问题 of an inspection's target unit. */
export async function makeFinding(agent: Agent, values: { inspectionId: string; unitId: string; dueDate: string } & Record<string, unknown>) {
  const body = { description: `测试问题${++seq}`, severity: 'general', ...values };
  return expectStatus(await agent.post('/api/v1/findings', body), 201, 'finding');
}

/** 法治政府建设年度报告, drafted with the figures of the unit's subtree. */
export async function makeAnnualReport(agent: Agent, values: { unitId: string; year: number }) {
  return expectStatus(await agent.post('/api/v1/annual-reports', values), 201, `annual report ${values.year}`);
}

/** The due day of a deadline of `days` calendar days from `start`: a last day off work moves to the next working day, as the rules do. */
export function calendarDaysDue(start: string, days: number): string {
  const calendar = WorkCalendar.fromShipped();
  let due = toDayNumber(start) + days;
  while (!calendar.isWorkdayNumber(due)) due++;
  return fromDayNumber(due);
}
