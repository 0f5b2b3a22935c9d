// Documents from records: a notice is produced from the template in use (the default, or the law
// office's Word file), filled from the record with its case number, kept as the record's evidence
// and audited; only in the statuses that allow it, only for readers of the record; templates are
// checked for their placeholders; sealed personal data never reaches a document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import PizZip from 'pizzip';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { answered, createTestEnv, loggedIn, makeFinding, makeInspection, makeReviewCase, makeStaffedUnit, makeUnit, makeUser, multipart, type Agent, type TestEnv } from './harness.ts';
import { chinaToday, fromDayNumber, toDayNumber } from '../src/server/kernel/calendar/days.ts';
import { chineseDate } from '../src/shared/schemas/reports.ts';

let env: TestEnv;
let office: Agent;
let county: Awaited<ReturnType<typeof makeUnit>>;
let market: Awaited<ReturnType<typeof makeUnit>>;
const ID = '11010519491231002X';

beforeAll(async () => {
  env = await createTestEnv();
  // Numbers name the county after the first top unit by code; this file also makes top units of
  // its own (makeStaffedUnit without a parent), whose generated codes may sort either way.
  county = await makeUnit(env.platform, { name: '文书县人民政府', code: 'A-DOCS-COUNTY' });
  market = await makeUnit(env.platform, { parent: county as any, name: '文书县市场监督管理局' });
  const justice = await makeUnit(env.platform, { parent: county as any, name: '文书县司法局' });
  office = await loggedIn(env.app, (await makeUser(env.platform, { unit: justice, roles: ['law_office'] })).username);
}, 60_000);
afterAll(() => env.close());

const ok = answered;
const textOf = (docx: Buffer) => new PizZip(docx).file('word/document.xml')!.asText().replace(/<[^>]+>/g, '');
const download = async (agent: Agent, attachmentId: string) => {
  const res = await agent.get(`/api/v1/attachments/${attachmentId}/download`);
  expect(res.statusCode, res.body).toBe(200);
  return res.rawPayload;
};
const acceptedCase = async (applicantName = '文书申请人') => {
  const c = await makeReviewCase(office, { unitId: county.id, respondentUnitId: market.id, applicantName, applicantIdNumber: ID, respondent: '文书县市场监督管理局', act: '罚款五千元的行政处罚决定' });
  await ok(await office.post(`/api/v1/workflow/review_case/${c.id}/transitions/accept`, { version: c.version, date: '2026-03-04', values: { procedure: 'normal' } }));
  return c;
};
const wordFile = async (text: string) => Packer.toBuffer(new Document({ sections: [{ children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })) }] }));

