import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import SqliteDatabase from 'better-sqlite3';
import { join } from 'node:path';
import { TEST_DB, createTestEnv, loggedIn, makeFoiRequest, makeUnit, makeUser, type TestEnv } from './harness.ts';
import { describeTargets } from '../src/server/kernel/audit/targets.ts';
import { SYSTEM_ACTOR } from '../src/server/kernel/audit/index.ts';
import { chinaToday } from '../src/server/kernel/calendar/days.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

async function allowTampering(target: TestEnv, enable: boolean) {
  // An attacker with database access: switch the append-only triggers off.
  if (TEST_DB === 'postgres') {
    await sql.raw(`alter table audit_log ${enable ? 'disable' : 'enable'} trigger user`).execute(target.platform.db);
  } else if (enable) {
    await sql`drop trigger audit_log_no_update`.execute(target.platform.db);
    await sql`drop trigger audit_log_no_delete`.execute(target.platform.db);
  }
}

describe('audit log', () => {
  it('the audit administrator filters and pages the log', async () => {
    const unit = await makeUnit(env.platform);
    const auditor = await makeUser(env.platform, { unit, roles: ['audit_admin'] });
    const staff = await makeUser(env.platform, { unit, roles: ['unit_liaison'] });
    await loggedIn(env.app, staff.username);
    const agent = await loggedIn(env.app, auditor.username);
    const res = await agent.get(`/api/v1/audit?actor=${staff.username}&action=auth.login&pageSize=5`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ actorName: staff.username, action: 'auth.login', outcome: 'success', unitId: unit.id, targetType: 'user' });
    // The target in words: its kind and its name, not a type code and an id.
    const named = await env.platform.db.selectFrom('users').select('name').where('id', '=', body.items[0].targetId).executeTakeFirstOrThrow();
    expect(body.items[0]).toMatchObject({ targetLabel: '用户', targetName: named.name });
    expect(body.items[0].ip).toBeTruthy();
    const today = chinaToday();
    expect((await agent.get(`/api/v1/audit?from=${today}&to=${today}&outcome=success`)).json().total).toBeGreaterThan(0);
    // A day in the filter is a day in Beijing: an entry at 00:30 Beijing time (16:30 UTC the day before) is in it.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2020-05-04T16:30:00Z'));
    try {
      await env.platform.audit.record(env.platform.db, { ...SYSTEM_ACTOR, name: 'early_riser' }, { action: 'auth.login' });
    } finally {
      vi.useRealTimers();
    }
    const onDay = (day: string) => agent.get(`/api/v1/audit?from=${day}&to=${day}&actor=early_riser`).then((r) => r.json().total);
    expect([await onDay('2020-05-05'), await onDay('2020-05-04'), await onDay('2020-05-06')]).toEqual([1, 0, 0]);
    expect((await agent.get('/api/v1/audit?from=2000-01-01&to=2000-01-02')).json().total).toBe(0);
    // An instant with its offset counts from that moment, whatever the offset.
    const since = (instant: string) => agent.get(`/api/v1/audit?from=${encodeURIComponent(instant)}&actor=early_riser`).then((r) => r.json().total);
    expect([await since('2020-05-05T00:30:00+08:00'), await since('2020-05-05T00:31:00+08:00'), await since('2020-05-04T16:29:59Z')]).toEqual([1, 0, 1]);
    expect((await agent.get('/api/v1/audit?outcome=maybe')).statusCode).toBe(400);
    // An impossible date is the user's mistake (400, naming the field), not a server error.
    for (const bad of ['from=2026-13-45', 'to=2026-00-10', 'from=2026-02-30', 'to=2026-01-01T25:00:00Z', 'to=2026-01-01T24:00:00Z', 'from=2026-02-31T10:00:00%2B08:00', 'from=2026-01-01x']) {
      const response = await agent.get(`/api/v1/audit?${bad}`);
      expect(response.statusCode, bad).toBe(400);
      expect(response.json().detail, bad).toMatch(bad.startsWith('from') ? /起始时间（from）/ : /截止时间（to）/);
    }
    const verified = await agent.post('/api/v1/audit/verify');
    expect(verified.json()).toMatchObject({ ok: true });
  });

  it('names a business record by its case number or ref, never by a title that carries an applicant’s name', async () => {
    const unit = await makeUnit(env.platform);
    const liaison = await loggedIn(env.app, (await makeUser(env.platform, { unit, roles: ['unit_liaison'] })).username);
    const request = await makeFoiRequest(liaison, { unitId: unit.id, receivedDate: '2026-10-12', applicantName: '欧阳明月' });
    const auditor = await loggedIn(env.app, (await makeUser(env.platform, { unit, roles: ['audit_admin'] })).username);
    const targets = async () => ((await auditor.get(`/api/v1/audit?targetId=${request.id}`)).json().items as any[]).map((i) => ({ targetLabel: i.targetLabel, targetName: i.targetName }));
    // Registered through the API it has no ref: the kind alone.
    expect((await targets()).length).toBeGreaterThan(0);
    for (const t of await targets()) expect(t).toEqual({ targetLabel: '公开申请', targetName: null });
    // With a ref (as an import gives it), the ref.
    await env.platform.db.updateTable('foi_requests').set({ ref: 'YSQ-AUDIT-1' }).where('id', '=', request.id).execute();
    for (const t of await targets()) expect(t).toEqual({ targetLabel: '公开申请', targetName: 'YSQ-AUDIT-1' });
    // Once it has its 文号 (it carries no personal data), by that number.
    await env.platform.db.updateTable('foi_requests').set({ case_number: '审计县依申请公开〔2026〕9号' }).where('id', '=', request.id).execute();
    for (const t of await targets()) expect(t).toEqual({ targetLabel: '公开申请', targetName: '审计县依申请公开〔2026〕9号' });
    expect(JSON.stringify(await targets())).not.toContain('欧阳明月');
  });

  it('can name a target of every record type and kernel kind (no type whose table lacks the column it is named by)', async () => {
    const types = [...env.platform.records.keys(), ...env.platform.workflows.keys(), 'clock', 'attachment', 'problem', 'deadline_rule', 'import', 'route'];
    const named = await describeTargets(env.platform, types.map((t) => ({ targetType: t, targetId: 'no-such-id' })));
    for (const t of types) expect(named.get(`${t}:no-such-id`), t).toMatchObject({ name: null });
  });

  it('has no update or delete path: the database refuses both', async () => {
    await env.platform.audit.record(env.platform.db, { id: null, name: 't', roles: [], unitId: null, ip: null }, { action: 'test.row' });
    await expect(sql`update audit_log set action = 'x'`.execute(env.platform.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(env.platform.db)).rejects.toThrow(/append-only/);
    // The audit log's routes (not the 审计监督 module's /audit-projects and /audit-findings).
    const routes = env.app.registeredRoutes.filter((r) => r.url === '/api/v1/audit' || r.url.startsWith('/api/v1/audit/'));
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.every((r) => r.method === 'GET' || r.url.endsWith('/verify'))).toBe(true);
  });

  it('`fazhi audit verify` passes on an intact log and names the first changed or removed row', async () => {
    // A database of its own: the log is tampered with, which no other test should see.
    const fresh = await createTestEnv();
    const verify = () => spawnSync(process.execPath, ['bin/fazhi.mjs', 'audit', 'verify'], { env: fresh.cliEnv, encoding: 'utf8', timeout: 60_000 });
    try {
      const actor = { id: null, name: 'tester', roles: [], unitId: null, ip: '127.0.0.1' };
      for (let i = 0; i < 6; i++) await fresh.platform.audit.record(fresh.platform.db, actor, { action: 'test.chain', targetId: String(i) });
      const ok = verify();
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout).toContain('审计日志完整');

      const rows = await fresh.platform.db.selectFrom('audit_log').select('seq').where('action', '=', 'test.chain').orderBy('seq').execute();
      await allowTampering(fresh, true);
      await fresh.platform.db.updateTable('audit_log').set({ outcome: 'failure' }).where('seq', '=', rows[2]!.seq).execute();
      const changed = verify();
      expect(changed.status).not.toBe(0);
      expect(changed.stderr).toContain(`第 ${rows[2]!.seq} 条`);

      await fresh.platform.db.updateTable('audit_log').set({ outcome: 'success' }).where('seq', '=', rows[2]!.seq).execute();
      expect(verify().status).toBe(0);
      await fresh.platform.db.deleteFrom('audit_log').where('seq', '=', rows[4]!.seq).execute();
      const removed = verify();
      expect(removed.status).not.toBe(0);
      expect(removed.stderr).toContain(`第 ${rows[5]!.seq} 条`);
      expect((await fresh.platform.audit.verify(fresh.platform.db)).brokenSeq).toBe(rows[5]!.seq);
    } finally {
      await fresh.close();
    }
  }, 180_000);
});

