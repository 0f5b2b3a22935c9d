// 案卷评查 over HTTP (issue 16): the justice bureau's campaign samples decided cases, scores them on
// its sheet against the pass mark; a failed file goes to the body's problem pool; results by body;
// a body reads only its own files; bad input; the file_reviews import; figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, loggedIn, makeStaffedUnit, makeUnit, makeUser, multipart, type Agent, type TestEnv } from './harness.ts';
import { makeBody, makeOfficer } from './fixtures/enforcement.ts';
import { chinaToday, fromDayNumber, toDayNumber } from '../src/server/kernel/calendar/days.ts';

let env: TestEnv;
let office: Agent;
let root: Awaited<ReturnType<typeof makeUnit>>;
let justice: Awaited<ReturnType<typeof makeUnit>>;

beforeAll(async () => {
  env = await createTestEnv();
  root = await makeUnit(env.platform, { kind: 'county' });
  justice = await makeUnit(env.platform, { parent: root, name: '司法局' });
  office = await loggedIn(env.app, (await makeUser(env.platform, { unit: justice, roles: ['law_office'] })).username);
});
afterAll(() => env.close());

const today = chinaToday();
const year = Number(today.slice(0, 4));
const daysAgo = (n: number) => fromDayNumber(toDayNumber(today) - n);
// Cases decided on the 2nd of January of this year: sampled by year whatever today is.
const decidedOn = `${year}-01-02`;

/** A unit with a body, two officers and `n` cases decided this year. */
async function unitWithCases(n: number) {
  const { unit, agents } = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: root });
  const liaison = agents.unit_liaison;
  const body = await makeBody(liaison, { unitId: unit.id });
  const officers = [await makeOfficer(liaison, { bodyId: body.id }), await makeOfficer(liaison, { bodyId: body.id })];
  const cases = [];
  for (let i = 0; i < n; i++) {
    const res = await liaison.post('/api/v1/enforcement-cases', { bodyId: body.id, kind: 'penalty', partyName: `当事人${i}`, openedDate: `${year}-01-01`, officerIds: officers.map((o) => o.id) });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect((await liaison.post(`/api/v1/workflow/enforcement_case/${c.id}/transitions/decide`, { version: 1, date: decidedOn, values: { outcome: 'imposed', decision: '警告' } })).statusCode).toBe(200);
    cases.push(c);
  }
  return { unit, liaison, body, cases };
}