describe('documents from records', () => {
  it('produces the acceptance notice from the record, with its case number, as evidence on the record, audited', async () => {
    const c = await acceptedCase();
    const choices = await ok(await office.get(`/api/v1/documents/review_case/${c.id}`));
    expect(choices.items.find((d: any) => d.key === 'review_accept_notice')).toMatchObject({ title: '行政复议受理通知书', available: true });
    expect(choices.items.find((d: any) => d.key === 'review_supplement_notice')).toMatchObject({ available: false, reason: expect.stringContaining('补正中') });
    const made = await ok(await office.post(`/api/v1/documents/review_case/${c.id}/review_accept_notice`), 201);
    const caseNumber = (await env.platform.db.selectFrom('review_cases').select('case_number').where('id', '=', c.id).executeTakeFirstOrThrow()).case_number!;
    expect(made.filename).toBe(`行政复议受理通知书（${caseNumber}）.docx`);
    const text = textOf(await download(office, made.attachmentId));
    for (const part of ['行政复议受理通知书', caseNumber, '文书申请人：', '文书县市场监督管理局罚款五千元的行政处罚决定', '2026年3月2日', '2026年3月4日', '文书县人民政府']) expect(text).toContain(part);
    expect(text).not.toMatch(/\{[^}]*\}/);
    expect(text).not.toContain(ID);
    expect(text).not.toContain('49123');
    const evidence = await ok(await office.get(`/api/v1/attachments?recordType=review_case&recordId=${c.id}`));
    expect(evidence.items.map((a: any) => a.id)).toContain(made.attachmentId);
    const entry = await env.platform.db.selectFrom('audit_log').select(['target_id', 'detail']).where('action', '=', 'document.generate').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(entry.target_id).toBe(c.id);
    expect(JSON.parse(entry.detail as string)).toMatchObject({ document: '行政复议受理通知书', attachmentId: made.attachmentId });
  });

  it('refuses a document the status does not allow, in Chinese', async () => {
    const c = await acceptedCase();
    const res = await office.post(`/api/v1/documents/review_case/${c.id}/review_reject_decision`);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('不能生成不予受理行政复议申请决定书');
    expect((await office.post(`/api/v1/documents/review_case/${c.id}/foi_reply`)).statusCode).toBe(404);
  });

  it("another unit's staff cannot list or produce a record's documents, nor can a role that may not read the record type", async () => {
    const c = await acceptedCase();
    const other = await makeStaffedUnit(env, ['unit_liaison', 'enforcement_officer'] as const);
    for (const agent of [other.agents.unit_liaison, other.agents.enforcement_officer]) {
      expect((await agent.get(`/api/v1/documents/review_case/${c.id}`)).statusCode).toBe(404);
      expect((await agent.post(`/api/v1/documents/review_case/${c.id}/review_accept_notice`)).statusCode).toBe(404);
    }
    // The enforcement officer does not even see the reconsideration templates.
    const templates = await ok(await other.agents.enforcement_officer.get('/api/v1/document-templates'));
    expect(templates.items.map((t: any) => t.recordType)).not.toContain('review_case');
  });

  it("the law office replaces a template with its own Word file; unknown placeholders and other files are refused; the default comes back", async () => {
    const list = await ok(await office.get('/api/v1/document-templates'));
    const notice = list.items.find((t: any) => t.key === 'review_accept_notice');
    expect(notice).toMatchObject({ title: '行政复议受理通知书', recordTitle: env.platform.workflows.get('review_case')!.title, custom: false });
    const names = notice.placeholders.map((p: any) => p.name);
    expect(names).toEqual(expect.arrayContaining(['案号', '成文日期', '申请人', '收到日期', '复议案号']));
    expect(names).not.toContain('身份证号码');
    expect(names).not.toContain('手机号码');
    // The default template downloads as a Word file with its placeholders.
    const template = await office.get('/api/v1/document-templates/review_accept_notice/file');
    expect(template.statusCode).toBe(200);
    expect(textOf(template.rawPayload)).toContain('{申请人}');

    const upload = async (agent: Agent, name: string, content: Buffer) => agent.request({ method: 'PUT', url: '/api/v1/document-templates/review_accept_notice', ...multipart(name, content) });
    const unknown = await upload(office, '模板.docx', await wordFile('受理通知\n{申请人}\n{不存在的字段}'));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().detail).toContain('{不存在的字段}');
    const broken = await upload(office, '模板.docx', await wordFile('受理通知 {申请人'));
    expect(broken.statusCode).toBe(400);
    expect(broken.json().detail).toContain('文书模板有误：占位符「{申请人」缺少右花括号 }');
    expect((await upload(office, '模板.txt', Buffer.from('{申请人}'))).statusCode).toBe(400);
    const liaison = (await makeStaffedUnit(env, ['unit_liaison'] as const)).agents.unit_liaison;
    expect((await upload(liaison, '模板.docx', await wordFile('{申请人}'))).statusCode).toBe(403);

    await ok(await upload(office, '本县受理通知书.docx', await wordFile('本县格式受理通知书\n{案号}\n{申请人}：经审查，决定受理。\n{成文日期}')));
    expect((await ok(await office.get('/api/v1/document-templates'))).items.find((t: any) => t.key === 'review_accept_notice').custom).toBe(true);
    const c = await acceptedCase('替换模板申请人');
    const made = await ok(await office.post(`/api/v1/documents/review_case/${c.id}/review_accept_notice`), 201);
    const text = textOf(await download(office, made.attachmentId));
    expect(text).toContain('本县格式受理通知书');
    expect(text).toContain('替换模板申请人：经审查，决定受理。');

    await ok(await office.delete('/api/v1/document-templates/review_accept_notice'));
    const again = await ok(await office.post(`/api/v1/documents/review_case/${c.id}/review_accept_notice`), 201);
    expect(textOf(await download(office, again.attachmentId))).toContain('本机关决定自2026年3月4日起予以受理');
    const actions = (await env.platform.db.selectFrom('audit_log').select('action').where('target_type', '=', 'document_template').execute()).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['document_template.replace', 'document_template.reset']));
  });

  it("a finding's 整改通知书 and a notice's 督办单 print with their 文号, on the record's evidence, audited; a circular prints as 通报, not 督办单", async () => {
    const today = chinaToday();
    const town = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: county as any, name: '文书县城关镇' });
    const inspection = await makeInspection(office, { date: fromDayNumber(toDayNumber(today) - 5), targetUnitIds: [town.unit.id] });
    const due = fromDayNumber(toDayNumber(today) + 30);
    const finding = await makeFinding(office, { inspectionId: inspection.id, unitId: town.unit.id, dueDate: due, description: '行政执法公示不及时', severity: 'major' });
    expect(finding.noticeNumber).toMatch(/^文书县法治督改〔\d{4}〕\d+号$/);
    const rectification = await ok(await office.post(`/api/v1/documents/finding/${finding.id}/finding_rectification_notice`), 201);
    expect(rectification.filename).toBe(`整改通知书（${finding.noticeNumber}）.docx`);
    const text = textOf(await download(office, rectification.attachmentId));
    for (const part of ['整改通知书', finding.noticeNumber, '文书县城关镇：', '行政执法公示不及时（严重程度：重大）', `请于${chineseDate(due)}前完成整改`, '文书县全面依法治县委员会办公室']) expect(text).toContain(part);
    expect(text).not.toMatch(/\{[^}]*\}/);

    const notice = await ok(await office.post('/api/v1/notices', { kind: 'supervision', title: '关于执法公示问题的督办单', content: '请于5个工作日内完成整改。', issuedDate: today, findingId: finding.id }), 201);
    expect(notice.caseNumber).toMatch(/^文书县法治督〔\d{4}〕\d+号$/);
    const choices = await ok(await office.get(`/api/v1/documents/notice/${notice.id}`));
    expect(choices.items).toEqual([expect.objectContaining({ key: 'supervision_notice', title: '督办单', available: true })]);
    const made = await ok(await office.post(`/api/v1/documents/notice/${notice.id}/supervision_notice`), 201);
    expect(made.filename).toBe(`督办单（${notice.caseNumber}）.docx`);
    const printed = textOf(await download(town.agents.unit_liaison, made.attachmentId));
    for (const part of ['督办单', notice.caseNumber, '文书县城关镇：', '关于执法公示问题的督办单', '请于5个工作日内完成整改。', chineseDate(today)]) expect(printed).toContain(part);
    expect(printed).not.toMatch(/\{[^}]*\}/);
    const evidence = await ok(await office.get(`/api/v1/attachments?recordType=notice&recordId=${notice.id}`));
    expect(evidence.items.map((a: any) => a.id)).toContain(made.attachmentId);
    const entry = await env.platform.db.selectFrom('audit_log').select(['target_type', 'target_id']).where('action', '=', 'document.generate').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(entry).toEqual({ target_type: 'notice', target_id: notice.id });

    const circular = await ok(await office.post('/api/v1/notices', { kind: 'circular', title: '关于督察情况的通报', content: '通报正文。', issuedDate: today }), 201);
    expect((await ok(await office.get(`/api/v1/documents/notice/${circular.id}`))).items.map((d: any) => d.key)).toEqual(['circular']);
    const refused = await office.post(`/api/v1/documents/notice/${circular.id}/supervision_notice`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toBe('通报不能生成督办单');
    const circularText = textOf(await download(office, (await ok(await office.post(`/api/v1/documents/notice/${circular.id}/circular`), 201)).attachmentId));
    for (const part of ['关于督察情况的通报', circular.caseNumber, '各乡镇人民政府、县直各单位：', '通报正文。']) expect(circularText).toContain(part);
    // Another town neither lists nor prints the 督办单 addressed to this one.
    const other = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: county as any, name: '文书县城北镇' });
    expect((await other.agents.unit_liaison.post(`/api/v1/documents/notice/${notice.id}/supervision_notice`)).statusCode).toBe(404);
  });

  it('every declared document renders its default template for a record of its type', async () => {
    for (const doc of env.platform.documents.values()) {
      const { fillTemplate, defaultTemplate, placeholdersOf } = await import('../src/server/kernel/documents/index.ts');
      const names = placeholdersOf(env.platform, doc).map((p) => p.name);
      const { unknown } = fillTemplate(await defaultTemplate(doc), Object.fromEntries(names.map((n) => [n, n])));
      expect(unknown, doc.key).toEqual([]);
      const flow = env.platform.workflows.get(doc.recordType)!;
      for (const status of doc.statuses) expect(flow.states[status], `${doc.key}: ${status}`).toBeTruthy();
    }
  });
});
