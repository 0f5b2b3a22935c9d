// 法治政府建设考评 over HTTP (issue 13): a scheme built line by line (formulas checked, points that do
// not add up refuse publication), self-assessment kept apart from the assessors' scores, computed lines
// from the indicators (不适用 scaled), the campaign through release, objections within the window
// (once per line; after the window refused), answers, final and frozen; a unit reads and changes only
// its own scores and objections; imports all or nothing; the CLI's JSON; 述法 reports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, loggedIn, makeStaffedUnit, makeUnit, makeUser, multipart, type Agent, type TestEnv } from './harness.ts';
import { chinaToday, fromDayNumber, toDayNumber } from '../src/server/kernel/calendar/days.ts';
import { assessmentJson } from '../src/server/modules/assessment/cli.ts';

let env: TestEnv;
let office: Agent;
let root: Awaited<ReturnType<typeof makeUnit>>;
let justice: Awaited<ReturnType<typeof makeUnit>>;
type Staffed = { unit: Awaited<ReturnType<typeof makeUnit>>; agents: { unit_liaison: Agent } };
let deptA: Staffed;
let deptB: Staffed;
let town: Staffed;

const today = chinaToday();
const year = Number(today.slice(0, 4));
const daysAgo = (n: number) => fromDayNumber(toDayNumber(today) - n);

async function staffed(category: string): Promise<Staffed> {
  const s = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: root, kind: category === '乡镇' ? 'town' : 'department' });
  await env.platform.db.updateTable('org_units').set({ category }).where('id', '=', s.unit.id).execute();
  return s;
}

beforeAll(async () => {
  env = await createTestEnv();
  root = await makeUnit(env.platform, { kind: 'county' });
  justice = await makeUnit(env.platform, { parent: root, name: '司法局' });
  office = await loggedIn(env.app, (await makeUser(env.platform, { unit: justice, roles: ['law_office'] })).username);
  deptA = await staffed('部门');
  deptB = await staffed('部门');
  town = await staffed('乡镇');
});
afterAll(() => env.close());

const ok = (res: { statusCode: number; body: string }, status = 200) => {
  expect(res.statusCode, res.body).toBe(status);
  return JSON.parse(res.body);
};

async function scheme(values: Record<string, unknown> = {}) {
  return ok(await office.post('/api/v1/assessment-schemes', { title: `${year}年度考评方案`, year, unitId: justice.id, categoryWeights: '部门:0.03;乡镇:0.04', ...values }), 201);
}
async function line(schemeId: string, body: Record<string, unknown>) {
  const detail = ok(await office.post(`/api/v1/assessment-schemes/${schemeId}/lines`, body), 201);
  return detail.lines.find((l: any) => l.code === body.code);
}

/** A scheme of 100 points for both categories: a computed rate (no records: 不适用), a computed count, manual lines, a bonus, a deduction, a veto. */
async function fullScheme() {
  const s = await scheme();
  const p1 = await line(s.id, { code: '1', title: '依法行政' });
  const rate = await line(s.id, { code: '1.1', parentId: p1.id, title: '任务完成率', points: 20, method: 'computed', indicator: 'tasks.completion_rate', formula: 'points * value' });
  const count = await line(s.id, { code: '1.2', parentId: p1.id, title: '败诉', points: 20, method: 'computed', indicator: 'litigation.lost', formula: 'max(0, points - 5 * value)' });
  const manual = await line(s.id, { code: '2', title: '制度建设', points: 60, method: 'manual', standard: '按材料评分' });
  const bonus = await line(s.id, { code: '3', title: '创新加分', points: 2, method: 'bonus' });
  const deduction = await line(s.id, { code: '4', title: '逾期扣分', points: 3, method: 'deduction' });
  const veto = await line(s.id, { code: '5', title: '一票否决', points: 0, method: 'veto' });
  return { s, rate, count, manual, bonus, deduction, veto };
}