async function campaign(values: Record<string, unknown> = {}) {
  const res = await office.post('/api/v1/file-review-campaigns', { title: `${year}年度行政处罚案卷评查`, unitId: justice.id, startDate: `${year}-01-03`, passMark: 80, ...values });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('a file-review campaign', () => {
  it('samples decided cases, scores them; a failed file goes to the body\'s problem pool; results by body; the body reads only its own files', async () => {
    const a = await unitWithCases(3);
    const b = await unitWithCases(1);
    const c = await campaign();
    expect(c).toMatchObject({ status: 'ongoing', total: 100, files: 0 });
    expect(c.lines).toHaveLength(6);
    const sampled = await office.post(`/api/v1/file-review-campaigns/${c.id}/sample`, { bodyId: a.body.id, kind: 'penalty', year, count: 2 });
    expect(sampled.statusCode, sampled.body).toBe(201);
    expect(sampled.json()).toMatchObject({ files: 2, scored: 0 });
    expect((await office.post(`/api/v1/file-review-campaigns/${c.id}/sample`, { bodyId: b.body.id, year, count: 5 })).json()).toMatchObject({ files: 3 });
    // Sampling again finds only what is left.
    expect((await office.post(`/api/v1/file-review-campaigns/${c.id}/sample`, { bodyId: b.body.id, year, count: 5 })).statusCode).toBe(409);
    const files = (await office.get(`/api/v1/file-reviews?campaignId=${c.id}`)).json().items;
    expect(files).toHaveLength(3);
    const ofA = files.filter((f: any) => f.bodyName === a.body.name);
    const ofB = files.find((f: any) => f.bodyName === b.body.name);
    // Finishing with unscored files is refused.
    const early = await office.post(`/api/v1/workflow/file_review_campaign/${c.id}/transitions/finish`, { version: (await office.get(`/api/v1/file-review-campaigns/${c.id}`)).json().version });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('未评分');
    // Scored line by line on the default sheet (10/25/20/25/10/10): the total is the lines' sum.
    const pass = await office.put(`/api/v1/file-reviews/${ofA[0].id}/score`, { version: 1, reviewedDate: daysAgo(0), lineScores: [10, 24, 18, 22, 9, 9] });
    expect(pass.statusCode, pass.body).toBe(200);
    expect(pass.json()).toMatchObject({ score: 92, passed: true, lineScores: [10, 24, 18, 22, 9, 9] });
    expect(pass.json().lines.map((l: any) => l.points)).toEqual([10, 25, 20, 25, 10, 10]);
    const fail = await office.put(`/api/v1/file-reviews/${ofA[1].id}/score`, { version: 1, reviewedDate: daysAgo(0), score: 61, problems: '未告知陈述申辩权利；送达回证缺失' });
    expect(fail.json()).toMatchObject({ passed: false, problems: '未告知陈述申辩权利；送达回证缺失' });
    expect((await office.put(`/api/v1/file-reviews/${ofB.id}/score`, { version: 1, reviewedDate: daysAgo(0), score: 85 })).statusCode).toBe(200);
    const problem = await env.platform.db.selectFrom('problems').selectAll().where('source_type', '=', 'file_review').where('source_id', '=', ofA[1].id).executeTakeFirstOrThrow();
    expect(problem).toMatchObject({ unit_id: a.unit.id, status: 'open', source_label: '案卷评查' });
    const detail = (await office.get(`/api/v1/file-review-campaigns/${c.id}`)).json();
    expect(detail).toMatchObject({ files: 3, scored: 3, passedFiles: 2 });
    expect(detail.byBody).toEqual(expect.arrayContaining([{ bodyName: a.body.name, files: 2, scored: 2, passed: 1, averageScore: 76.5 }, { bodyName: b.body.name, files: 1, scored: 1, passed: 1, averageScore: 85 }]));
    expect((await office.post(`/api/v1/workflow/file_review_campaign/${c.id}/transitions/finish`, { version: detail.version })).statusCode).toBe(200);
    // Each body reads its own files' results, not another's, not the campaign; it cannot score.
    const own = (await a.liaison.get('/api/v1/file-reviews?pageSize=200')).json().items;
    expect(own.map((f: any) => f.id).sort()).toEqual(ofA.map((f: any) => f.id).sort());
    expect((await a.liaison.get(`/api/v1/file-reviews/${ofB.id}`)).statusCode).toBe(404);
    expect((await a.liaison.get(`/api/v1/file-review-campaigns/${c.id}`)).statusCode).toBe(403);
    expect((await a.liaison.put(`/api/v1/file-reviews/${ofA[0].id}/score`, { version: 2, reviewedDate: daysAgo(0), score: 100 })).statusCode).toBe(403);
    const exported = await a.liaison.get('/api/v1/file-reviews/export');
    expect(exported.statusCode).toBe(200);
    expect(exported.rawPayload.includes(Buffer.from(b.body.name))).toBe(false);
    const figures = (await office.get(`/api/v1/indicators?year=${year}&unit=${a.unit.code}`)).json().indicators;
    expect(figures).toMatchObject({ 'enforcement.files_reviewed': 2, 'enforcement.files_passed': 1, 'enforcement.file_review_pass_rate': 0.5 });
    // Behind the rate: each file under its case's title, the passed one counted.
    const behind = (await office.get(`/api/v1/indicators/enforcement.file_review_pass_rate/records?year=${year}&unit=${a.unit.code}&page=1&pageSize=20`)).json();
    expect(behind.items.map((r: any) => [r.id, r.title, r.counted]).sort()).toEqual(ofA.map((f: any) => [f.id, f.caseTitle, f.id === ofA[0].id]).sort());
  });

  it('bad input names the field and saves nothing', async () => {
    const a = await unitWithCases(1);
    const bad = await office.post('/api/v1/file-review-campaigns', { title: '评查', unitId: justice.id, startDate: today, passMark: 120 });
    expect(bad.json()).toMatchObject({ status: 400, errors: [{ field: 'passMark' }] });
    const lines = await office.post('/api/v1/file-review-campaigns', { title: '评查', unitId: justice.id, startDate: today, passMark: 60, lines: [{ item: '', points: 10 }] });
    expect(lines.statusCode).toBe(400);
    expect(lines.json().detail).toContain('评查项目');
    const c = await campaign({ lines: [{ item: '证据', points: 50 }, { item: '程序', points: 50 }], passMark: 60 });
    expect(c.total).toBe(100);
    await office.post(`/api/v1/file-review-campaigns/${c.id}/sample`, { bodyId: a.body.id, year, count: 1 });
    const file = (await office.get(`/api/v1/file-reviews?campaignId=${c.id}`)).json().items[0];
    const cases: [Record<string, unknown>, string, string][] = [
      [{ score: 101 }, 'score', '不能超过评分表总分 100'],
      [{ score: 40 }, 'problems', '不合格的案卷须写明发现的问题'],
      [{ reviewedDate: `${year}-01-01` }, 'reviewedDate', '不能早于评查开始日期'],
      [{ score: -1 }, 'score', '不能为负数'],
      [{ score: undefined }, 'score', '请填写得分或各项得分'],
      [{ score: undefined, lineScores: [50] }, 'lineScores', '应有 2 项'],
      [{ score: undefined, lineScores: [40, 51] }, 'lineScores.1', '不能超过该项分值 50'],
      [{ score: 90, lineScores: [40, 40] }, 'score', '应等于各项得分之和 80'],
    ];
    for (const [extra, field, message] of cases) {
      const res = await office.put(`/api/v1/file-reviews/${file.id}/score`, { version: 1, reviewedDate: today, score: 90, ...extra });
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json().errors[0].field).toBe(field);
      expect(res.json().detail).toContain(message);
    }
    expect((await office.get(`/api/v1/file-reviews/${file.id}`)).json()).toMatchObject({ version: 1, score: null, passed: null, lineScores: null });
    expect(await env.platform.db.selectFrom('problems').select('id').where('source_id', '=', file.id).executeTakeFirst()).toBeUndefined();
  });
});

