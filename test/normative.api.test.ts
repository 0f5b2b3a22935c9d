// 规范性文件 over HTTP: a unit drafts (pasted text, a .docx read into text, every text kept), the
// reviewer gives a finding on each of the four standards, deliberation, 三统一 numbering by the
// pattern, the filing clock from publication (a late filing goes to the problem pool), the daily job
// ends a document past its validity; scope, versions, bad input naming the field, import, figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import { advance, createTestEnv, loggedIn, makeAnnualReport, makeUnit, makeUser, multipart, type Agent, type TestEnv } from './harness.ts';
import { normdocDaily } from '../src/server/modules/normative/normative.ts';

let env: TestEnv;
let office: Agent;
let reviewer: Agent;
let liaisonA: Agent;
let liaisonB: Agent;
let unitA: { id: string; code: string };
let unitB: { id: string; code: string };
const year = new Date().getUTCFullYear();

beforeAll(async () => {
  env = await createTestEnv();
  const root = await makeUnit(env.platform, { kind: 'county', name: '测试县人民政府', code: `NC${Date.now() % 100000}` });
  const justice = await makeUnit(env.platform, { parent: root, name: '司法局' });
  unitA = await makeUnit(env.platform, { parent: root, name: '农业农村局' });
  unitB = await makeUnit(env.platform, { parent: root, name: '民政局' });
  office = await loggedIn(env.app, (await makeUser(env.platform, { unit: justice, roles: ['law_office'] })).username);
  reviewer = await loggedIn(env.app, (await makeUser(env.platform, { unit: justice, roles: ['reviewer'] })).username);
  liaisonA = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitA as any, roles: ['unit_liaison'] })).username);
  liaisonB = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitB as any, roles: ['unit_liaison'] })).username);
});
afterAll(() => env.close());

const draft = async (agent: Agent, extra: Record<string, unknown> = {}) => {
  const res = await agent.post('/api/v1/normative-docs', { unitId: unitA.id, title: '农村集体资产管理办法', body: '第一条 为加强管理，制定本办法。', consultation: CONSULTED, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const CONSULTED = '在县政府门户网站公开征求意见15日，未收到意见。';
const VALID = '第二条 本办法自公布之日起施行，有效期5年。';
const version = async (id: string) => (await office.get(`/api/v1/normative-docs/${id}`)).json().version as number;
const act = async (agent: Agent, id: string, key: string, body: Record<string, unknown> = {}) => agent.post(`/api/v1/workflow/normative_doc/${id}/transitions/${key}`, { version: await version(id), ...body });
const REVIEW = { subjectFinding: 'compliant', authorityFinding: 'compliant', contentFinding: 'amended', procedureFinding: 'compliant', conclusion: 'amend', opinion: '第三条已按意见修改，同意修改后提请审议。' };
/** A draft taken to 待登记公布: submitted, reviewed on `reviewed`, deliberated. */
async function approved(title: string, reviewed: string, drafter = liaisonA, unitId = unitA.id) {
  const doc = await draft(drafter, { title, body: `第一条 为加强管理，制定本办法。\n${VALID}`, unitId });
  await advance(drafter, 'normative_doc', doc.id, 'submit', { version: await version(doc.id), date: reviewed });
  await advance(reviewer, 'normative_doc', doc.id, 'review', { version: await version(doc.id), date: reviewed, values: REVIEW });
  await advance(office, 'normative_doc', doc.id, 'deliberate', { version: await version(doc.id), date: reviewed, values: { meeting: '县政府第5次常务会议' } });
  return doc.id as string;
}
const docx = (...lines: string[]) => Packer.toBuffer(new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] }));

