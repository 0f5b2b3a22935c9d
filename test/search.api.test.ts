// Global search: finds records by ref, title, party and unit name, only of the types the reader may
// read and only in the reader's data scope; never by sealed personal data; the index follows every
// write (insert, update, delete) on both engines; one- and two-character queries fall back to LIKE.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestEnv, loggedIn, makeFoiRequest, makeStaffedUnit, makeUnit, makeUser, type Agent, type TestEnv } from './harness.ts';
import type { SearchResult } from '../src/shared/schemas/search.ts';

let env: TestEnv;
let office: Agent;
let north: Awaited<ReturnType<typeof makeStaffedUnit<'unit_liaison' | 'enforcement_officer'>>>;
let south: Awaited<ReturnType<typeof makeStaffedUnit<'unit_liaison'>>>;
const tag = `搜${Date.now() % 100000}`;

beforeAll(async () => {
  env = await createTestEnv();
  const lawOffice = await makeUnit(env.platform, { name: '测试县司法局' });
  office = await loggedIn(env.app, (await makeUser(env.platform, { unit: lawOffice, roles: ['law_office'] })).username);
  north = await makeStaffedUnit(env, ['unit_liaison', 'enforcement_officer'] as const, { name: `北辰${tag}自然资源局` });
  south = await makeStaffedUnit(env, ['unit_liaison'] as const, { name: `南岭${tag}住建局` });
}, 60_000);
afterAll(() => env.close());

