// 清理 and 法律顾问 over HTTP: a campaign selects documents in force within its scope (a 全面 one all
// of them), each gets 保留/修改/废止/宣布失效 with a reason, finishing makes the documents' statuses
// follow and publishes the results on the portal; the registry of advisors with the phone sealed and
// their engagements linked to records; the written opinions as .docx; imports, figures, scope, bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { advance, createTestEnv, loggedIn, makeUnit, makeUser, multipart, type Agent, type TestEnv } from './harness.ts';

let env: TestEnv;
let office: Agent;
let reviewer: Agent;
let liaisonA: Agent;
let liaisonB: Agent;
let root: { id: string; code: string };
let unitA: { id: string; code: string };
let unitB: { id: string; code: string };
const year = new Date().getUTCFullYear();

beforeAll(async () => {
  env = await createTestEnv();
  root = await makeUnit(env.platform, { kind: 'county', name: '清理县人民政府', code: `QC${Date.now() % 100000}` });
  const justice = await makeUnit(env.platform, { parent: root as any, name: '司法局' });
  unitA = await makeUnit(env.platform, { parent: root as any, name: '市场监管局' });
  unitB = await makeUnit(env.platform, { parent: root as any, name: '教育局' });
  office = await loggedIn(env.app, (await makeUser(env.platform, { unit: justice, roles: ['law_office'] })).username);
  reviewer = await loggedIn(env.app, (await makeUser(env.platform, { unit: justice, roles: ['reviewer'] })).username);
  liaisonA = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitA as any, roles: ['unit_liaison'] })).username);
  liaisonB = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitB as any, roles: ['unit_liaison'] })).username);
});
afterAll(() => env.close());

const version = async (type: string, id: string) => (await office.get(`/api/v1/${type}/${id}`)).json().version as number;

/** A document published on `issued` (reviewed and deliberated the same day) by a unit. */
async function published(title: string, issued: string, unitId = unitA.id, drafter = liaisonA): Promise<string> {
  const res = await drafter.post('/api/v1/normative-docs', { unitId, title, body: '第一条 为规范管理，制定本办法。\n第二条 本办法自公布之日起施行，有效期5年。', consultation: '公开征求意见15日。' });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  const step = async (agent: Agent, key: string, values?: Record<string, unknown>) => advance(agent, 'normative_doc', id, key, { version: await version('normative-docs', id), date: issued, values });
  await step(drafter, 'submit');
  await step(reviewer, 'review', { subjectFinding: 'compliant', authorityFinding: 'compliant', contentFinding: 'compliant', procedureFinding: 'compliant', conclusion: 'approve', opinion: '经审查，主体适格、未超越权限、内容合法、程序符合规定，同意提请审议。' });
  await step(office, 'deliberate', { meeting: '县政府常务会议' });
  const [y, m, d] = issued.split('-').map(Number) as [number, number, number];
  await step(office, 'publish', { validUntil: `${y + 5}-${String(m).padStart(2, '0')}-${String(d - 1 || 1).padStart(2, '0')}` });
  return id;
}