describe('a normative document', () => {
  it('is drafted with its texts kept: pasted, then read from a .docx; only a draft changes, from the version read', async () => {
    const doc = await draft(liaisonA);
    expect(doc).toMatchObject({ status: 'draft', unitName: '农业农村局', body: '第一条 为加强管理，制定本办法。', texts: [{ no: 1, source: 'paste' }] });
    const saved = await liaisonA.put(`/api/v1/normative-docs/${doc.id}/text`, { version: doc.version, body: '第一条 为加强农村集体资产管理，制定本办法。' });
    expect(saved.statusCode, saved.body).toBe(200);
    const stale = await liaisonA.put(`/api/v1/normative-docs/${doc.id}/text`, { version: doc.version, body: '覆盖' });
    expect(stale.statusCode).toBe(409);

    const file = await docx('示范县农村集体资产管理办法', '第一条 为加强农村集体资产管理，根据有关法律，制定本办法。', '第二条 本办法自公布之日起施行。');
    const upload = await liaisonA.request({ method: 'POST', url: `/api/v1/normative-docs/${doc.id}/docx`, ...multipart('管理办法.docx', file, { version: String(saved.json().version) }) });
    expect(upload.statusCode, upload.body).toBe(200);
    const after = upload.json();
    expect(after.body).toBe('示范县农村集体资产管理办法\n\n第一条 为加强农村集体资产管理，根据有关法律，制定本办法。\n\n第二条 本办法自公布之日起施行。');
    expect(after.texts.map((t: any) => [t.no, t.source, t.filename])).toEqual([[3, 'docx', '管理办法.docx'], [2, 'paste', null], [1, 'paste', null]]);
    expect((await liaisonA.get(`/api/v1/normative-docs/${doc.id}/texts/1`)).json()).toEqual({ no: 1, body: '第一条 为加强管理，制定本办法。' });
    // A file that only says it is a .docx, or a .doc, is refused and changes nothing.
    const fake = await liaisonA.request({ method: 'POST', url: `/api/v1/normative-docs/${doc.id}/docx`, ...multipart('假.docx', '不是 Word 文档', { version: String(after.version) }) });
    expect(fake.statusCode).toBe(415);
    expect((await liaisonA.request({ method: 'POST', url: `/api/v1/normative-docs/${doc.id}/docx`, ...multipart('旧.doc', file, { version: String(after.version) }) })).json().detail).toContain('.docx');
    expect((await liaisonA.get(`/api/v1/normative-docs/${doc.id}`)).json().texts).toHaveLength(3);

    await advance(liaisonA, 'normative_doc', doc.id, 'submit', { version: after.version });
    const locked = await liaisonA.put(`/api/v1/normative-docs/${doc.id}/text`, { version: after.version + 1, body: '审查中改正文' });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().detail).toContain('只有起草中的文件可以修改正文');
  });

  it('another unit can neither read nor change it, and learns nothing of it', async () => {
    const doc = await draft(liaisonA, { title: '仅本单位可见的办法' });
    const theirs = await liaisonB.get(`/api/v1/normative-docs/${doc.id}`);
    const none = await liaisonB.get('/api/v1/normative-docs/no-such-doc');
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().detail).toBe(none.json().detail);
    expect((await liaisonB.get('/api/v1/normative-docs?pageSize=200')).body).not.toContain('仅本单位可见的办法');
    expect((await liaisonB.get(`/api/v1/normative-docs/${doc.id}/texts/1`)).statusCode).toBe(404);
    expect((await liaisonB.put(`/api/v1/normative-docs/${doc.id}/text`, { version: doc.version, body: '改' })).statusCode).toBe(404);
    expect((await liaisonB.post(`/api/v1/workflow/normative_doc/${doc.id}/transitions/submit`, { version: doc.version })).statusCode).toBe(404);
    const into = await liaisonB.post('/api/v1/normative-docs', { unitId: unitA.id, title: '冒名起草' });
    expect(into.statusCode).toBe(400);
    expect(into.json().detail).toBe('起草单位（unitId）不存在或无权访问');
    // The reviewer and the law office see every unit's drafts.
    expect((await reviewer.get(`/api/v1/normative-docs/${doc.id}`)).statusCode).toBe(200);
    expect((await liaisonA.get(`/api/v1/normative-docs/${doc.id}`)).json().body).toContain('第一条');
  });

  it('passes the review with a finding on each standard, deliberation and 三统一 numbering; refuses what breaks the rules', async () => {
    const doc = await draft(liaisonA, { title: '农村集体资产管理办法（试行）', body: ' ' .trim() || undefined });
    const noText = await act(liaisonA, doc.id, 'submit');
    expect(noText.statusCode).toBe(409);
    expect(noText.json().detail).toContain('需先录入或上传文件正文');
    await liaisonA.put(`/api/v1/normative-docs/${doc.id}/text`, { version: doc.version, body: `第一条 为加强管理，制定本办法。\n第二条 本办法试行2年。` });
    expect((await act(liaisonA, doc.id, 'submit', { date: `${year}-01-05` })).statusCode).toBe(200);
    expect((await act(liaisonA, doc.id, 'review', { values: REVIEW })).statusCode).toBe(403);
    const failing = await act(reviewer, doc.id, 'review', { values: { ...REVIEW, authorityFinding: 'noncompliant' } });
    expect(failing.statusCode).toBe(400);
    expect(failing.json().detail).toBe('制定权限（authorityFinding）：为“不符合”的，应退回起草单位修改，不能出具同意提请审议的意见');
    const missing = await act(reviewer, doc.id, 'review', { values: { ...REVIEW, opinion: undefined } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().detail).toContain('审查意见（opinion）');
    expect((await act(reviewer, doc.id, 'review', { date: `${year}-01-15`, values: REVIEW })).statusCode).toBe(200);
    const reviewed = (await office.get(`/api/v1/normative-docs/${doc.id}`)).json();
    expect(reviewed).toMatchObject({ status: 'deliberating', reviewedDate: `${year}-01-15`, review: { conclusion: 'amend', opinion: REVIEW.opinion } });
    expect(reviewed.review.findings.map((f: any) => `${f.label}:${f.finding}`)).toEqual(['制定主体:compliant', '制定权限:compliant', '文件内容:amended', '制定程序:compliant']);
    expect((await act(office, doc.id, 'deliberate', { date: `${year}-01-20`, values: { meeting: '县政府第3次常务会议' } })).statusCode).toBe(200);

    const publish = (values: Record<string, unknown>, date = `${year}-02-01`) => act(office, doc.id, 'publish', { date, values });
    const early = await publish({ validUntil: `${year + 1}-01-31` }, `${year}-01-10`);
    expect(early.statusCode).toBe(400);
    expect(early.json().detail).toBe(`公布日期（date）不能早于合法性审查完成日期 ${year}-01-15`);
    const before = await publish({ validUntil: `${year}-01-31` });
    expect(before.json().detail).toBe(`有效期至（validUntil）不能早于公布日期 ${year}-02-01`);
    const tooLong = await publish({ validUntil: `${year + 2}-02-01` });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().detail).toContain(`超过最长有效期（暂行、试行的2年，至 ${year + 2}-01-31）`);
    expect((await office.get(`/api/v1/normative-docs/${doc.id}`)).json()).toMatchObject({ status: 'approved', docNumber: null, issuedDate: null });

    const ok = await publish({ validUntil: `${year + 2}-01-31` });
    expect(ok.statusCode, ok.body).toBe(200);
    const issued = (await office.get(`/api/v1/normative-docs/${doc.id}`)).json();
    expect(issued).toMatchObject({ status: 'in_force', issuedDate: `${year}-02-01`, docNumber: `测试县政规〔${year}〕1号`, validUntil: `${year + 2}-01-31` });
    expect(issued.registerNumber).toMatch(new RegExp(`^NC\\d+-${year}-0001$`));
    expect(issued.clocks.find((c: any) => c.key === 'filing')).toMatchObject({ ruleCode: 'normdoc.filing', start: `${year}-02-01` });

    // The next document of the year takes the next number; a number in use is refused by name.
    const second = await approved('农村宅基地管理办法', `${year}-03-01`);
    const taken = await act(office, second, 'publish', { date: `${year}-03-05`, values: { validUntil: `${year + 5}-03-04`, docNumber: `测试县政规〔${year}〕1号` } });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().detail).toBe(`文号（docNumber）「测试县政规〔${year}〕1号」已由《农村集体资产管理办法（试行）》使用`);
    const withReason = await act(office, second, 'publish', { date: `${year}-03-05`, values: { validUntil: `${year + 6}-03-04`, validityReason: '配套省级规划期限' } });
    expect(withReason.statusCode, withReason.body).toBe(200);
    expect((await office.get(`/api/v1/normative-docs/${second}`)).json().docNumber).toBe(`测试县政规〔${year}〕2号`);
  });

  it('is filed after publication (late: the problem pool), then expires by the daily job after its validity', async () => {
    const id = await approved('农村道路管理办法', `${year - 1}-03-01`);
    expect((await act(office, id, 'publish', { date: `${year - 1}-03-10`, values: { validUntil: `${year - 1}-12-31` } })).statusCode).toBe(200);
    const filingBefore = await act(office, id, 'file', { date: `${year - 1}-03-09`, values: { filingBody: '市人民政府' } });
    expect(filingBefore.statusCode).toBe(400);
    // Refused by the definition's date order, naming the filing date and the publication it follows.
    expect(filingBefore.json().errors[0]).toMatchObject({ field: 'date', message: expect.stringContaining(`不能早于公布日期（${year - 1}-03-10）`) });
    expect(filingBefore.json().detail).toContain('报政府备案日期');
    // Filed with each body on its own day, each within its own clock: the standing committee on time, the government late.
    expect((await act(office, id, 'feedback_congress', { values: { congressFeedback: 'no_objection' } })).json().detail).toBe('不能执行「登记人大备案审查意见」：尚未报送人大常委会备案');
    expect((await act(office, id, 'file_congress', { date: `${year - 1}-03-30`, values: { congressFilingBody: '县人大常委会' } })).statusCode).toBe(200);
    const half = (await office.get(`/api/v1/normative-docs/${id}`)).json();
    expect(half).toMatchObject({ congressFiledDate: `${year - 1}-03-30`, congressFilingBody: '县人大常委会', congressLight: null, filedDate: null, filingDue: `${year - 1}-04-09`, light: 'red' });
    expect((await act(office, id, 'file', { date: `${year - 1}-05-20`, values: { filingBody: '市人民政府' } })).statusCode).toBe(200);
    expect((await act(office, id, 'file', { values: { filingBody: '再报' } })).json().detail).toContain('已于');
    const problems = await env.platform.db.selectFrom('problems').selectAll().where('source_id', 'like', `${id}%`).execute();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ source_label: '规范性文件逾期备案', unit_id: unitA.id, status: 'open', title: expect.stringContaining('逾期报送上一级人民政府备案') });
    const feedback = await act(office, id, 'feedback_congress', { values: { congressFeedback: 'correct' } });
    expect(feedback.statusCode, feedback.body).toBe(200);
    const badFeedback = await act(office, id, 'feedback', { values: { filingFeedback: '同意' } });
    expect(badFeedback.statusCode).toBe(400);
    expect(badFeedback.json().detail).toContain('备案审查意见（filingFeedback）');
    const doc = (await office.get(`/api/v1/normative-docs/${id}`)).json();
    expect(doc).toMatchObject({ filedDate: `${year - 1}-05-20`, filingBody: '市人民政府', filingFeedback: null, congressFeedback: 'correct' });
    expect(doc.clocks.find((c: any) => c.key === 'filing')).toMatchObject({ status: 'stopped', onTime: false });
    expect(doc.clocks.find((c: any) => c.key === 'filing_congress')).toMatchObject({ status: 'stopped', onTime: true });
    const done = await env.platform.db.selectFrom('normative_docs').select('filing_done_date').where('id', '=', id).executeTakeFirstOrThrow();
    expect(done.filing_done_date).toBe(`${year - 1}-05-20`);
    // A filed document in force waits on nobody: it is not in 我的待办.
    const todo = (await office.get('/api/v1/todo')).json();
    expect(JSON.stringify(todo)).not.toContain(id);

    await normdocDaily(env.platform, `${year}-01-02`);
    const expired = (await office.get(`/api/v1/normative-docs/${id}`)).json();
    expect(expired).toMatchObject({ status: 'expired', endedDate: `${year}-01-01` });
  });

  it('counts in the figures by its dates', async () => {
    // A unit of its own: tests run in any order, and others draft and import for 农业农村局.
    const unitC = await makeUnit(env.platform, { name: '水利局' });
    const liaisonC = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitC as any, roles: ['unit_liaison'] })).username);
    const id = await approved('农村供水管理办法', `${year - 2}-04-01`, liaisonC, unitC.id);
    await act(office, id, 'publish', { date: `${year - 2}-04-10`, values: { validUntil: `${year + 2}-04-09` } });
    await act(office, id, 'file', { date: `${year - 2}-04-20`, values: { filingBody: '市人民政府' } });
    const figure = async (code: string, y: number) => (await office.get(`/api/v1/indicators?year=${y}&unit=${unitC.code}`)).json().indicators[code];
    // Filed with one body only: not yet filed.
    expect(await figure('docs.filed', year - 2)).toBe(0);
    await act(office, id, 'file_congress', { date: `${year - 2}-04-25`, values: { congressFilingBody: '县人大常委会' } });
    expect(await figure('docs.reviewed', year - 2)).toBe(1);
    expect(await figure('docs.issued', year - 2)).toBe(1);
    expect(await figure('docs.filed', year - 2)).toBe(1);
    expect(await figure('docs.filed_on_time_rate', year - 2)).toBe(1);
    expect(await figure('docs.in_force', year - 2)).toBe(1);
    const inForce = await figure('docs.in_force', year - 1);
    expect((await act(office, id, 'repeal', { date: `${year - 1}-06-30`, note: '上位法已修改' })).statusCode).toBe(200);
    expect(await figure('docs.in_force', year - 2)).toBe(1);
    expect(await figure('docs.in_force', year - 1)).toBe(inForce - 1);
    // The unit's annual report draft writes them into its section on normative documents.
    const report = await makeAnnualReport(office, { unitId: unitC.id, year: year - 2 });
    const section = report.sections.find((s: any) => s.key === 'measures.normative');
    expect(section.heading).toBe('（九）加强行政规范性文件监督管理和合法性审查');
    expect(section.html).toContain('data-figure="docs.issued"');
    expect(section.html).toContain('data-figure="docs.filed_on_time_rate"');
    for (const code of ['docs.cleanup_flagged', 'advisors.count', 'advisors.engagements']) expect(section.html).toContain(`data-figure="${code}"`);
  });
});