describe('the chain at commit: an entry joins the chain as its transaction\'s last work', () => {
  const actor = { ...SYSTEM_ACTOR, name: 'chain_tester' };
  const chain = async (target: TestEnv, prefix: string) =>
    (await target.platform.db.selectFrom('audit_log').select(['seq', 'action', 'at']).where('action', 'like', `${prefix}%`).orderBy('seq').execute());

  it.runIf(TEST_DB === 'postgres')('a transaction that recorded an entry and works on does not hold up another transaction\'s audited write', async () => {
    let release!: () => void;
    const heldOpen = new Promise<void>((resolve) => (release = resolve));
    let recorded!: () => void;
    const hasRecorded = new Promise<void>((resolve) => (recorded = resolve));
    const first = env.platform.db.transaction().execute(async (tx) => {
      await env.platform.audit.record(tx, actor, { action: 'held.first' });
      recorded();
      await heldOpen; // the rest of a long business transaction
      await sql`select 1`.execute(tx);
    });
    await hasRecorded;
    try {
      // Appended at once, the first entry's chain lock would make this wait until the first commits.
      const started = Date.now();
      await env.platform.db.transaction().execute(async (tx) => {
        await sql`set local lock_timeout = '3s'`.execute(tx);
        await env.platform.audit.record(tx, actor, { action: 'held.second' });
      });
      expect(Date.now() - started).toBeLessThan(2_000);
      // Not in the chain before its transaction commits.
      expect((await chain(env, 'held.')).map((r) => r.action)).toEqual(['held.second']);
    } finally {
      release();
      await first;
    }
    // In the chain in commit order, the times in the same order, and the chain intact.
    const rows = await chain(env, 'held.');
    expect(rows.map((r) => r.action)).toEqual(['held.second', 'held.first']);
    expect(rows[0]!.at <= rows[1]!.at).toBe(true);
    expect(await env.platform.audit.verify(env.platform.db)).toMatchObject({ ok: true });
  });

  it.runIf(TEST_DB === 'postgres')('an append that fails at commit rolls the business write back with it', async () => {
    const unit = await makeUnit(env.platform);
    // Another session holds the chain's lock: the append waits and gives up (lock timeout).
    const holder = new pg.Pool({ connectionString: env.cliEnv.DATABASE_URL, max: 1 });
    const client = await holder.connect();
    try {
      await client.query('begin');
      await client.query('select pg_advisory_xact_lock(7001)');
      const write = env.platform.db.transaction().execute(async (tx) => {
        await sql`set local lock_timeout = '300ms'`.execute(tx);
        await tx.updateTable('org_units').set({ name: '改名未成' }).where('id', '=', unit.id).execute();
        await env.platform.audit.record(tx, actor, { action: 'failed.append', targetType: 'org_unit', targetId: unit.id });
      });
      await expect(write).rejects.toThrow(/lock timeout/);
    } finally {
      await client.query('rollback');
      client.release();
      await holder.end();
    }
    expect((await env.platform.db.selectFrom('org_units').select('name').where('id', '=', unit.id).executeTakeFirstOrThrow()).name).toBe(unit.name);
    expect(await chain(env, 'failed.')).toEqual([]);
  });

  it.runIf(TEST_DB === 'postgres')('an insert that fails in the message it shares with the COMMIT rolls the business write back, and the connection serves on', async () => {
    const unit = await makeUnit(env.platform);
    // The chain's INSERT travels with the COMMIT in one message: a failing INSERT must skip the COMMIT.
    await sql`create trigger audit_log_refuse_one before insert on audit_log for each row
      when (new.action = 'refused.append') execute function audit_log_append_only()`.execute(env.platform.db);
    try {
      const write = env.platform.db.transaction().execute(async (tx) => {
        await tx.updateTable('org_units').set({ name: '改名未成' }).where('id', '=', unit.id).execute();
        await env.platform.audit.record(tx, actor, { action: 'refused.append', targetType: 'org_unit', targetId: unit.id });
      });
      await expect(write).rejects.toThrow(/append-only/);
    } finally {
      await sql`drop trigger audit_log_refuse_one on audit_log`.execute(env.platform.db);
    }
    expect((await env.platform.db.selectFrom('org_units').select('name').where('id', '=', unit.id).executeTakeFirstOrThrow()).name).toBe(unit.name);
    expect(await chain(env, 'refused.')).toEqual([]);
    // Every pooled connection is out of its transaction: audited writes on all of them go through.
    await Promise.all(Array.from({ length: 12 }, (_, i) => env.platform.db.transaction().execute((tx) => env.platform.audit.record(tx, actor, { action: 'refused.after', targetId: String(i) }))));
    expect(await chain(env, 'refused.')).toHaveLength(12);
    expect(await env.platform.audit.verify(env.platform.db)).toMatchObject({ ok: true });
  });

  it('entries written by many transactions at once form one chain, each after the last committed append', async () => {
    // On PostgreSQL the lock and the head's read are one statement: a head read in the snapshot of
    // before the lock's grant would repeat a seq (primary key violation) or fork the chain.
    await Promise.all(Array.from({ length: 40 }, (_, i) => env.platform.db.transaction().execute(async (tx) => {
      await env.platform.audit.record(tx, actor, { action: 'together.entry', targetId: String(i) });
      await env.platform.audit.record(tx, actor, { action: 'together.entry', targetId: `${i}b` });
    })));
    const rows = await chain(env, 'together.');
    expect(rows).toHaveLength(80);
    expect(new Set(rows.map((r) => r.seq)).size).toBe(80);
    expect(await env.platform.audit.verify(env.platform.db)).toMatchObject({ ok: true });
  });

  it('keeps every character of an entry as recorded: quotes, backslashes, line breaks, Chinese', async () => {
    const detail = { note: "它's \\ \"引号\" \n 第二行 \\x00 $$ E'x'", path: 'C:\\数据\\', n: 3 };
    await env.platform.db.transaction().execute((tx) => env.platform.audit.record(tx, { ...actor, name: "O'Brien \\ 王" }, { action: 'chars.kept', targetId: "id'; drop table audit_log; --", detail }));
    const row = await env.platform.db.selectFrom('audit_log').selectAll().where('action', '=', 'chars.kept').executeTakeFirstOrThrow();
    expect(JSON.parse(row.detail!)).toEqual(detail);
    expect([row.actor_name, row.target_id]).toEqual(["O'Brien \\ 王", "id'; drop table audit_log; --"]);
    expect(await env.platform.audit.verify(env.platform.db)).toMatchObject({ ok: true });
  });

  it('entries of a transaction rolled back, or since a savepoint rolled back to, never join the chain', async () => {
    await expect(env.platform.db.transaction().execute(async (tx) => {
      await env.platform.audit.record(tx, actor, { action: 'rolled.back' });
      throw new Error('business rule');
    })).rejects.toThrow('business rule');
    const trx = await env.platform.db.startTransaction().execute();
    await env.platform.audit.record(trx, actor, { action: 'rolled.kept', detail: { n: 1 } });
    const saved = await trx.savepoint('before_second').execute();
    await env.platform.audit.record(saved, actor, { action: 'rolled.undone' });
    const restored = await saved.rollbackToSavepoint('before_second').execute();
    await env.platform.audit.record(restored, actor, { action: 'rolled.kept', detail: { n: 2 } });
    await restored.commit().execute();
    const rows = await env.platform.db.selectFrom('audit_log').select(['seq', 'action', 'detail']).where('action', 'like', 'rolled.%').orderBy('seq').execute();
    expect(rows.map((r) => [r.action, r.detail])).toEqual([['rolled.kept', '{"n":1}'], ['rolled.kept', '{"n":2}']]);
    expect(rows[1]!.seq).toBe(rows[0]!.seq + 1);
    expect(await env.platform.audit.verify(env.platform.db)).toMatchObject({ ok: true });
  });

  it('a transaction begun outside the platform\'s database layer still gets its entry, appended at once', async () => {
    // A second Kysely instance on the same database, without the deferred commit work.
    const bare = TEST_DB === 'postgres'
      ? new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: env.cliEnv.DATABASE_URL, max: 2, options: `-c search_path=${env.cliEnv.FAZHI_PG_SCHEMA}` }) }) })
      : new Kysely<any>({ dialect: new SqliteDialect({ database: new SqliteDatabase(join(env.cliEnv.FAZHI_DATA_DIR!, 'fazhi.db')) }) });
    try {
      await bare.transaction().execute(async (tx) => {
        await env.platform.audit.record(tx, actor, { action: 'bare.now' });
        // Already in the chain (inside this transaction) before the commit.
        expect((await tx.selectFrom('audit_log').select('action').where('action', '=', 'bare.now').execute()).length).toBe(1);
      });
    } finally {
      await bare.destroy();
    }
    expect((await chain(env, 'bare.')).map((r) => r.action)).toEqual(['bare.now']);
    expect(await env.platform.audit.verify(env.platform.db)).toMatchObject({ ok: true });
  });

  it('many entries of one transaction join the chain together, in the order recorded', async () => {
    await env.platform.db.transaction().execute(async (tx) => {
      for (let i = 0; i < 1_203; i++) await env.platform.audit.record(tx, actor, { action: 'many.entry', targetId: String(i) });
    });
    const rows = await env.platform.db.selectFrom('audit_log').select(['seq', 'target_id']).where('action', '=', 'many.entry').orderBy('seq').execute();
    expect(rows.map((r) => Number(r.target_id))).toEqual([...Array(1_203).keys()]);
    expect(rows.at(-1)!.seq - rows[0]!.seq).toBe(1_202);
    expect(await env.platform.audit.verify(env.platform.db)).toMatchObject({ ok: true });
  });
});