describe('import file_reviews', () => {
  it('adds the files and their scores; any bad row imports nothing and each is listed', async () => {
    const a = await unitWithCases(3);
    const c = await campaign();
    await env.platform.db.updateTable('enforcement_review_campaigns').set({ ref: `PC-${a.unit.code}` }).where('id', '=', c.id).execute();
    for (const [i, k] of a.cases.entries()) await env.platform.db.updateTable('enforcement_cases').set({ ref: `AJ-${a.unit.code}-${i}` }).where('id', '=', k.id).execute();
    const file = (type: string, rows: Record<string, unknown>[]) => office.request({ method: 'POST', url: `/api/v1/imports/${type}`, ...multipart(`${type}.jsonl`, rows.map((r) => JSON.stringify(r)).join('\n')) });
    const good = [
      { ref: 'PJ-1', campaignRef: `PC-${a.unit.code}`, caseRef: `AJ-${a.unit.code}-0`, reviewedDate: today, score: '88' },
      { ref: 'PJ-2', campaignRef: `PC-${a.unit.code}`, caseRef: `AJ-${a.unit.code}-1`, reviewedDate: today, score: '55' },
    ];
    const bad = await file('file_reviews', [...good, { ref: 'PJ-3', campaignRef: 'NOPE', caseRef: `AJ-${a.unit.code}-0` }, { ref: 'PJ-4', campaignRef: `PC-${a.unit.code}`, caseRef: `AJ-${a.unit.code}-2`, score: '70' }, { ref: 'PJ-5', campaignRef: `PC-${a.unit.code}`, caseRef: `AJ-${a.unit.code}-1` }]);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: any) => [e.row, e.column])).toEqual([[3, '评查活动编号（campaignRef）'], [4, '评查日期（reviewedDate）'], [5, '执法案件编号（caseRef）']]);
    expect((await office.get(`/api/v1/file-reviews?campaignId=${c.id}`)).json().total).toBe(0);
    const ok = await file('file_reviews', good);
    expect(ok.statusCode, ok.body).toBe(200);
    const items = (await office.get(`/api/v1/file-reviews?campaignId=${c.id}&sort=score&order=desc`)).json().items;
    expect(items).toMatchObject([{ ref: 'PJ-1', score: 88, passed: true }, { ref: 'PJ-2', score: 55, passed: false, problems: '评查不合格（批量导入，问题见评查表）' }]);
  });
});
