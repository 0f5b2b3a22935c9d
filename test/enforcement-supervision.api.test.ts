// 行政执法监督 over HTTP (issue 16): the bureau's supervision of a body; the 监督意见书 starts the
// 30-day correction clock and opens a problem in the body's pool; the body reports its correction;
// rejected, the clock runs on; not corrected, a 监督决定书; accepted, the problem closes. Scope, bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDaysDue, createTestEnv, loggedIn, makeStaffedUnit, makeUnit, makeUser, type Agent, type TestEnv } from './harness.ts';
import { makeBody } from './fixtures/enforcement.ts';
import { chinaToday, fromDayNumber, toDayNumber } from '../src/server/kernel/calendar/days.ts';

let env: TestEnv;
let office: Agent;
let root: Awaited<ReturnType<typeof makeUnit>>;

beforeAll(async () => {
  env = await createTestEnv();
  root = await makeUnit(env.platform, { kind: 'county' });
  const justice = await makeUnit(env.platform, { parent: root, name: '司法局' });
  office = await loggedIn(env.app, (await makeUser(env.platform, { unit: justice, roles: ['law_office'] })).username);
});
afterAll(() => env.close());

const daysAgo = (n: number) => fromDayNumber(toDayNumber(chinaToday()) - n);
const act = (agent: Agent, id: string, key: string, body: Record<string, unknown>) => agent.post(`/api/v1/workflow/enforcement_supervision/${id}/transitions/${key}`, body);
const problemOf = (id: string) => env.platform.db.selectFrom('problems').selectAll().where('source_type', '=', 'enforcement_supervision').where('source_id', '=', id).executeTakeFirst();

describe('a supervision action', () => {
  it('runs opinion → correction report → rejected → 监督决定书 → accepted, with its clocks and the body\'s problem', async () => {
    const { unit, agents } = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: root });
    const body = await makeBody(agents.unit_liaison, { unitId: unit.id });
    const created = await office.post('/api/v1/enforcement-supervisions', { title: '行政处罚案件办理情况重点监督', kind: 'key', bodyId: body.id, startDate: daysAgo(40), findings: '3件案件未按时公示' });
    expect(created.statusCode, created.body).toBe(201);
    const s = created.json();
    expect(s).toMatchObject({ status: 'ongoing', unitId: unit.id, bodyName: body.name });
    // The body cannot issue the opinion; the bureau does, on a day not before the start.
    expect((await act(agents.unit_liaison, s.id, 'issue_opinion', { version: 1, values: { opinion: '限期整改' } })).statusCode).toBe(403);
    const early = await act(office, s.id, 'issue_opinion', { version: 1, date: daysAgo(41), values: { opinion: '限期整改' } });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].field).toBe('date');
    expect((await act(office, s.id, 'issue_opinion', { version: 1, date: daysAgo(35), values: { opinion: '对未按时公示的3件案件限期补充公示，建立公示台账' } })).statusCode).toBe(200);
    const issued = (await agents.unit_liaison.get(`/api/v1/enforcement-supervisions/${s.id}`)).json();
    expect(issued).toMatchObject({ status: 'correcting', opinionDate: daysAgo(35), due: calendarDaysDue(daysAgo(35), 30), light: 'red' });
    // The 监督意见书 takes its 文号 county-wide, in the year it was issued; a failed try (the early date) took none.
    expect(issued.opinionNumber).toMatch(new RegExp(`执法监督〔${daysAgo(35).slice(0, 4)}〕\\d+号$`));
    expect(await problemOf(s.id)).toMatchObject({ unit_id: unit.id, status: 'open', severity: 'general' });
    // The body reports; the bureau rejects; the clock runs on; not corrected, the decision follows.
    const report = await act(agents.unit_liaison, s.id, 'report', { version: issued.version, values: { correctionReport: '已补充公示' } });
    expect(report.statusCode, report.body).toBe(200);
    expect((await act(office, s.id, 'reject', { version: issued.version + 1 })).statusCode).toBe(400);
    expect((await act(office, s.id, 'reject', { version: issued.version + 1, note: '公示台账未建立' })).statusCode).toBe(200);
    const escalated = await act(office, s.id, 'escalate', { version: issued.version + 2, values: { decision: '责令7日内建立公示台账并报送' } });
    expect(escalated.statusCode, escalated.body).toBe(200);
    expect(await problemOf(s.id)).toMatchObject({ severity: 'major', status: 'open' });
    const clocks = (await office.get(`/api/v1/workflow/enforcement_supervision/${s.id}`)).json().clocks;
    expect(clocks.find((c: any) => c.key === 'correct')).toMatchObject({ status: 'stopped' });
    expect(clocks.find((c: any) => c.key === 'decision')).toMatchObject({ status: 'running', ruleCode: 'enforcement.supervision_correct' });
    expect((await act(agents.unit_liaison, s.id, 'report', { version: issued.version + 3, values: { correctionReport: '已建立公示台账' } })).statusCode).toBe(200);
    expect((await act(office, s.id, 'accept', { version: issued.version + 4 })).statusCode).toBe(200);
    expect(await problemOf(s.id)).toMatchObject({ status: 'closed' });
    const year = Number(chinaToday().slice(0, 4));
    if (daysAgo(40).startsWith(String(year))) {
      expect((await office.get(`/api/v1/indicators?year=${year}&unit=${unit.code}`)).json().indicators).toMatchObject({ 'enforcement.supervisions': 1, 'enforcement.supervision_opinions': 1 });
    }
  });

  it('another unit neither reads nor reports on it; bad input names the field and saves nothing', async () => {
    const a = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: root });
    const b = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: root });
    const body = await makeBody(a.agents.unit_liaison, { unitId: a.unit.id });
    const s = (await office.post('/api/v1/enforcement-supervisions', { title: '专项监督甲', kind: 'special', bodyId: body.id, startDate: daysAgo(5) })).json();
    await act(office, s.id, 'issue_opinion', { version: 1, values: { opinion: '整改' } });
    expect((await b.agents.unit_liaison.get(`/api/v1/enforcement-supervisions/${s.id}`)).statusCode).toBe(404);
    expect((await b.agents.unit_liaison.get('/api/v1/enforcement-supervisions?pageSize=200')).body).not.toContain('专项监督甲');
    expect((await act(b.agents.unit_liaison, s.id, 'report', { version: 2, values: { correctionReport: '已整改' } })).statusCode).toBe(404);
    expect((await a.agents.unit_liaison.post('/api/v1/enforcement-supervisions', { title: '自我监督', kind: 'routine', bodyId: body.id, startDate: daysAgo(1) })).statusCode).toBe(403);
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'weekly' }, 'kind'],
      [{ title: '' }, 'title'],
      [{ startDate: daysAgo(-2) }, 'startDate'],
      [{ bodyId: 'nope' }, 'bodyId'],
    ];
    for (const [extra, field] of cases) {
      const res = await office.post('/api/v1/enforcement-supervisions', { title: '监督乙', kind: 'routine', bodyId: body.id, startDate: daysAgo(1), ...extra });
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json().errors[0].field).toBe(field);
    }
    const empty = await act(a.agents.unit_liaison, s.id, 'report', { version: 2, values: { correctionReport: '' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().detail).toContain('整改情况');
    expect((await office.get('/api/v1/enforcement-supervisions?q=监督乙')).json().total).toBe(0);
    expect((await a.agents.unit_liaison.get(`/api/v1/enforcement-supervisions/${s.id}`)).json()).toMatchObject({ status: 'correcting', version: 2 });
  });
});