describe('the scheme', () => {
  it('refuses a formula that does not parse or names an unknown variable, an unknown indicator, and saves nothing', async () => {
    const s = await scheme();
    for (const [body, field, words] of [
      [{ formula: 'points *' }, 'formula', '计分公式'],
      [{ formula: 'rate * points' }, 'formula', '未知变量「rate」'],
      [{ indicator: 'no.such' }, 'indicator', '关联指标'],
      [{ points: 12, method: 'computed', indicator: 'tasks.completion_rate', formula: undefined }, 'formula', '计分公式'],
    ] as const) {
      const res = await office.post(`/api/v1/assessment-schemes/${s.id}/lines`, Object.assign({ code: 'X', title: '某项', points: 10, method: 'computed', indicator: 'tasks.completion_rate', formula: 'points * value' }, body));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().detail).toContain(words);
      expect(res.json().errors[0].field).toBe(field);
    }
    expect(ok(await office.get(`/api/v1/assessment-schemes/${s.id}`)).lines).toHaveLength(0);
  });

  it('takes grade bands (default 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60) and refuses bad ones in Chinese naming the field', async () => {
    const s = await scheme();
    for (const [bands, words] of [
      ['优秀:80;良好:90;合格:60', '依次降低'],
      ['优秀:90;良好:80', '缺少合格'],
      ['优秀:190;良好:80;合格:60', '超过满分'],
      ['特优:95;良好:80;合格:60', '不是等次'],
      ['优秀 九十', '等次:最低分'],
    ] as const) {
      const res = await office.put(`/api/v1/assessment-schemes/${s.id}`, { version: ok(await office.get(`/api/v1/assessment-schemes/${s.id}`)).version, title: s.title, gradeBands: bands });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().detail).toContain('等次分数线');
      expect(res.json().detail).toContain(words);
    }
    const saved = ok(await office.get(`/api/v1/assessment-schemes/${s.id}`));
    expect(saved.gradeBands ?? null).toBeNull();
    ok(await office.put(`/api/v1/assessment-schemes/${s.id}`, { version: saved.version, title: s.title, gradeBands: '优秀:85;良好:75;合格:50' }));
    expect(ok(await office.get(`/api/v1/assessment-schemes/${s.id}`)).gradeBands).toBe('优秀:85;良好:75;合格:50');
  });

  it('publishes only when the base lines add up to the full points for each category; a parent has its children\'s points', async () => {
    const s = await scheme();
    const p = await line(s.id, { code: '1', title: '一级' });
    await line(s.id, { code: '1.1', parentId: p.id, title: '二级甲', points: 60, method: 'manual' });
    const town1 = await line(s.id, { code: '1.2', parentId: p.id, title: '乡镇专项', points: 40, method: 'manual', categories: '乡镇' });
    const detail = ok(await office.get(`/api/v1/assessment-schemes/${s.id}`));
    expect(detail.lines.find((l: any) => l.code === '1')).toMatchObject({ points: 100, leaf: false, level: 1 });
    expect(detail.pointsByCategory).toEqual([{ category: '部门', points: 60, weight: 0.03 }, { category: '乡镇', points: 100, weight: 0.04 }]);
    expect(detail.pointsProblem).toContain('部门 60 分');
    const refused = await office.post(`/api/v1/workflow/assessment_scheme/${s.id}/transitions/publish`, { version: detail.version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('满分 100');
    expect(ok(await office.get(`/api/v1/assessment-schemes/${s.id}`)).status).toBe('draft');
    // A draft stays the law office's: a unit does not see its workflow.
    expect((await deptA.agents.unit_liaison.get(`/api/v1/workflow/assessment_scheme/${s.id}`)).statusCode).not.toBe(200);
    ok(await office.put(`/api/v1/assessment-lines/${town1.id}`, { version: town1.version, code: '1.2', parentId: p.id, title: '部门与乡镇', points: 40, method: 'manual' }));
    const fixed = ok(await office.get(`/api/v1/assessment-schemes/${s.id}`));
    expect(fixed.pointsProblem).toBeNull();
    ok(await office.post(`/api/v1/workflow/assessment_scheme/${s.id}/transitions/publish`, { version: fixed.version }));
    // Published: the lines are fixed; a copy to next year is a new draft with the same tree.
    expect((await office.post(`/api/v1/assessment-schemes/${s.id}/lines`, { code: '9', title: '迟到', points: 1, method: 'manual' })).statusCode).toBe(409);
    const copy = ok(await office.post(`/api/v1/assessment-schemes/${s.id}/copy`, { year: year + 1 }), 201);
    expect(copy).toMatchObject({ year: year + 1, status: 'draft', pointsProblem: null });
    expect(copy.lines.map((l: any) => l.code)).toEqual(['1', '1.1', '1.2']);
  });
});