describe('a cleanup campaign', () => {
  it('selects the documents in force within its scope, refuses one outside it, and finishes with the documents following', async () => {
    const keep = await published('市场主体登记服务办法', `${year - 2}-03-10`);
    const repeal = await published('农贸市场摊位管理办法', `${year - 2}-04-10`);
    const expire = await published('节日市场临时管理规定', `${year - 2}-05-10`);
    const amend = await published('校外托管机构管理办法', `${year - 2}-06-10`, unitB.id, liaisonB);
    const later = await published('直播电商管理办法', `${year - 1}-03-10`);

    // Only the law office organises a cleanup; bad input names the field.
    const body = { title: '市场监管领域规范性文件专项清理', kind: 'special', unitId: unitA.id, subject: '市场监管领域', issuedBefore: `${year - 2}-12-31`, deadline: `${year - 1}-02-28` };
    expect((await liaisonA.post('/api/v1/normdoc-cleanups', body)).statusCode).toBe(403);
    const early = await office.post('/api/v1/normdoc-cleanups', { ...body, deadline: `${year - 3}-01-01` });
    expect(early.statusCode).toBe(400);
    expect(early.json().detail).toBe(`完成期限（deadline）不能早于公布日期截至日 ${year - 2}-12-31`);
    expect((await office.post('/api/v1/normdoc-cleanups', { ...body, kind: 'partial' })).json().detail).toContain('清理类型（kind）');

    const created = await office.post('/api/v1/normdoc-cleanups', body);
    expect(created.statusCode, created.body).toBe(201);
    const special = created.json();
    expect(special).toMatchObject({ status: 'open', itemCount: 0, due: `${year - 1}-02-28` });
    const selectable = (await office.get(`/api/v1/normdoc-cleanups/${special.id}/selectable`)).json().items.map((d: any) => d.id);
    expect(selectable).toEqual(expect.arrayContaining([keep, repeal, expire]));
    expect(selectable).not.toContain(amend); // another unit's document: outside 市场监管局's campaign
    expect(selectable).not.toContain(later); // published after the scope's date

    // A document outside the scope is refused by name, and nothing is selected.
    for (const outside of [amend, later]) {
      const res = await office.post(`/api/v1/normdoc-cleanups/${special.id}/items`, { version: special.version, docIds: [keep, outside] });
      expect(res.statusCode).toBe(400);
      expect(res.json().detail).toContain('不在本次清理范围内');
      expect(res.json().detail).toContain('规范性文件（docId）');
    }
    expect((await office.get(`/api/v1/normdoc-cleanups/${special.id}`)).json().items).toEqual([]);
    const selected = await office.post(`/api/v1/normdoc-cleanups/${special.id}/items`, { version: special.version, docIds: [keep, repeal, expire] });
    expect(selected.statusCode, selected.body).toBe(201);
    const items = Object.fromEntries(selected.json().items.map((i: any) => [i.docId, i]));
    expect(selected.json()).toMatchObject({ itemCount: 3, pendingItems: 3 });

    const blocked = await office.post(`/api/v1/workflow/normdoc_cleanup/${special.id}/transitions/finish`, { version: await version('normdoc-cleanups', special.id), date: `${year - 1}-02-20` });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().detail).toContain('尚有 3 件文件未提出清理意见');

    const decide = async (docId: string, result: string, reason?: string) => office.put(`/api/v1/normdoc-cleanups/${special.id}/items/${items[docId].id}`, { version: await version('normdoc-cleanups', special.id), result, reason });
    const noReason = await decide(repeal, 'repeal');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().detail).toContain('理由（reason）');
    expect((await liaisonA.put(`/api/v1/normdoc-cleanups/${special.id}/items/${items[keep].id}`, { version: 1, result: 'keep' })).statusCode).toBe(403);
    expect((await decide(keep, 'keep')).statusCode).toBe(200);
    expect((await decide(repeal, 'repeal', '上位法已废止，失去制定依据')).statusCode).toBe(200);
    expect((await decide(expire, 'expire', '调整对象已消失')).statusCode).toBe(200);
    // Not yet: documents stay in force until the campaign finishes, and the portal shows nothing.
    expect((await office.get(`/api/v1/normative-docs/${repeal}`)).json().status).toBe('in_force');
    const anon = async () => (await env.app.inject({ method: 'GET', url: '/api/v1/public/normdoc-cleanups' })).json();
    expect(JSON.stringify(await anon())).not.toContain(special.id);

    // The figure counts the flagged documents by the finish date, under their drafting unit; other
    // tests of this file may flag documents of the same units and year, so it is compared with before.
    const figure = async (code: string, unit: string) => (await office.get(`/api/v1/indicators?year=${year - 1}&unit=${unit}`)).json().indicators[code] as number;
    const flaggedBefore = { a: await figure('docs.cleanup_flagged', unitA.code), b: await figure('docs.cleanup_flagged', unitB.code) };
    await advance(office, 'normdoc_cleanup', special.id, 'finish', { version: await version('normdoc-cleanups', special.id), date: `${year - 1}-02-20` });
    const done = (await office.get(`/api/v1/normdoc-cleanups/${special.id}`)).json();
    expect(done).toMatchObject({ status: 'finished', finishedDate: `${year - 1}-02-20`, pendingItems: 0, flaggedItems: 2 });
    expect((await office.get(`/api/v1/normative-docs/${keep}`)).json().status).toBe('in_force');
    expect((await office.get(`/api/v1/normative-docs/${repeal}`)).json()).toMatchObject({ status: 'repealed', endedDate: `${year - 1}-02-20` });
    expect((await office.get(`/api/v1/normative-docs/${expire}`)).json()).toMatchObject({ status: 'expired', endedDate: `${year - 1}-02-20` });
    const after = await office.put(`/api/v1/normdoc-cleanups/${special.id}/items/${items[keep].id}`, { version: done.version, result: 'repeal', reason: '改' });
    expect(after.statusCode).toBe(409);

    const portal = (await anon()).items.find((c: any) => c.id === special.id);
    expect(portal).toMatchObject({ title: body.title, kindLabel: '专项清理', finishedDate: `${year - 1}-02-20` });
    expect(portal.items.map((i: any) => [i.title, i.resultLabel])).toEqual([['市场主体登记服务办法', '保留'], ['农贸市场摊位管理办法', '废止'], ['节日市场临时管理规定', '宣布失效']]);

    expect(await figure('docs.cleanup_flagged', unitA.code)).toBe(flaggedBefore.a + 2);
    expect(await figure('docs.cleanup_flagged', unitB.code)).toBe(flaggedBefore.b);
  });

  it('a full campaign selects every document in force within its scope; another unit reads none of it', async () => {
    const doc = await published('教育收费公示办法', `${year - 1}-01-10`, unitB.id, liaisonB);
    const full = await office.post('/api/v1/normdoc-cleanups', { title: '全面清理', kind: 'full', unitId: unitB.id, issuedBefore: `${year - 1}-06-30`, deadline: `${year - 1}-09-30` });
    expect(full.statusCode, full.body).toBe(201);
    expect(full.json().items.map((i: any) => i.docId)).toContain(doc);
    expect(full.json().items.every((i: any) => i.result === null)).toBe(true);
    expect((await liaisonA.get(`/api/v1/normdoc-cleanups/${full.json().id}`)).statusCode).toBe(404);
    expect((await liaisonB.get(`/api/v1/normdoc-cleanups/${full.json().id}`)).statusCode).toBe(200);
    expect((await liaisonA.get('/api/v1/normdoc-cleanups?pageSize=200')).body).not.toContain(full.json().id);
  });

  it('imports a campaign and its results; an item for a document outside the scope names its column and nothing is kept', async () => {
    const inScope = await published('食品摊贩管理办法', `${year - 3}-02-10`);
    const outOfScope = await published('学生资助管理办法', `${year - 3}-02-10`, unitB.id, liaisonB);
    const refs = await env.platform.db.selectFrom('normative_docs').select(['id', 'ref']).where('id', 'in', [inScope, outOfScope]).execute();
    // Give the documents refs, as a library import would.
    await env.platform.db.updateTable('normative_docs').set({ ref: 'QL-DOC-1' }).where('id', '=', inScope).execute();
    await env.platform.db.updateTable('normative_docs').set({ ref: 'QL-DOC-2' }).where('id', '=', outOfScope).execute();
    expect(refs).toHaveLength(2);
    const load = (type: string, csv: string) => office.request({ method: 'POST', url: `/api/v1/imports/${type}`, ...multipart(`${type}.csv`, csv) });
    const cleanups = await load('cleanups', `ref,unitCode,title,kind,issuedBefore,deadline,finishedDate\nQL-IMP-1,${unitA.code},市场监管专项清理,专项清理,${year - 2}-12-31,${year - 1}-03-31,\n`);
    expect(cleanups.statusCode, cleanups.body).toBe(200);
    const bad = await load('cleanup_items', `ref,cleanupRef,docRef,result,reason\nQI-1,QL-IMP-1,QL-DOC-1,repeal,上位法已修改\nQI-2,QL-IMP-1,QL-DOC-2,keep,\n`);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([expect.objectContaining({ row: 3, column: '规范性文件编号（docRef）', message: expect.stringContaining('不在本次清理范围内') })]);
    expect(await env.platform.db.selectFrom('normdoc_cleanup_items').select('id').where('ref', '=', 'QI-1').execute()).toEqual([]);
    const badResult = await load('cleanup_items', `ref,cleanupRef,docRef,result,reason\nQI-1,QL-IMP-1,QL-DOC-1,作废,x\n`);
    expect(badResult.json().errors[0]).toMatchObject({ column: '清理结果（result）' });

    expect((await load('cleanup_items', `ref,cleanupRef,docRef,result,reason\nQI-1,QL-IMP-1,QL-DOC-1,废止,上位法已修改\n`)).statusCode).toBe(200);
    const finished = await load('cleanups', `ref,unitCode,title,kind,issuedBefore,deadline,finishedDate\nQL-IMP-1,${unitA.code},市场监管专项清理,special,${year - 2}-12-31,${year - 1}-03-31,${year - 1}-03-20\n`);
    expect(finished.statusCode, finished.body).toBe(200);
    expect((await office.get(`/api/v1/normative-docs/${inScope}`)).json()).toMatchObject({ status: 'repealed', endedDate: `${year - 1}-03-20` });
    const back = await load('cleanups', `ref,unitCode,title,kind,finishedDate\nQL-IMP-1,${unitA.code},市场监管专项清理,special,\n`);
    expect(back.json().errors[0].message).toContain('不能改回清理中');
  });
});