describe('the pre-review checks', () => {
  const BODY = ['第一条 为加强户外广告设施管理，根据《城市市容和环境卫生管理条例》，制定本办法。', '第二条 设置户外广告设施的，应当向县城市管理综合执法局申请办理户外广告设置许可证。', '第三条 户外广告设施的制作安装，应当由县城市管理综合执法局指定的企业承担。', '第四条 违反本办法规定的，依照《城市市容和环境卫生管理条例》的规定处理。'].join('\n');

  it('flag the sentences with the rule and its citation; the reviewer confirms or dismisses each before the opinion', async () => {
    const doc = await draft(liaisonA, { title: '户外广告设施设置管理办法', body: BODY, consultation: undefined });
    await advance(liaisonA, 'normative_doc', doc.id, 'submit', { version: await version(doc.id) });
    const submitted = (await reviewer.get(`/api/v1/normative-docs/${doc.id}`)).json();
    expect(submitted.flags.map((f: any) => [f.ruleCode, f.sentence, f.status])).toEqual([
      ['licence', '第二条 设置户外广告设施的，应当向县城市管理综合执法局申请办理户外广告设置许可证。', 'open'],
      ['competition.designated', '第三条 户外广告设施的制作安装，应当由县城市管理综合执法局指定的企业承担。', 'open'],
      ['consultation', null, 'open'],
      ['validity', null, 'open'],
    ]);
    expect(submitted.flags[0].citation).toContain('《中华人民共和国行政许可法》第十七条');
    const blocked = await act(reviewer, doc.id, 'review', { values: REVIEW });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().detail).toContain('尚有 4 条预审提示未确认或排除');

    const decide = (agent: Agent, flag: any, body: Record<string, unknown>) => agent.post(`/api/v1/normative-docs/${doc.id}/flags/${flag.id}`, body);
    const [licence, designated, consultation, validity] = submitted.flags;
    expect((await decide(liaisonA, licence, { version: submitted.version, decision: 'confirmed', note: '无上位法依据' })).statusCode).toBe(403);
    expect((await decide(liaisonB, licence, { version: submitted.version, decision: 'confirmed', note: 'x' })).statusCode).toBe(403);
    const noNote = await decide(reviewer, licence, { version: submitted.version, decision: 'confirmed' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().detail).toContain('处理说明（note）');
    const first = await decide(reviewer, licence, { version: submitted.version, decision: 'confirmed', note: '规范性文件不得设定行政许可，应删除' });
    expect(first.statusCode, first.body).toBe(200);
    expect((await decide(reviewer, designated, { version: submitted.version, decision: 'confirmed', note: '并发' })).statusCode).toBe(409);
    let v = first.json().version;
    for (const [flag, decision, note] of [[designated, 'confirmed', '限定交易，违反公平竞争审查'], [consultation, 'dismissed', '起草说明载明已公开征求意见'], [validity, 'confirmed', '应载明有效期']] as const) {
      const res = await decide(reviewer, flag, { version: v, decision, note });
      expect(res.statusCode, res.body).toBe(200);
      v = res.json().version;
    }
    const decided = (await reviewer.get(`/api/v1/normative-docs/${doc.id}`)).json();
    expect(decided.flags.map((f: any) => f.status)).toEqual(['confirmed', 'confirmed', 'dismissed', 'confirmed']);
    expect(decided.flags[2]).toMatchObject({ note: '起草说明载明已公开征求意见', decidedByName: expect.any(String) });
    // The reviewer sends it back; the new text is checked afresh, the old decisions stay with the old text.
    await advance(reviewer, 'normative_doc', doc.id, 'return', { version: v, note: '请按预审意见修改' });
    const fixed = ['第一条 为加强户外广告设施管理，制定本办法。', '第二条 户外广告设施应当与周边环境相协调。', VALID].join('\n');
    await liaisonA.put(`/api/v1/normative-docs/${doc.id}/text`, { version: await version(doc.id), body: fixed, consultation: CONSULTED });
    await advance(liaisonA, 'normative_doc', doc.id, 'submit', { version: await version(doc.id) });
    expect((await reviewer.get(`/api/v1/normative-docs/${doc.id}`)).json().flags).toEqual([]);
    expect((await act(reviewer, doc.id, 'review', { values: REVIEW })).statusCode).toBe(200);
    const old = await env.platform.db.selectFrom('normative_doc_flags').select(['text_no', 'status']).where('doc_id', '=', doc.id).execute();
    expect(old).toHaveLength(4);
  });

  it('are rules the law office extends; a pattern that does not compile is refused naming the field', async () => {
    const rule = { code: 'county.exam', category: 'obligation', scope: 'sentence', name: '增设考试', pattern: '须参加[^，。；]{0,10}考试', basis: null, citation: '《中华人民共和国行政许可法》第五十四条', active: true };
    expect((await liaisonA.post('/api/v1/normdoc-check-rules', rule)).statusCode).toBe(403);
    const broken = await office.post('/api/v1/normdoc-check-rules', { ...rule, pattern: '须参加(' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().detail).toContain('匹配模式（pattern）不是有效的正则表达式');
    expect((await office.post('/api/v1/normdoc-check-rules', rule)).statusCode).toBe(201);
    const doc = await draft(liaisonA, { title: '农机手管理办法', body: `第一条 农机手须参加县农业农村局组织的考试。\n${VALID}` });
    await advance(liaisonA, 'normative_doc', doc.id, 'submit', { version: await version(doc.id) });
    expect((await reviewer.get(`/api/v1/normative-docs/${doc.id}`)).json().flags.map((f: any) => f.ruleCode)).toEqual(['county.exam']);
    const rules = (await liaisonA.get('/api/v1/normdoc-check-rules')).json().items;
    const stored = rules.find((r: any) => r.code === 'county.exam');
    const off = await office.put('/api/v1/normdoc-check-rules/county.exam', { version: stored.version, name: rule.name, pattern: rule.pattern, basis: null, citation: rule.citation, active: false });
    expect(off.statusCode, off.body).toBe(200);
    expect((await office.put('/api/v1/normdoc-check-rules/county.exam', { version: stored.version, name: rule.name, pattern: rule.pattern, citation: rule.citation, active: true })).statusCode).toBe(409);
  });
});

describe('the public library', () => {
  it('shows published documents only (现行有效 by default), searched in their text; never a draft', async () => {
    const id = await approved('农村饮水安全工程运行管理办法', `${year - 1}-02-01`);
    expect((await liaisonA.put(`/api/v1/normative-docs/${id}/text`, { version: await version(id), body: 'x' })).statusCode).toBe(409);
    expect((await act(office, id, 'publish', { date: `${year - 1}-02-10`, values: { validUntil: `${year - 1}-12-31` } })).statusCode).toBe(200);
    const hidden = await draft(liaisonA, { title: '未公布的饮水办法', body: '第一条 饮水工程专管员。' });
    const anon = (url: string) => env.app.inject({ method: 'GET', url: `/api/v1${url}` });
    const search = async (q: string, status = '') => (await anon(`/public/normative-docs?q=${encodeURIComponent(q)}${status}`)).json();
    expect((await search('饮水')).items.map((d: any) => d.title)).toEqual(['农村饮水安全工程运行管理办法']);
    expect((await search('为加强管理')).items.map((d: any) => d.title)).toContain('农村饮水安全工程运行管理办法');
    expect((await anon(`/public/normative-docs/${hidden.id}`)).statusCode).toBe(404);
    expect(JSON.stringify(await search('未公布', '&status=all'))).not.toContain('未公布的饮水办法');

    await normdocDaily(env.platform, `${year}-01-01`);
    expect((await search('饮水')).items).toEqual([]);
    const all = await search('饮水', '&status=all');
    expect(all.items[0]).toMatchObject({ title: '农村饮水安全工程运行管理办法', status: 'expired', statusLabel: '已失效', endedDate: `${year}-01-01` });
    const text = (await anon(`/public/normative-docs/${id}`)).json();
    expect(text).toMatchObject({ statusLabel: '已失效', body: expect.stringContaining('第一条 为加强管理') });
    expect((await anon('/public/normative-docs?status=draft')).statusCode).toBe(400);
  });
});

describe('the library\'s full-text search', () => {
  it('finds documents by words of their text in any order, through the index kept as texts change; staff find drafts in their scope only', async () => {
    const id = await approved('城区养犬管理规定', `${year - 1}-03-01`);
    expect((await act(office, id, 'publish', { date: `${year - 1}-03-10`, values: { validUntil: `${year + 2}-12-31` } })).statusCode).toBe(200);
    const anon = async (q: string) => (await env.app.inject({ method: 'GET', url: `/api/v1/public/normative-docs?q=${encodeURIComponent(q)}` })).json().items.map((d: any) => d.title);
    // Two words of the text, in the other order, one of them under three characters.
    expect(await anon('有效期5年 养犬')).toContain('城区养犬管理规定');
    expect(await anon('有效期5年 养猫')).not.toContain('城区养犬管理规定');

    // A draft's text is searched as it is now: the old words no longer find it, the new ones do.
    const doc = await draft(liaisonA, { title: '乡村民宿管理暂行办法', body: '第一条 规范民宿经营行为。' });
    const ledger = async (agent: Agent, q: string) => (await agent.get(`/api/v1/normative-docs?q=${encodeURIComponent(q)}`)).json().items.map((d: any) => d.id);
    expect(await ledger(liaisonA, '规范民宿经营')).toEqual([doc.id]);
    expect((await liaisonA.put(`/api/v1/normative-docs/${doc.id}/text`, { version: doc.version, body: '第一条 引导农家乐有序发展。' })).statusCode).toBe(200);
    expect(await ledger(liaisonA, '规范民宿经营')).toEqual([]);
    expect(await ledger(liaisonA, '农家乐 有序发展')).toEqual([doc.id]);
    expect(await ledger(office, '农家乐有序')).toEqual([doc.id]);
    // Another unit's staff, and the public, never find the draft.
    expect(await ledger(liaisonB, '农家乐有序')).toEqual([]);
    expect(await anon('农家乐有序')).toEqual([]);
  });
});

describe('the import of a library', () => {
  const csv = (rows: string[]) => ['ref,unitCode,title,docNumber,registerNumber,reviewedDate,issuedDate,validUntil,filedDate,status', ...rows].join('\n') + '\n';
  const load = (agent: Agent, rows: string[]) => agent.request({ method: 'POST', url: '/api/v1/imports/normative_docs', ...multipart('docs.csv', csv(rows)) });

  it('imports documents in every status; bad rows name their column and nothing is kept', async () => {
    const res = await load(liaisonA, [
      `IMP-1,${unitA.code},农机补贴管理办法,测试县政规〔2021〕4号,,2021-03-01,2021-03-10,2026-03-09,2021-03-25,expired`,
      `IMP-2,${unitA.code},农田水利管理办法,测试县政规〔2023〕2号,,2023-05-01,2023-05-10,2028-05-09,2023-07-20,现行有效`,
      `IMP-3,${unitA.code},农产品质量办法（草案）,,,,,,,draft`,
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 3, updated: 0 });
    const rows = await env.platform.db.selectFrom('normative_docs').select(['ref', 'status', 'ended_date', 'number_year', 'number_seq']).where('ref', 'like', 'IMP-%').where('unit_id', '=', unitA.id).orderBy('ref').execute();
    expect(rows).toEqual([
      { ref: 'IMP-1', status: 'expired', ended_date: '2026-03-10', number_year: 2021, number_seq: 4 },
      { ref: 'IMP-2', status: 'in_force', ended_date: null, number_year: 2023, number_seq: 2 },
      { ref: 'IMP-3', status: 'draft', ended_date: null, number_year: null, number_seq: null },
    ]);
    const late = await env.platform.db.selectFrom('problems').select('title').where('source_label', '=', '规范性文件逾期备案').where('unit_id', '=', unitA.id).execute();
    expect(late.map((p) => p.title).join()).toContain('农田水利管理办法');

    for (const [row, column, message] of [
      [`BAD-1,${unitA.code},甲办法,测试县政规〔2024〕9号,,2024-05-10,2024-05-01,2029-04-30,,in_force`, '公布日期（issuedDate）', '不能早于合法性审查完成日期 2024-05-10'],
      [`BAD-2,${unitA.code},乙办法,测试县政规〔2024〕8号,,2024-05-01,2024-05-10,2024-05-09,,in_force`, '有效期至（validUntil）', '不能早于公布日期 2024-05-10'],
      [`BAD-3,${unitA.code},丙办法（暂行）,测试县政规〔2024〕7号,,2024-05-01,2024-05-10,2027-05-09,,in_force`, '有效期至（validUntil）', '超过最长有效期'],
      [`BAD-4,${unitA.code},丁办法,测试县政规〔2024〕6号,,2024-05-01,2024-05-10,2029-05-09,2024-05-02,in_force`, '报政府备案日期（filedDate）', '不能早于公布日期（2024-05-10）'],
      [`BAD-5,${unitA.code},戊办法,测试县政规〔2023〕2号,,2024-05-01,2024-05-10,2029-05-09,,in_force`, '文号（docNumber）', '已由《农田水利管理办法》使用'],
      [`BAD-6,${unitA.code},己办法,,,2024-05-01,2024-05-10,2029-05-09,,in_force`, '文号（docNumber）', '已公布的文件须填写文号'],
    ] as const) {
      const bad = await load(liaisonA, [`OK-${column.length},${unitA.code},好办法,,,,,,,draft`, row]);
      expect(bad.statusCode, row).toBe(422);
      expect(bad.json().errors).toHaveLength(1);
      expect(bad.json().errors[0]).toMatchObject({ row: 3, column });
      expect(bad.json().errors[0].message).toContain(message);
    }
    expect(await env.platform.db.selectFrom('normative_docs').select('id').where('title', '=', '好办法').execute()).toHaveLength(0);
    // Never back to an earlier state.
    const back = await load(liaisonA, [`IMP-2,${unitA.code},农田水利管理办法,,,,,,,draft`]);
    expect(back.statusCode).toBe(422);
    expect(back.json().errors[0].message).toContain('不能改回更早的状态');
  });
});
