// 合法性审查 of other matters over HTTP: a unit submits, the review clock of its kind runs in working
// days, the reviewer gives the opinion (written or not); scope, versions, bad input, import, figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, loggedIn, makeUnit, makeUser, multipart, type Agent, type TestEnv } from './harness.ts';

let env: TestEnv;
let office: Agent;
let reviewer: Agent;
let liaisonA: Agent;
let liaisonB: Agent;
let unitA: { id: string; code: string };
const year = new Date().getUTCFullYear();

beforeAll(async () => {
  env = await createTestEnv();
  const root = await makeUnit(env.platform, { kind: 'county' });
  const justice = await makeUnit(env.platform, { parent: root, name: '司法局' });
  unitA = await makeUnit(env.platform, { parent: root, name: '城市管理综合执法局' });
  const unitB = await makeUnit(env.platform, { parent: root, name: '民政局' });
  office = await loggedIn(env.app, (await makeUser(env.platform, { unit: justice, roles: ['law_office'] })).username);
  reviewer = await loggedIn(env.app, (await makeUser(env.platform, { unit: justice, roles: ['reviewer'] })).username);
  liaisonA = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitA as any, roles: ['unit_liaison'] })).username);
  liaisonB = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitB, roles: ['unit_liaison'] })).username);
});
afterAll(() => env.close());