describe('the legal advisors', () => {
  it('keeps a registry with the phone sealed and the units served; engagements link to the records worked on', async () => {
    const body = { name: '陈律师', kind: 'advisor', unitId: unitA.id, firm: '清理县律师事务所', phone: '13800138000', contractStart: `${year - 1}-01-01`, contractEnd: `${year}-12-31`, servedUnitIds: [root.id] };
    const bad = await liaisonA.post('/api/v1/legal-advisors', { ...body, contractEnd: `${year - 2}-01-01` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('聘期结束（contractEnd）');
    expect((await liaisonA.post('/api/v1/legal-advisors', { ...body, phone: '123' })).json().detail).toContain('联系电话（phone）');
    expect((await liaisonB.post('/api/v1/legal-advisors', body)).json().detail).toBe('聘请单位（unitId）不存在或无权访问');
    const created = await liaisonA.post('/api/v1/legal-advisors', body);
    expect(created.statusCode, created.body).toBe(201);
    const advisor = created.json();
    expect(advisor).toMatchObject({ name: '陈律师', phone: '138****8000', unitName: '市场监管局', underContract: true });
    expect(advisor.servedUnits.map((u: any) => u.name).sort()).toEqual(['市场监管局', '清理县人民政府'].sort());
    expect(JSON.stringify(await env.platform.db.selectFrom('legal_advisors').selectAll().where('id', '=', advisor.id).execute())).not.toContain('13800138000');
    const unmasked = await office.post(`/api/v1/legal-advisors/${advisor.id}/unmask`, { field: 'phone' });
    expect(unmasked.statusCode).toBe(200);
    expect(unmasked.json().value).toBe('13800138000');
    expect((await liaisonB.get(`/api/v1/legal-advisors/${advisor.id}`)).statusCode).toBe(404);

    const review = await liaisonA.post('/api/v1/legal-reviews', { unitId: unitA.id, kind: 'contract', title: '食堂承包合同', receivedDate: `${year - 1}-05-06` });
    const engaged = await liaisonA.post(`/api/v1/legal-advisors/${advisor.id}/engagements`, { date: `${year - 1}-05-08`, kind: 'contract', subject: '审查食堂承包合同', linkedType: 'legal_review', linkedId: review.json().id });
    expect(engaged.statusCode, engaged.body).toBe(201);
    expect(engaged.json().engagementList[0]).toMatchObject({ subject: '审查食堂承包合同', linked: { title: '食堂承包合同', link: `/legal-reviews/${review.json().id}` } });
    const before = await liaisonA.post(`/api/v1/legal-advisors/${advisor.id}/engagements`, { date: `${year - 2}-05-08`, kind: 'meeting', subject: '列席会议' });
    expect(before.json().detail).toBe(`日期（date）不能早于聘期开始 ${year - 1}-01-01`);
    const other = await liaisonB.post('/api/v1/legal-reviews', { unitId: unitB.id, kind: 'other', title: '他单位事项', receivedDate: `${year - 1}-05-06` });
    const foreign = await liaisonA.post(`/api/v1/legal-advisors/${advisor.id}/engagements`, { date: `${year - 1}-05-08`, kind: 'review', subject: 'x', linkedType: 'legal_review', linkedId: other.json().id });
    expect(foreign.json().detail).toBe('关联记录（linkedId）不存在或无权访问');
    expect((await liaisonB.post(`/api/v1/legal-advisors/${advisor.id}/engagements`, { date: `${year - 1}-05-08`, kind: 'review', subject: 'x' })).statusCode).toBe(404);

    const figures = (await office.get(`/api/v1/indicators?year=${year - 1}&unit=${unitA.code}`)).json().indicators;
    expect(figures['advisors.count']).toBe(1);
    expect(figures['advisors.engagements']).toBe(1);
    expect((await office.get(`/api/v1/indicators?year=${year - 2}&unit=${unitA.code}`)).json().indicators['advisors.count']).toBe(0);
  });

  it('imports the registry and the engagements; bad rows name their column', async () => {
    const load = (type: string, csv: string) => liaisonB.request({ method: 'POST', url: `/api/v1/imports/${type}`, ...multipart(`${type}.csv`, csv) });
    const advisors = await load('advisors', `ref,name,kind,firm,unitCodes,contractStart,contractEnd\nGW-1,周律师,法律顾问,某律所,${unitB.code},${year - 1}-01-01,${year - 1}-12-31\nGW-2,吴律师,public_lawyer,教育局,${unitB.code},${year - 1}-03-01,\n`);
    expect(advisors.statusCode, advisors.body).toBe(200);
    expect(advisors.json()).toMatchObject({ created: 2 });
    const engagements = await load('advisor_engagements', `ref,advisorRef,date,kind,subject\nFW-1,GW-1,${year - 1}-06-01,列席会议,列席局长办公会\nFW-2,GW-2,${year - 1}-07-01,consultation,法律咨询\n`);
    expect(engagements.statusCode, engagements.body).toBe(200);
    const figures = (await office.get(`/api/v1/indicators?year=${year - 1}&unit=${unitB.code}`)).json().indicators;
    expect(figures).toMatchObject({ 'advisors.count': 2, 'advisors.engagements': 2 });
    for (const [type, csv, column] of [
      ['advisors', `ref,name,kind,firm,unitCodes,contractStart,contractEnd\nGW-3,郑律师,advisor,x,${unitA.code},${year - 1}-01-01,\n`, '服务单位编码（unitCodes）'],
      ['advisors', `ref,name,kind,firm,unitCodes,contractStart,contractEnd\nGW-3,郑律师,advisor,x,${unitB.code},${year - 1}-01-01,${year - 2}-01-01\n`, '聘期结束（contractEnd）'],
      ['advisor_engagements', `ref,advisorRef,date,kind,subject\nFW-3,GW-9,${year - 1}-06-01,meeting,x\n`, '法律顾问编号（advisorRef）'],
      ['advisor_engagements', `ref,advisorRef,date,kind,subject\nFW-3,GW-1,${year - 2}-06-01,meeting,x\n`, '日期（date）'],
    ] as const) {
      const res = await load(type, csv);
      expect(res.statusCode, csv).toBe(422);
      expect(res.json().errors[0], csv).toMatchObject({ column });
    }
  });
});

describe('the written opinions', () => {
  it('come as .docx in the official format once given; not before', async () => {
    const review = (await liaisonA.post('/api/v1/legal-reviews', { unitId: unitA.id, kind: 'contract', title: '物业服务合同', receivedDate: `${year - 1}-05-06`, reviewer: '陈律师' })).json();
    expect((await liaisonA.get(`/api/v1/legal-reviews/${review.id}/opinion.docx`)).statusCode).toBe(409);
    await advance(reviewer, 'legal_review', review.id, 'complete', { version: review.version, date: `${year - 1}-05-10`, values: { opinion: '合同主体适格。\n第十二条违约责任约定不对等，建议修改。', opinionForm: 'written' } });
    const res = await liaisonA.get(`/api/v1/legal-reviews/${review.id}/opinion.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const text = (await mammoth.extractRawText({ buffer: res.rawPayload })).value;
    for (const part of ['合法性审查意见书', '送审单位：市场监管局', '物业服务合同（政府合同）', '第十二条违约责任约定不对等，建议修改。', `${year - 1}年5月10日`]) expect(text).toContain(part);
    expect((await liaisonB.get(`/api/v1/legal-reviews/${review.id}/opinion.docx`)).statusCode).toBe(404);

    const doc = await published('广告管理办法', `${year - 1}-02-10`);
    const opinion = await liaisonA.get(`/api/v1/normative-docs/${doc}/opinion.docx`);
    expect(opinion.statusCode).toBe(200);
    const docText = (await mammoth.extractRawText({ buffer: opinion.rawPayload })).value;
    for (const part of ['行政规范性文件合法性审查意见书', '文件名称：广告管理办法', '制定权限：符合', '审查结论：同意提请审议']) expect(docText).toContain(part);
  });
});
