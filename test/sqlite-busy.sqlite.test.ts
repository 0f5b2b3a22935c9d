// SQLite only (this file runs in the sqlite project alone): another process — a second server
// worker, or the CLI importing a large file — holds the write lock longer than the busy timeout.
// Reads are served, a write fails whole with a 503 and succeeds once the lock is gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Sqlite from 'better-sqlite3';
import { createTestEnv, loggedIn, makeUnit, makeUser, type TestEnv } from './harness.ts';

describe('requests while another process holds SQLite\'s write lock', () => {
  let busy: TestEnv;
  beforeAll(async () => {
    busy = await createTestEnv({ sqliteBusyTimeoutMs: 1000 });
  });
  afterAll(() => busy.close());

  it('serves reads (a due session touch, recounted figures); a write waits out the busy timeout and answers 503 with nothing saved', async () => {
    const unit = await makeUnit(busy.platform);
    const admin = await loggedIn(busy.app, (await makeUser(busy.platform, { unit, roles: ['sys_admin'] })).username);
    // The administrator's session is due for the once-a-minute touch, which a read request makes.
    await busy.platform.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 120_000).toISOString() }).execute();
    const lawOffice = await loggedIn(busy.app, (await makeUser(busy.platform, { unit, roles: ['law_office'] })).username);
    const holder = new Sqlite(busy.platform.sqliteFile!);
    holder.exec('begin immediate');
    let res;
    let started = 0;
    try {
      // Reads are served: the touch gives up (the next request touches instead); the figures are
      // recounted into memory, and after the first store fails no other store waits.
      expect((await admin.get('/api/v1/auth/me')).statusCode).toBe(200);
      started = Date.now();
      const figures = await lawOffice.get('/api/v1/indicators?year=2025');
      expect(figures.statusCode).toBe(200);
      expect(Date.now() - started).toBeLessThan(3_000);
      res = await admin.post('/api/v1/org/units', { code: 'BUSY-1', name: '繁忙时新建', kind: 'department' });
    } finally {
      holder.exec('rollback');
      holder.close();
    }
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json().detail).toContain('数据库正忙');
    expect(await busy.platform.db.selectFrom('org_units').select('id').where('code', '=', 'BUSY-1').executeTakeFirst()).toBeUndefined();
    expect((await admin.post('/api/v1/org/units', { code: 'BUSY-1', name: '繁忙时新建', kind: 'department' })).statusCode).toBe(201);
  }, 30_000);
});