const find = async (agent: Agent, q: string, limit = 5): Promise<SearchResult> => {
  const res = await agent.get(`/api/v1/search?q=${encodeURIComponent(q)}&limit=${limit}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const idsOf = (result: SearchResult, type = 'foi_request') => result.groups.find((g) => g.type === type)?.items.map((i) => i.id) ?? [];

describe('global search', () => {
  it('finds a record by its party, its content words and its ref, with its status and page', async () => {
    const made = await makeFoiRequest(north.agents.unit_liaison, { unitId: north.unit.id, receivedDate: '2026-03-02', applicantName: `欧阳${tag}明`, content: `关于${tag}地块征收补偿方案的信息` });
    // Refs come with imports; any writer's ref is indexed.
    await env.platform.db.updateTable('foi_requests').set({ ref: `YSQ-${tag}-1` }).where('id', '=', made.id).execute();
    for (const q of [`欧阳${tag}`, `${tag}地块征收`, `YSQ-${tag}-1`, `ysq-${tag}`]) {
      const result = await find(office, q);
      const group = result.groups.find((g) => g.type === 'foi_request');
      expect(group?.title, q).toBe('政府信息公开申请');
      expect(group?.items.map((i) => i.id), q).toContain(made.id);
      const hit = group!.items.find((i) => i.id === made.id)!;
      expect(hit.link).toBe(`/foi/${made.id}`);
      expect(hit.unitName).toBe(north.unit.name);
      expect(hit.statusLabel).toBeTruthy();
    }
  });

  it('every word must match, in any order; FTS syntax in the query is text, not an operator', async () => {
    const made = await makeFoiRequest(north.agents.unit_liaison, { unitId: north.unit.id, receivedDate: '2026-03-03', applicantName: `诸葛${tag}`, content: `河道${tag}采砂许可的批准文件` });
    expect(idsOf(await find(office, `采砂许可 诸葛${tag}`))).toContain(made.id);
    expect(idsOf(await find(office, `采砂许可 不存在的词${tag}`))).not.toContain(made.id);
    for (const q of [`"${tag}" OR *`, `${tag} NEAR(`, `${tag}' or 1=1 --`]) expect((await find(office, q)).groups.length, q).toBeGreaterThanOrEqual(0);
  });

  it('a unit sees only its own records; another unit\'s are not found, whatever the query', async () => {
    const mine = await makeFoiRequest(north.agents.unit_liaison, { unitId: north.unit.id, receivedDate: '2026-03-04', applicantName: `司马${tag}甲`, content: `共同关键词${tag}` });
    const theirs = await makeFoiRequest(south.agents.unit_liaison, { unitId: south.unit.id, receivedDate: '2026-03-04', applicantName: `司马${tag}乙`, content: `共同关键词${tag}` });
    // Two characters, looked up in the short-word index, keep to the reader's scope too.
    const shortByNorth = idsOf(await find(north.agents.unit_liaison, '司马', 50));
    expect(shortByNorth).toContain(mine.id);
    expect(shortByNorth).not.toContain(theirs.id);
    const seenByNorth = idsOf(await find(north.agents.unit_liaison, `共同关键词${tag}`, 50));
    expect(seenByNorth).toContain(mine.id);
    expect(seenByNorth).not.toContain(theirs.id);
    // By the other unit's name as well: its records stay out of reach.
    expect(idsOf(await find(north.agents.unit_liaison, `南岭${tag}`, 50))).not.toContain(theirs.id);
    const seenByOffice = idsOf(await find(office, `共同关键词${tag}`, 50));
    expect(seenByOffice).toEqual(expect.arrayContaining([mine.id, theirs.id]));
  });

  it("a unit's name finds its records", async () => {
    const made = await makeFoiRequest(south.agents.unit_liaison, { unitId: south.unit.id, receivedDate: '2026-03-05', applicantName: '某公司', content: '普通内容' });
    expect(idsOf(await find(office, `南岭${tag}住建`, 50))).toContain(made.id);
  });

  it('one- and two-character words are found (LIKE fallback)', async () => {
    const made = await makeFoiRequest(north.agents.unit_liaison, { unitId: north.unit.id, receivedDate: '2026-03-06', applicantName: `卞${tag}`, content: `关于鸭${tag}塘的信息` });
    expect(idsOf(await find(office, `卞${tag}`))).toContain(made.id);
    const short = await find(office, '鸭');
    expect(short.groups.find((g) => g.type === 'foi_request')?.items.length).toBeGreaterThan(0);
    expect(idsOf(await find(office, `鸭 ${tag}塘`), 'foi_request')).toContain(made.id);
    // A two-character name, an upper-case letter of a ref, a word of punctuation alone.
    const named = await makeFoiRequest(north.agents.unit_liaison, { unitId: north.unit.id, receivedDate: '2026-03-06', applicantName: '欧冶', content: `名${tag}` });
    await env.platform.db.updateTable('foi_requests').set({ ref: `Q〔${tag}〕` }).where('id', '=', named.id).execute();
    expect(idsOf(await find(office, '欧冶', 50))).toContain(named.id);
    expect(idsOf(await find(office, `q ${tag}`, 50))).toContain(named.id);
    expect(idsOf(await find(office, `〔 ${tag}`, 50))).toContain(named.id);
    expect(idsOf(await find(office, `冶欧 ${tag}`, 50))).not.toContain(named.id);
  });

  it('the index follows updates and deletes made by any writer', async () => {
    const made = await makeFoiRequest(north.agents.unit_liaison, { unitId: north.unit.id, receivedDate: '2026-03-07', applicantName: '申请人', content: `旧名${tag}` });
    expect(idsOf(await find(office, `旧名${tag}`))).toContain(made.id);
    await env.platform.db.updateTable('foi_requests').set({ content: `新名${tag}`, title: `申请人：新名${tag}` }).where('id', '=', made.id).execute();
    expect(idsOf(await find(office, `旧名${tag}`))).not.toContain(made.id);
    expect(idsOf(await find(office, `新名${tag}`))).toContain(made.id);
    await env.platform.db.deleteFrom('clocks').where('record_id', '=', made.id).execute();
    await env.platform.db.deleteFrom('foi_requests').where('id', '=', made.id).execute();
    expect(idsOf(await find(office, `新名${tag}`))).not.toContain(made.id);
  });

  it('sealed personal data is never searchable', async () => {
    const idNumber = '110101199003074514';
    const created = await office.post('/api/v1/review-cases', { unitId: north.unit.id, applicantName: `封存${tag}`, applicantKind: 'person', applicantIdNumber: idNumber, applicantPhone: '13912345678', respondent: '测试县市场监管局', respondentUnitId: south.unit.id, act: '行政处罚决定', receivedDate: '2026-03-02', channel: 'window' });
    expect(created.statusCode, created.body).toBe(201);
    expect(idsOf(await find(office, `封存${tag}`), 'review_case')).toContain(created.json().id);
    for (const q of [idNumber, '199003074514', '13912345678']) expect((await find(office, q)).groups.find((g) => g.type === 'review_case'), q).toBeUndefined();
  });

  it('record types the reader may not read are not searched', async () => {
    const created = await office.post('/api/v1/review-cases', { unitId: north.unit.id, applicantName: `无权${tag}`, applicantKind: 'person', respondent: '测试县市场监管局', respondentUnitId: south.unit.id, act: '行政处罚决定', receivedDate: '2026-03-02', channel: 'window' });
    expect(created.statusCode, created.body).toBe(201);
    // An enforcement officer of the same unit has no review.read: no reconsideration group at all.
    expect((await find(north.agents.enforcement_officer, `无权${tag}`)).groups.map((g) => g.type)).not.toContain('review_case');
    expect(idsOf(await find(north.agents.unit_liaison, `无权${tag}`), 'review_case')).toContain(created.json().id);
  });

  it('counts matches beyond the page, and caps the count', async () => {
    for (let i = 0; i < 7; i++) await makeFoiRequest(south.agents.unit_liaison, { unitId: south.unit.id, receivedDate: '2026-03-08', applicantName: `批量${tag}`, content: `第${i}件` });
    const group = (await find(south.agents.unit_liaison, `批量${tag}`, 3)).groups.find((g) => g.type === 'foi_request')!;
    expect(group.items).toHaveLength(3);
    expect(group.total).toBe(7);
  });

  it('refuses an empty or overlong query with a Chinese message naming the field', async () => {
    for (const q of ['', '   ', 'x'.repeat(101)]) {
      const res = await office.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.body).toMatch(/关键词/);
    }
    expect((await office.get('/api/v1/search?q=abc&limit=0')).statusCode).toBe(400);
    expect((await new (office.constructor as any)(env.app).get('/api/v1/search?q=abc')).statusCode).toBe(401);
  });

  it('an index that matches its table is kept at start, not refilled (a county took 50 s)', async () => {
    if (env.platform.dialect !== 'sqlite') return;
    const made = await makeFoiRequest(north.agents.unit_liaison, { unitId: north.unit.id, receivedDate: '2026-03-09', applicantName: `保留${tag}`, content: '内容' });
    // A word only the index holds: a refill from the table would drop it.
    const marker = `索引标记${tag}`;
    await sql`update search_foi_requests set body = body || ${` ${marker}`} where id = ${made.id}`.execute(env.platform.db);
    const { installSearch, searchTargets } = await import('../src/server/kernel/search/index.ts');
    try {
      await installSearch(env.platform.db, 'sqlite', searchTargets(env.platform));
      expect(idsOf(await find(office, marker))).toContain(made.id);
    } finally {
      await sql`update search_foi_requests set body = replace(body, ${` ${marker}`}, '') where id = ${made.id}`.execute(env.platform.db);
    }
  });

  it('checking an index that matches its table takes no write lock (a server worker opens beside writers)', async () => {
    if (env.platform.dialect !== 'sqlite') return;
    const { default: Sqlite } = await import('better-sqlite3');
    const writer = new Sqlite(env.platform.sqliteFile!);
    writer.exec('begin immediate');
    try {
      const { installSearch, searchTargets } = await import('../src/server/kernel/search/index.ts');
      await expect(installSearch(env.platform.db, 'sqlite', searchTargets(env.platform))).resolves.toBeTruthy();
    } finally {
      writer.exec('rollback');
      writer.close();
    }
  });

  it('the index is rebuilt when it no longer matches its table', async () => {
    if (env.platform.dialect !== 'sqlite') {
      const { rows } = await sql<{ n: number }>`select count(*) as n from pg_indexes where schemaname = current_schema() and indexname like 'search_foi_requests_%'`.execute(env.platform.db);
      expect(Number(rows[0]!.n)).toBe(1);
      return;
    }
    const made = await makeFoiRequest(north.agents.unit_liaison, { unitId: north.unit.id, receivedDate: '2026-03-09', applicantName: `重建${tag}`, content: '内容' });
    await sql`delete from search_foi_requests`.execute(env.platform.db);
    expect(idsOf(await find(office, `重建${tag}`))).not.toContain(made.id);
    const { installSearch, searchTargets } = await import('../src/server/kernel/search/index.ts');
    await installSearch(env.platform.db, 'sqlite', searchTargets(env.platform));
    expect(idsOf(await find(office, `重建${tag}`))).toContain(made.id);
    // A migration that rebuilds a table renumbers its rowids: the index notices and refills.
    await sql`update foi_requests set rowid = rowid + 1000000`.execute(env.platform.db);
    await installSearch(env.platform.db, 'sqlite', searchTargets(env.platform));
    const { rows } = await sql<{ n: number }>`select count(*) as n from search_foi_requests s join foi_requests t on t.rowid = s.rowid and t.id = s.id`.execute(env.platform.db);
    const { rows: all } = await sql<{ n: number }>`select count(*) as n from foi_requests`.execute(env.platform.db);
    expect(Number(rows[0]!.n)).toBe(Number(all[0]!.n));
    expect(idsOf(await find(office, `重建${tag}`))).toContain(made.id);
  });
});