const submit = async (extra: Record<string, unknown> = {}) => {
  const res = await liaisonA.post('/api/v1/legal-reviews', { unitId: unitA.id, kind: 'contract', title: '城区环卫作业市场化服务合同', receivedDate: '2026-09-28', reviewer: '县政府法律顾问', ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const complete = (agent: Agent, id: string, body: Record<string, unknown>) => agent.post(`/api/v1/workflow/legal_review/${id}/transitions/complete`, body);

describe('a matter under legality review', () => {
  it('runs the clock of its kind in working days; the reviewer gives the opinion, written or not', async () => {
    const contract = await submit();
    // 7 working days from 28 September: across the National Day holiday, the 调休 Saturday 10 October counted.
    expect(contract).toMatchObject({ status: 'reviewing', due: '2026-10-13', unitName: '城市管理综合执法局' });
    const topic = await submit({ kind: 'topic', title: '关于调整城区停车收费标准的议题', receivedDate: '2026-06-01' });
    expect(topic.due).toBe('2026-06-08');

    expect((await complete(liaisonA, contract.id, { version: contract.version, values: { opinion: '同意', opinionForm: 'written' } })).statusCode).toBe(403);
    const missing = await complete(reviewer, contract.id, { version: contract.version, values: { opinionForm: 'written' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().detail).toContain('审查意见（opinion）');
    const done = await complete(reviewer, contract.id, { version: contract.version, date: '2026-10-14', values: { opinion: '合同主体适格，第十二条违约责任约定不对等，建议修改后签订。', opinionForm: 'written' } });
    expect(done.statusCode, done.body).toBe(200);
    expect((await complete(reviewer, topic.id, { version: topic.version + 5, values: { opinion: '同意', opinionForm: 'other' } })).statusCode).toBe(409);
    const read = (await liaisonA.get(`/api/v1/legal-reviews/${contract.id}`)).json();
    expect(read).toMatchObject({ status: 'completed', completedDate: '2026-10-14', writtenOpinion: true, light: null });
  });

  it('each kind has its own rule: the law office shortens the topics\' period and only topics move', async () => {
    const topic = await submit({ kind: 'topic', title: '关于城区道路停车泊位设置的议题', receivedDate: '2026-06-01' });
    const minutes = await submit({ kind: 'minutes', title: '县政府第8次常务会议纪要', receivedDate: '2026-06-01' });
    const enforcement = await submit({ kind: 'enforcement', title: '某公司违法建设案重大执法决定', receivedDate: '2026-06-01' });
    expect([topic.due, minutes.due, enforcement.due]).toEqual(['2026-06-08', '2026-06-08', '2026-06-08']);
    const rule = (await office.get('/api/v1/deadline-rules')).json().items.find((r: any) => r.code === 'legal_review.topic');
    expect(rule).toMatchObject({ name: '常务会议题合法性审查', period: 5, unit: 'working_days' });
    const set = (period: number, version: number) => office.put('/api/v1/deadline-rules/legal_review.topic', { name: rule.name, period, unit: 'working_days', citation: rule.citation, version });
    const shortened = await set(3, rule.version);
    expect(shortened.statusCode, shortened.body).toBe(200);
    try {
      const due = async (id: string) => (await office.get(`/api/v1/legal-reviews/${id}`)).json().due;
      expect([await due(topic.id), await due(minutes.id), await due(enforcement.id)]).toEqual(['2026-06-04', '2026-06-08', '2026-06-08']);
    } finally {
      expect((await set(5, shortened.json().version)).statusCode).toBe(200);
    }
  });

  it('another unit neither reads nor submits for it; bad input names the field', async () => {
    const mine = await submit({ title: '本单位的合同' });
    const other = await liaisonB.get(`/api/v1/legal-reviews/${mine.id}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().detail).toBe((await liaisonB.get('/api/v1/legal-reviews/nope')).json().detail);
    expect((await liaisonB.get('/api/v1/legal-reviews?pageSize=200')).body).not.toContain('本单位的合同');
    expect((await complete(liaisonB, mine.id, { version: mine.version, values: { opinion: 'x', opinionForm: 'other' } })).statusCode).toBe(404);
    const into = await liaisonB.post('/api/v1/legal-reviews', { unitId: unitA.id, kind: 'other', title: 'x', receivedDate: '2026-01-05' });
    expect(into.json().detail).toBe('送审单位（unitId）不存在或无权访问');
    for (const [body, text] of [
      [{ kind: 'loan' }, '类别（kind）'],
      [{ title: '' }, '请填写审查事项'],
      [{ receivedDate: '2999-01-01' }, '收件日期'],
    ] as [Record<string, unknown>, string][]) {
      const res = await liaisonA.post('/api/v1/legal-reviews', { unitId: unitA.id, kind: 'contract', title: '合同', receivedDate: '2026-03-02', ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.body).toContain(text);
    }
  });

  it('imports a register of every kind and counts it by completion date', async () => {
    const rows = [
      'ref,unitCode,title,kind,receivedDate,completedDate,writtenOpinion',
      `R-1,${unitA.code},物业服务合同,contract,${year - 1}-03-02,${year - 1}-03-09,是`,
      `R-2,${unitA.code},常务会议题一,常务会议题,${year - 1}-04-01,${year - 1}-04-03,否`,
      `R-3,${unitA.code},会议纪要一,minutes,${year - 1}-05-06,${year - 1}-05-08,false`,
      `R-4,${unitA.code},处罚决定一,enforcement,${year - 1}-06-01,${year - 1}-06-05,true`,
      `R-5,${unitA.code},其他事项一,other,${year - 1}-12-28,,`,
    ].join('\n');
    const res = await liaisonA.request({ method: 'POST', url: '/api/v1/imports/legality_reviews', ...multipart('r.csv', rows) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 5 });
    const figures = (await office.get(`/api/v1/indicators?year=${year - 1}&unit=${unitA.code}`)).json().indicators;
    expect(figures).toMatchObject({ 'legal_review.contracts': 1, 'legal_review.other': 3, 'legal_review.opinions': 2 });
    const bad = await liaisonA.request({ method: 'POST', url: '/api/v1/imports/legality_reviews', ...multipart('r.csv', `ref,unitCode,title,kind,receivedDate,completedDate,writtenOpinion\nR-9,${unitA.code},x,other,${year - 1}-05-06,${year - 1}-05-01,是\n`) });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0]).toMatchObject({ column: '审查完成日期（completedDate）' });
    expect(bad.json().errors[0].message).toContain('不能早于收件日期');
    const back = await liaisonA.request({ method: 'POST', url: '/api/v1/imports/legality_reviews', ...multipart('r.csv', `ref,unitCode,title,kind,receivedDate\nR-1,${unitA.code},物业服务合同,contract,${year - 1}-03-02\n`) });
    expect(back.statusCode).toBe(422);
    expect(back.json().errors[0].message).toContain('不能改回审查中');
  });
});