describe('a campaign', () => {
  it('scores, keeps self-scores apart, computes lines (不适用 scaled), releases, takes objections in the window, answers, and freezes at final', async () => {
    const { s, rate, count, manual, bonus, deduction, veto } = await fullScheme();
    let v = ok(await office.get(`/api/v1/assessment-schemes/${s.id}`));
    ok(await office.post(`/api/v1/workflow/assessment_scheme/${s.id}/transitions/publish`, { version: v.version }));
    // A unit follows the campaign in the workflow panel (the scheme is the law office's): its status and
    // timeline, no step of the law office's to take, and it cannot take one.
    const panel = ok(await deptA.agents.unit_liaison.get(`/api/v1/workflow/assessment_scheme/${s.id}`));
    expect(panel).toMatchObject({ status: 'published', transitions: [] });
    expect(panel.timeline.length).toBeGreaterThan(0);
    expect((await deptA.agents.unit_liaison.post(`/api/v1/workflow/assessment_scheme/${s.id}/transitions/start_scoring`, { version: panel.version })).statusCode).not.toBe(200);
    expect(ok(await office.get(`/api/v1/assessment-schemes/${s.id}`)).status).toBe('published');
    // The scheme's page is shared, its evidence files are not: a score sheet names every unit's scores.
    const sheet = ok(await office.request({ method: 'POST', url: '/api/v1/attachments', ...multipart('得分表.txt', '各单位得分', { recordType: 'assessment_scheme', recordId: s.id }) }), 201);
    expect(ok(await deptA.agents.unit_liaison.get(`/api/v1/attachments?recordType=assessment_scheme&recordId=${s.id}`)).items).toEqual([]);
    expect((await deptA.agents.unit_liaison.get(`/api/v1/attachments/${sheet.id}/download`)).statusCode).toBe(404);
    expect(ok(await office.get(`/api/v1/attachments?recordType=assessment_scheme&recordId=${s.id}`)).items.map((a: any) => a.id)).toEqual([sheet.id]);

    // Self-assessment: the unit's own, kept apart.
    const self = ok(await deptA.agents.unit_liaison.put(`/api/v1/assessment-schemes/${s.id}/self-scores`, { unitId: deptA.unit.id, lineId: manual.id, score: 58, reason: '制度齐全' }));
    expect(self.lines.find((l: any) => l.code === '2')).toMatchObject({ selfScore: 58, score: 0 });
    // Two people of the unit on the same line: the one who read it before the other saved is refused, nothing is overwritten.
    const read = self.lines.find((l: any) => l.code === '2').version;
    ok(await deptA.agents.unit_liaison.put(`/api/v1/assessment-schemes/${s.id}/self-scores`, { unitId: deptA.unit.id, lineId: manual.id, score: 57, reason: '制度齐全', version: read }));
    const stale = await deptA.agents.unit_liaison.put(`/api/v1/assessment-schemes/${s.id}/self-scores`, { unitId: deptA.unit.id, lineId: manual.id, score: 0, version: read });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain('已被他人修改');
    const kept = ok(await deptA.agents.unit_liaison.put(`/api/v1/assessment-schemes/${s.id}/self-scores`, { unitId: deptA.unit.id, lineId: manual.id, score: 58, reason: '制度齐全', version: read + 1 }));
    expect(kept.lines.find((l: any) => l.code === '2')).toMatchObject({ selfScore: 58, version: read + 2 });
    // Evidence: a file uploaded as the unit's own, then linked to its self-assessment of the line.
    const upload = async (agent: Agent, unitId: string, name: string) => ok(await agent.request({ method: 'POST', url: '/api/v1/attachments', ...multipart(name, '佐证材料', { unitId }) }), 201);
    const fileA = await upload(deptA.agents.unit_liaison, deptA.unit.id, '制度汇编.txt');
    const linked = ok(await deptA.agents.unit_liaison.post(`/api/v1/assessment-schemes/${s.id}/evidence`, { unitId: deptA.unit.id, lineId: manual.id, side: 'self', attachmentId: fileA.id }));
    expect(linked.lines.find((l: any) => l.code === '2').files).toMatchObject([{ id: fileA.id, filename: '制度汇编.txt', side: 'self' }]);
    // Not twice, not as an assessor, not on a computed line, not someone else's file.
    expect((await deptA.agents.unit_liaison.post(`/api/v1/assessment-schemes/${s.id}/evidence`, { unitId: deptA.unit.id, lineId: manual.id, side: 'self', attachmentId: fileA.id })).json().errors[0].field).toBe('attachmentId');
    const fileA2 = await upload(deptA.agents.unit_liaison, deptA.unit.id, '另一份.txt');
    expect((await deptA.agents.unit_liaison.post(`/api/v1/assessment-schemes/${s.id}/evidence`, { unitId: deptA.unit.id, lineId: manual.id, side: 'assessor', attachmentId: fileA2.id })).statusCode).toBe(403);
    const onComputed = await deptA.agents.unit_liaison.post(`/api/v1/assessment-schemes/${s.id}/evidence`, { unitId: deptA.unit.id, lineId: rate.id, side: 'self', attachmentId: fileA2.id });
    expect(onComputed.statusCode).toBe(400);
    expect(onComputed.json().detail).toContain('指标计算项');
    expect((await office.post(`/api/v1/assessment-schemes/${s.id}/evidence`, { unitId: deptA.unit.id, lineId: manual.id, side: 'assessor', attachmentId: fileA2.id })).json().errors[0].field).toBe('attachmentId');
    // The assessor's own file, for the score; the office sees both, another unit sees neither.
    const fileO = await upload(office, deptA.unit.id, '检查记录.txt');
    ok(await office.post(`/api/v1/assessment-schemes/${s.id}/evidence`, { unitId: deptA.unit.id, lineId: manual.id, side: 'assessor', attachmentId: fileO.id }));
    const cardFiles = ok(await office.get(`/api/v1/assessment-schemes/${s.id}/card?unitId=${deptA.unit.id}`)).lines.find((l: any) => l.code === '2').files;
    expect(cardFiles.map((f: any) => f.side)).toEqual(['self', 'assessor']);
    expect(ok(await office.get(`/api/v1/assessment-schemes/${s.id}/matrix`)).units.find((u: any) => u.unitId === deptA.unit.id).cells[manual.id].files).toBe(2);
    expect((await deptB.agents.unit_liaison.get(`/api/v1/attachments/${fileA.id}/download`)).statusCode).toBe(404);
    expect((await deptB.agents.unit_liaison.get(`/api/v1/assessment-schemes/${s.id}/card?unitId=${deptA.unit.id}`)).statusCode).toBe(404);
    expect((await deptA.agents.unit_liaison.get(`/api/v1/attachments/${fileO.id}/download`)).statusCode).toBe(200);

    // A unit cannot self-assess another unit, nor score as an assessor.
    const other = await deptA.agents.unit_liaison.put(`/api/v1/assessment-schemes/${s.id}/self-scores`, { unitId: deptB.unit.id, lineId: manual.id, score: 10 });
    expect(other.statusCode).toBe(400);
    expect(other.json().detail).toContain('被考评单位');
    expect((await deptA.agents.unit_liaison.put(`/api/v1/assessment-schemes/${s.id}/scores`, { unitId: deptA.unit.id, lineId: manual.id, score: 60 })).statusCode).toBe(403);

    // Assessors: bad input changes nothing.
    const over = await office.put(`/api/v1/assessment-schemes/${s.id}/scores`, { unitId: deptA.unit.id, lineId: manual.id, score: 61, reason: '超分' });
    expect(over.statusCode).toBe(400);
    expect(over.json().detail).toContain('不能超过该项分值 60 分');
    expect(over.json().errors[0].field).toBe('score');
    const noReason = await office.put(`/api/v1/assessment-schemes/${s.id}/scores`, { unitId: deptA.unit.id, lineId: manual.id, score: 50 });
    expect(noReason.json().errors[0].field).toBe('reason');
    expect((await office.put(`/api/v1/assessment-schemes/${s.id}/scores`, { unitId: deptA.unit.id, lineId: rate.id, score: 5, reason: 'x' })).statusCode).toBe(400);
    expect((await office.put(`/api/v1/assessment-schemes/${s.id}/scores`, { unitId: deptA.unit.id, lineId: veto.id, score: 2, reason: 'x' })).statusCode).toBe(400);
    expect(ok(await office.get(`/api/v1/assessment-schemes/${s.id}/card?unitId=${deptA.unit.id}`)).lines.find((l: any) => l.code === '2')).toMatchObject({ score: 0, selfScore: 58 });

    const score = (unit: Staffed, l: any, n: number, reason = '依材料评分') => office.put(`/api/v1/assessment-schemes/${s.id}/scores`, { unitId: unit.unit.id, lineId: l.id, score: n, reason });
    ok(await score(deptA, manual, 54));
    ok(await score(deptA, bonus, 2));
    ok(await score(deptB, manual, 54));
    ok(await score(deptB, veto, 1, '发生违法行政行为被追责'));
    ok(await score(town, manual, 30));
    ok(await score(town, deduction, 3, '逾期'));
    ok(await office.post(`/api/v1/workflow/assessment_scheme/${s.id}/transitions/start_scoring`, { version: ok(await office.get(`/api/v1/assessment-schemes/${s.id}`)).version }));

    // The rate has no records (不适用): the base is scaled over the 80 points that apply.
    const results = ok(await office.get(`/api/v1/assessment-schemes/${s.id}/results`)).items;
    const of = (u: Staffed) => results.find((r: any) => r.unitId === u.unit.id);
    expect(of(deptA)).toMatchObject({ total: 94.5, grade: '优秀', rank: 1, vetoed: false, contribution: 2.835 });
    expect(of(deptA).lines).toMatchObject({ '1.1': null, '1.2': 20, '2': 54, '3': 2 });
    expect(of(deptB)).toMatchObject({ total: 92.5, grade: '不合格', rank: 2, vetoed: true });
    expect(of(town)).toMatchObject({ total: 59.5, grade: '不合格', rank: 1, category: '乡镇' });
    // A unit sees its own results only, and reads no other unit's card.
    const mine = ok(await deptA.agents.unit_liaison.get(`/api/v1/assessment-schemes/${s.id}/results`)).items;
    expect(mine.map((r: any) => r.unitId)).toEqual([deptA.unit.id]);
    expect((await deptA.agents.unit_liaison.get(`/api/v1/assessment-schemes/${s.id}/card?unitId=${deptB.unit.id}`)).statusCode).toBe(404);
    const matrix = ok(await deptA.agents.unit_liaison.get(`/api/v1/assessment-schemes/${s.id}/matrix`));
    expect(matrix.units.map((u: any) => u.unitId)).toEqual([deptA.unit.id]);

    // Release today: the window is open; once per line; not for another unit.
    ok(await office.post(`/api/v1/workflow/assessment_scheme/${s.id}/transitions/release`, { version: ok(await office.get(`/api/v1/assessment-schemes/${s.id}`)).version }));
    expect((await office.put(`/api/v1/assessment-schemes/${s.id}/scores`, { unitId: deptA.unit.id, lineId: manual.id, score: 60 })).statusCode).toBe(409);
    const objection = ok(await deptA.agents.unit_liaison.post(`/api/v1/assessment-schemes/${s.id}/objections`, { unitId: deptA.unit.id, lineId: manual.id, reason: '材料已补充' }), 201);
    expect(objection).toMatchObject({ status: 'open', oldScore: 54, lineCode: '2' });
    expect((await deptA.agents.unit_liaison.post(`/api/v1/assessment-schemes/${s.id}/objections`, { unitId: deptA.unit.id, lineId: manual.id, reason: '再次' })).statusCode).toBe(409);
    expect((await deptA.agents.unit_liaison.post(`/api/v1/assessment-schemes/${s.id}/objections`, { unitId: deptB.unit.id, lineId: manual.id, reason: '替别人' })).statusCode).toBe(400);
    ok(await deptB.agents.unit_liaison.post(`/api/v1/assessment-schemes/${s.id}/objections`, { unitId: deptB.unit.id, lineId: veto.id, reason: '不应否决' }), 201);
    // Each unit lists only its own objections.
    expect(ok(await deptA.agents.unit_liaison.get(`/api/v1/assessment-schemes/${s.id}/objections`)).items).toHaveLength(1);
    expect(ok(await office.get(`/api/v1/assessment-schemes/${s.id}/objections`)).items).toHaveLength(2);
    expect(ok(await office.get(`/api/v1/assessment-schemes/${s.id}`)).openObjections).toBe(2);
    expect(ok(await deptA.agents.unit_liaison.get(`/api/v1/assessment-schemes/${s.id}`)).openObjections).toBe(1);
    expect((await deptA.agents.unit_liaison.post(`/api/v1/assessment-objections/${objection.id}/answer`, { upheld: true, answer: '自己答', score: 60 })).statusCode).toBe(403);

    // Final waits for the answers; an upheld objection changes the score.
    const early = await office.post(`/api/v1/workflow/assessment_scheme/${s.id}/transitions/finalize`, { version: ok(await office.get(`/api/v1/assessment-schemes/${s.id}`)).version });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('异议未答复');
    const over2 = await office.post(`/api/v1/assessment-objections/${objection.id}/answer`, { upheld: true, answer: '采纳', score: 70 });
    expect(over2.statusCode).toBe(400);
    expect(ok(await office.post(`/api/v1/assessment-objections/${objection.id}/answer`, { upheld: true, answer: '补充材料属实', score: 60 }))).toMatchObject({ status: 'upheld', newScore: 60 });
    const vetoObjection = ok(await office.get(`/api/v1/assessment-schemes/${s.id}/objections`)).items.find((o: any) => o.lineCode === '5');
    ok(await office.post(`/api/v1/assessment-objections/${vetoObjection.id}/answer`, { upheld: false, answer: '追责文件属实，维持' }));
    ok(await office.post(`/api/v1/workflow/assessment_scheme/${s.id}/transitions/finalize`, { version: ok(await office.get(`/api/v1/assessment-schemes/${s.id}`)).version }));

    const final = ok(await office.get(`/api/v1/assessment-schemes/${s.id}/results`));
    expect(final.frozen).toBe(true);
    expect(final.items.find((r: any) => r.unitId === deptA.unit.id)).toMatchObject({ total: 102, grade: '优秀' });
    // Frozen: no score moves; the CLI prints the same.
    expect((await office.put(`/api/v1/assessment-schemes/${s.id}/scores`, { unitId: deptA.unit.id, lineId: bonus.id, score: 0 })).statusCode).toBe(409);
    const json = await assessmentJson(env.platform, year, s.ref ?? undefined);
    expect(typeof json).toBe('object');
    const figures = ok(await office.get(`/api/v1/indicators?year=${year}`));
    const fig = (code: string) => figures.indicators[code];
    expect(fig('assessment.units')).toBeGreaterThanOrEqual(3);
    expect(fig('assessment.failed')).toBeGreaterThanOrEqual(2);
    // The average score: the final totals over the units, each unit's total listed behind it.
    const totals = final.items.map((r: any) => r.total as number);
    const ownYear = (await env.platform.db.selectFrom('assessment_schemes').select('id').where('year', '=', year).where('status', '=', 'final').execute()).length === 1;
    if (ownYear) expect(fig('assessment.average_score')).toBeCloseTo(totals.reduce((a: number, b: number) => a + b, 0) / totals.length, 2);
    const behind = ok(await office.get(`/api/v1/indicators/assessment.average_score/records?year=${year}&page=1&pageSize=100`));
    expect(behind.total).toBe(fig('assessment.units'));
    expect(behind.items.find((r: any) => r.id === `${s.id}:${deptA.unit.id}`)).toMatchObject({ title: s.title, unitName: deptA.unit.name, amount: 102 });

    // Exports: the score sheet and the notice.
    const xlsx = await office.get(`/api/v1/assessment-schemes/${s.id}/results/export`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const docx = await office.get(`/api/v1/assessment-schemes/${s.id}/results/notice`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    void count;
  });

  it('refuses an objection after the window', async () => {
    const { s, manual } = await fullScheme();
    const step = async (key: string, date?: string) => ok(await office.post(`/api/v1/workflow/assessment_scheme/${s.id}/transitions/${key}`, { version: ok(await office.get(`/api/v1/assessment-schemes/${s.id}`)).version, ...(date ? { date } : {}) }));
    await step('publish', daysAgo(40));
    await step('start_scoring', daysAgo(30));
    await step('release', daysAgo(20));
    const late = await deptA.agents.unit_liaison.post(`/api/v1/assessment-schemes/${s.id}/objections`, { unitId: deptA.unit.id, lineId: manual.id, reason: '晚了' });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toContain('异议期已于');
    expect(ok(await office.get(`/api/v1/assessment-schemes/${s.id}/objections`)).items).toHaveLength(0);
  });
});

describe('final', () => {
  it('freezes the scores: a record added later moves the live figure, not the final score, and the card says the figure has changed', async () => {
    // A category and unit of its own: a scheme assesses every unit of its categories, and the campaign
    // test reads deptA's final total among the year's final results.
    const unit = await staffed('直属机构');
    const s = await scheme({ categoryWeights: '直属机构:0.03' });
    const computed = await line(s.id, { code: '1', title: '调解受理', points: 10, method: 'computed', indicator: 'mediation.disputes', formula: 'min(points, 5 * value)' });
    const manual = await line(s.id, { code: '2', title: '其他', points: 90, method: 'manual' });
    const dispute = () => office.post('/api/v1/disputes', { unitId: unit.unit.id, type: '邻里纠纷', parties: '甲与乙', summary: '纠纷', receivedDate: `${year}-01-05`, channel: 'people', mediators: '调解员' });
    ok(await dispute(), 201);
    const step = async (key: string) => ok(await office.post(`/api/v1/workflow/assessment_scheme/${s.id}/transitions/${key}`, { version: ok(await office.get(`/api/v1/assessment-schemes/${s.id}`)).version }));
    await step('publish');
    ok(await office.put(`/api/v1/assessment-schemes/${s.id}/scores`, { unitId: unit.unit.id, lineId: manual.id, score: 90 }));
    await step('start_scoring');
    await step('release');
    const card = async () => ok(await office.get(`/api/v1/assessment-schemes/${s.id}/card?unitId=${unit.unit.id}`));
    expect((await card()).lines.find((l: any) => l.code === '1')).toMatchObject({ value: 1, score: 5 });
    await step('finalize');
    ok(await dispute(), 201);
    const after = await card();
    expect(after.result.total).toBe(95);
    expect(after.lines.find((l: any) => l.code === '1')).toMatchObject({ value: 1, score: 5, valueNow: 2, changedSince: true });
    expect(ok(await office.get(`/api/v1/assessment-schemes/${s.id}/results`)).items.find((r: any) => r.unitId === unit.unit.id).total).toBe(95);
    void computed;
  });

  it('lists a unit assessed by two final schemes of the year twice behind the average, each with its scheme and total', async () => {
    const unit = await staffed('专项考评');
    const finalScheme = async (title: string, score: number) => {
      const s = await scheme({ title, categoryWeights: '专项考评:0.01' });
      const manual = await line(s.id, { code: '1', title: '专项工作', points: 100, method: 'manual' });
      const step = async (key: string) => ok(await office.post(`/api/v1/workflow/assessment_scheme/${s.id}/transitions/${key}`, { version: ok(await office.get(`/api/v1/assessment-schemes/${s.id}`)).version }));
      await step('publish');
      ok(await office.put(`/api/v1/assessment-schemes/${s.id}/scores`, { unitId: unit.unit.id, lineId: manual.id, score, reason: '依材料评分' }));
      for (const key of ['start_scoring', 'release', 'finalize']) await step(key);
      return s;
    };
    const first = await finalScheme(`${year}年度专项考评（上半年）`, 80);
    const second = await finalScheme(`${year}年度专项考评（下半年）`, 90);
    const behind = ok(await office.get(`/api/v1/indicators/assessment.average_score/records?year=${year}&page=1&pageSize=100`));
    const mine = behind.items.filter((r: any) => r.unitName === unit.unit.name).sort((a: any, b: any) => a.amount - b.amount);
    expect(mine.map((r: any) => [r.id, r.title, r.amount])).toEqual([
      [`${first.id}:${unit.unit.id}`, first.title, 80],
      [`${second.id}:${unit.unit.id}`, second.title, 90],
    ]);
  });
});

describe('imports', () => {
  const file = (type: string, rows: Record<string, unknown>[]) => office.request({ method: 'POST', url: `/api/v1/imports/${type}`, ...multipart(`${type}.jsonl`, rows.map((r) => JSON.stringify(r)).join('\n')) });

  it('imports a scheme and its lines (parents after children in the file), and a bad row imports nothing', async () => {
    ok(await file('assessment_schemes', [{ ref: 'IMP-KP', year: String(year), title: '导入的方案', categoryWeights: '部门:0.03' }]));
    const bad = await file('assessment_lines', [
      { ref: 'IMP-1.1', schemeRef: 'IMP-KP', parentRef: 'IMP-1', code: '1.1', title: '子项', points: '100', method: 'computed', indicator: 'tasks.completion_rate', formula: 'points * rate' },
      { ref: 'IMP-1', schemeRef: 'IMP-KP', code: '1', title: '一级' },
    ]);
    expect(bad.statusCode).toBe(422);
    expect(JSON.stringify(bad.json())).toContain('未知变量「rate」');
    const schemeId = (await env.platform.db.selectFrom('assessment_schemes').select('id').where('ref', '=', 'IMP-KP').executeTakeFirstOrThrow()).id;
    expect(await env.platform.db.selectFrom('assessment_lines').select('id').where('scheme_id', '=', schemeId).execute()).toHaveLength(0);
    const good = ok(await file('assessment_lines', [
      { ref: 'IMP-1.1', schemeRef: 'IMP-KP', parentRef: 'IMP-1', code: '1.1', title: '子项', points: '100', method: 'manual' },
      { ref: 'IMP-1', schemeRef: 'IMP-KP', code: '1', title: '一级' },
    ]));
    expect(good).toMatchObject({ created: 2 });
    const detail = ok(await office.get(`/api/v1/assessment-schemes/${schemeId}`));
    expect(detail.pointsProblem).toBeNull();
    ok(await office.post(`/api/v1/workflow/assessment_scheme/${schemeId}/transitions/publish`, { version: detail.version }));
    const scores = await file('assessment_scores', [
      { ref: 'S1', lineRef: 'IMP-1.1', unitCode: deptA.unit.code, score: '88', reason: '扣分' },
      { ref: 'S2', lineRef: 'IMP-1.1', unitCode: deptB.unit.code, score: '101', reason: '超分' },
    ]);
    expect(scores.statusCode).toBe(422);
    expect(JSON.stringify(scores.json())).toContain('不能超过该项分值 100 分');
    expect(await env.platform.db.selectFrom('assessment_scores').select('id').where('scheme_id', '=', schemeId).execute()).toHaveLength(0);
    ok(await file('assessment_scores', [{ ref: 'S1', lineRef: 'IMP-1.1', unitCode: deptA.unit.code, score: '88', reason: '扣分' }]));
    const json = await assessmentJson(env.platform, year, 'IMP-KP');
    expect(json).toMatchObject({ year, scheme: 'IMP-KP', units: { [deptA.unit.code]: { total: 88, grade: '良好', rank: 1, category: '部门', vetoed: false, lines: { '1.1': 88 } } } });
    expect(Object.keys((json as any).units)).not.toContain(town.unit.code);
  });
});

describe('述法', () => {
  it('drafts, submits and reviews a report; lists the units that have not submitted', async () => {
    const liaison = deptA.agents.unit_liaison;
    const r = ok(await liaison.post('/api/v1/assessment-reports', { title: '局长述法报告', year, unitId: deptA.unit.id, headName: '张局长', content: '履职情况……' }), 201);
    expect(r).toMatchObject({ status: 'draft', statusLabel: '草稿' });
    expect((await liaison.post('/api/v1/assessment-reports', { title: '又一份', year, unitId: deptA.unit.id, headName: '张局长', content: '……' })).statusCode).toBe(409);
    expect((await liaison.post('/api/v1/assessment-reports', { title: '替别人', year, unitId: deptB.unit.id, headName: '李局长', content: '……' })).statusCode).toBe(400);
    let missing = ok(await office.get(`/api/v1/assessment-reports-missing?year=${year}`)).items.map((u: any) => u.unitId);
    expect(missing).toContain(deptA.unit.id);
    ok(await liaison.post(`/api/v1/workflow/assessment_report/${r.id}/transitions/submit`, { version: r.version }));
    missing = ok(await office.get(`/api/v1/assessment-reports-missing?year=${year}`)).items.map((u: any) => u.unitId);
    expect(missing).not.toContain(deptA.unit.id);
    expect(missing).toContain(deptB.unit.id);
    const noComment = await office.post(`/api/v1/workflow/assessment_report/${r.id}/transitions/review`, { version: r.version + 1, values: {} });
    expect(noComment.statusCode).toBe(400);
    ok(await office.post(`/api/v1/workflow/assessment_report/${r.id}/transitions/review`, { version: r.version + 1, values: { comment: '履职较好' } }));
    expect(ok(await liaison.get(`/api/v1/assessment-reports/${r.id}`))).toMatchObject({ status: 'reviewed', comment: '履职较好' });
    expect((await deptB.agents.unit_liaison.get(`/api/v1/assessment-reports/${r.id}`)).statusCode).toBe(404);

    // A manual line flagged as the 述法 line shows each unit's report with it (only a manual line can be one).
    const s = await scheme({ fullPoints: 10 });
    const refused = await office.post(`/api/v1/assessment-schemes/${s.id}/lines`, { code: '1', title: '述法', points: 10, method: 'bonus', reportLine: true });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'reportLine' });
    expect(refused.json().detail).toContain('述法评分项');
    const shufa = await line(s.id, { code: '1', title: '主要负责人述法', points: 10, method: 'manual', reportLine: true });
    expect(shufa.reportLine).toBe(true);
    ok(await office.post(`/api/v1/workflow/assessment_scheme/${s.id}/transitions/publish`, { version: ok(await office.get(`/api/v1/assessment-schemes/${s.id}`)).version }));
    const cells = ok(await office.get(`/api/v1/assessment-schemes/${s.id}/matrix`)).units;
    expect(cells.find((u: any) => u.unitId === deptA.unit.id).cells[shufa.id].report).toMatchObject({ id: r.id, status: 'reviewed', link: `/assessment/reports/${r.id}` });
    expect(cells.find((u: any) => u.unitId === deptB.unit.id).cells[shufa.id].report).toBeNull();
    expect(ok(await liaison.get(`/api/v1/assessment-schemes/${s.id}/card?unitId=${deptA.unit.id}`)).lines.find((l: any) => l.code === '1').report).toMatchObject({ statusLabel: '已评议' });
  });
});
