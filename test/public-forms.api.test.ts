// Submitting and tracking without an account (kernel/public) over HTTP, with the two channels the
// modules register: a reconsideration application and a disclosure request land in the chosen
// unit's intake through the modules' own commands, clocks started on the day of receipt; the
// applicant tracks them with a code and a secret (a wrong secret answers like an unknown code),
// answers a supplement request (the module's clock rule) and downloads only what staff released.
// Abuse: proof of work, consent, per-address limits, file checks; every refusal names the field in
// Chinese and saves nothing.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { advance, createTestEnv, makeStaffedUnit, makeUnit, multipart, type Agent, type TestEnv } from './harness.ts';
import { chinaToday } from '../src/server/kernel/calendar/days.ts';
import { issueChallenge, powDigest, zeroBits } from '../src/server/kernel/public/pow.ts';
import { LIMITS } from '../src/server/kernel/public/limits.ts';
import { REVIEW_CASE } from '../src/shared/schemas/reconsideration.ts';
import { DISCLOSURE_REQUEST } from '../src/shared/schemas/disclosure.ts';

const ID = '11010519491231002X';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const REVIEW = '/api/v1/public/forms/review-application';
const FOI = '/api/v1/public/forms/disclosure-request';

let env: TestEnv;
let county: { id: string; name: string };
let office: Agent;
let ipSeq = 0;
/** Each test speaks from its own address, so that the per-address limits of one never touch another. */
const newIp = () => `10.${(process.pid % 200) + 1}.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;

beforeAll(async () => {
  env = await createTestEnv();
  const staffed = await makeStaffedUnit(env, ['law_office'], { kind: 'county', name: '公开测试县人民政府' });
  county = staffed.unit;
  office = staffed.agents.law_office;
});
afterAll(() => env.close());

/** A multipart body: the JSON as `data`, the files as `files`. */
function multipartBody(data: unknown, files: { name: string; content: Buffer }[] = []) {
  const boundary = `----public${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n${JSON.stringify(data)}\r\n`)];
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), f.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const publicRequest = (ip: string, method: 'GET' | 'POST', url: string, body?: unknown) =>
  env.app.inject({ method, url, remoteAddress: ip, ...(body === undefined ? {} : body && typeof body === 'object' && 'payload' in body ? (body as object) : { payload: body as object }) });

/** A solved proof-of-work challenge, as the portal computes it. */
async function solved(ip: string) {
  const { challenge, bits } = (await publicRequest(ip, 'GET', '/api/v1/public/challenge')).json();
  for (let n = 0; ; n++) if (zeroBits(powDigest(challenge, String(n))) >= bits) return { challenge, nonce: String(n) };
}

const reviewFields = (extra: Record<string, unknown> = {}) => ({
  unitId: county.id,
  applicantKind: 'person',
  applicantName: '张三',
  applicantIdNumber: ID,
  applicantPhone: '13800138000',
  respondent: '公开测试县市场监督管理局',
  act: '行政处罚决定书（测市监罚〔2026〕1号）',
  reviewRequest: '请求撤销该行政处罚决定',
  factsAndReasons: '处罚认定事实不清，证据不足。',
  consent: true,
  ...extra,
});

async function submitReview(ip: string, extra: Record<string, unknown> = {}, files: { name: string; content: Buffer }[] = []) {
  return publicRequest(ip, 'POST', `${REVIEW}/submissions`, multipartBody({ ...reviewFields(extra), pow: await solved(ip) }, files));
}

async function submitFoi(ip: string, unitId: string, extra: Record<string, unknown> = {}) {
  const data = { unitId, applicantType: 'person', applicantName: '李四', applicantIdNumber: ID, applicantPhone: '13900139000', content: '本镇2025年低保对象认定标准', delivery: 'online', consent: true, pow: await solved(ip), ...extra };
  return publicRequest(ip, 'POST', `${FOI}/submissions`, { payload: data });
}

/** A reply letter uploaded as the record's evidence, as staff do on its page. */
async function attachPdf(agent: Agent, recordType: string, recordId: string, name: string): Promise<{ id: string }> {
  const res = await agent.request({ method: 'POST', url: '/api/v1/attachments', ...multipart(name, PDF, { recordType, recordId }) });
  if (res.statusCode !== 201) throw new Error(`upload ${name}: ${res.statusCode} ${res.body}`);
  return res.json();
}

const track = (ip: string, code: string, secret: string) => publicRequest(ip, 'POST', '/api/v1/public/track', { payload: { code, secret } });

/** Rows that a refused submission must not leave behind. */
async function stored(): Promise<number[]> {
  const out: number[] = [];
  for (const t of ['review_cases', 'foi_requests', 'public_submissions', 'public_files', 'public_supplements', 'clocks']) out.push(Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(env.platform.db)).rows[0]!.n));
  return out;
}

describe('the form', () => {
  it('derives its fields from the record definition, offers only the units that take it, and computes today’s statutory periods', async () => {
    const form = (await publicRequest(newIp(), 'GET', REVIEW)).json();
    expect(form.title).toBe('行政复议申请');
    expect(form.unit).toMatchObject({ name: 'unitId', label: REVIEW_CASE.fields.unitId.label });
    expect(form.unit.choices.map((u: { id: string }) => u.id)).toContain(county.id);
    const department = await makeUnit(env.platform, { parent: county as never, name: '不受理复议的部门' });
    expect((await publicRequest(newIp(), 'GET', REVIEW)).json().unit.choices.map((u: { id: string }) => u.id)).not.toContain(department.id);
    const byName = Object.fromEntries(form.fields.map((f: { name: string }) => [f.name, f]));
    expect(Object.keys(byName)).toEqual(['applicantKind', 'applicantName', 'applicantIdNumber', 'applicantPhone', 'respondent', 'act', 'reviewRequest', 'factsAndReasons']);
    expect(byName.applicantName).toMatchObject({ label: '申请人', required: true, max: 100, kind: 'text' });
    expect(byName.reviewRequest).toMatchObject({ label: REVIEW_CASE.fields.reviewRequest.label, required: true, max: 1000, kind: 'longText' }); // optional at the window, required online
    expect(byName.applicantKind.options).toEqual([['person', '自然人'], ['organisation', '法人或其他组织']]);
    expect(form.consent).toContain('个人信息保护法');
    const accept = (await env.app.inject({ method: 'GET', url: `/api/v1/calendar/deadline?rule=review.accept&from=${chinaToday()}` })).json();
    const decide = (await env.app.inject({ method: 'GET', url: `/api/v1/calendar/deadline?rule=review.decide&from=${accept.due}` })).json();
    expect(form.periods.map((p: { due: string }) => p.due)).toEqual([accept.due, decide.due]);
    const foi = (await publicRequest(newIp(), 'GET', FOI)).json();
    expect(foi.fields.find((f: { name: string }) => f.name === 'delivery')).toMatchObject({ label: DISCLOSURE_REQUEST.fields.delivery.label, required: true });
    expect(foi.periods[0].due).toBe((await env.app.inject({ method: 'GET', url: `/api/v1/calendar/deadline?rule=foi.reply&from=${chinaToday()}` })).json().due);
    expect((await publicRequest(newIp(), 'GET', '/api/v1/public/forms/no-such-form')).statusCode).toBe(404);
  });
});

describe('a reconsideration application, end to end', () => {
  it('lands in the chosen unit’s intake as a window registration would, with the applicant’s data sealed', async () => {
    const ip = newIp();
    const res = await submitReview(ip, {}, [{ name: '处罚决定书.pdf', content: PDF }, { name: '身份证.png', content: PNG }]);
    expect(res.statusCode, res.body).toBe(201);
    const submitted = res.json();
    expect(submitted.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(submitted.secret).toMatch(/^([0-9A-Z]{4}-){3}[0-9A-Z]{4}$/);
    expect(submitted.qrSvg).toContain('<svg');
    expect(submitted.trackPath).toBe(`/public/track#code=${submitted.code}&secret=${submitted.secret}`);
    expect(submitted).toMatchObject({ receivedDate: chinaToday(), unitName: county.name });

    const row = await env.platform.db.selectFrom('public_submissions').selectAll().where('code', '=', submitted.code.replaceAll('-', '')).executeTakeFirstOrThrow();
    expect(row.secret_hash).not.toContain(submitted.secret.replaceAll('-', ''));
    expect(row.unit_id).toBe(county.id);
    const c = (await office.get(`/api/v1/review-cases/${row.record_id}`)).json();
    expect(c).toMatchObject({ unitId: county.id, channel: 'online', receivedDate: chinaToday(), status: 'received', applicantIdNumber: '110***********002X', applicantPhone: '138****8000', reviewRequest: '请求撤销该行政处罚决定' });
    expect(c.clocks.find((x: { key: string }) => x.key === 'accept')).toMatchObject({ ruleCode: 'review.accept', start: chinaToday(), status: 'running' });
    const sealed = await env.platform.db.selectFrom('review_cases').select(['applicant_id_enc', 'applicant_phone_enc']).where('id', '=', row.record_id).executeTakeFirstOrThrow();
    expect(JSON.stringify(sealed)).not.toMatch(/11010519491231002X|13800138000/);
    expect(await env.platform.db.selectFrom('public_files').select('filename').where('submission_id', '=', row.id).orderBy('filename').execute()).toEqual([{ filename: '处罚决定书.pdf' }, { filename: '身份证.png' }]);
    const audit = await env.platform.db.selectFrom('audit_log').selectAll().where('action', '=', 'public.submit').where('target_id', '=', row.record_id).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ ip, actor_name: `public:${row.code}` });
    expect(JSON.parse(audit.detail!).consent).toContain('个人信息保护法'); // what the applicant agreed to, on the record

    // 我的待办 of the law office, with the acceptance review's clock.
    const todo = (await office.get('/api/v1/todo')).json().items.find((i: { id: string }) => i.id === row.record_id);
    expect(todo).toMatchObject({ recordType: 'review_case', statusLabel: '收到申请', clock: { label: '受理审查期限', due: c.clocks[0].due } });

    // The staff card: the code and the applicant's files, downloadable and audited.
    const card = (await office.get(`/api/v1/public-submissions?recordType=review_case&recordId=${row.record_id}`)).json().submission;
    expect(card).toMatchObject({ code: submitted.code, form: '行政复议申请', canRelease: true });
    const pdf = card.files.find((f: { filename: string }) => f.filename === '处罚决定书.pdf');
    const download = await office.get(`/api/v1/public-submissions/files/${pdf.id}/download`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
  });

  it('is tracked with code and secret, answers a supplement request (the acceptance review restarts) and downloads only what staff released', async () => {
    const ip = newIp();
    const { code, secret } = (await submitReview(ip)).json();
    const recordId = (await env.platform.db.selectFrom('public_submissions').select('record_id').where('code', '=', code.replaceAll('-', '')).executeTakeFirstOrThrow()).record_id;

    const first = await track(ip, code.toLowerCase().replaceAll('-', ' '), secret); // typed loosely, as a person would
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ code, title: '行政复议申请', unitName: county.name, status: '收到申请', final: false, dates: [{ label: '收到申请', date: chinaToday() }], supplement: null, answers: [], replies: [] });
    expect(first.json().clocks).toEqual([expect.objectContaining({ label: '受理审查期限', state: 'running' })]);
    // Nothing else about the case: not the applicant's data, the respondent, the staff or the timeline.
    expect(first.body).not.toMatch(/张三|002X|8000|市场监督管理局|处罚决定/);

    await advance(office, 'review_case', recordId, 'request_supplement', { version: 1, note: '请补充行政处罚决定书的复印件' });
    const asked = (await track(ip, code, secret)).json();
    expect(asked).toMatchObject({ status: '补正中', supplement: { requestedOn: chinaToday(), note: '请补充行政处罚决定书的复印件', open: true } });
    expect(asked.clocks.map((c: { label: string; state: string }) => [c.label, c.state])).toEqual([['受理审查期限', 'paused'], ['补正期限', 'running']]);

    const answer = await publicRequest(ip, 'POST', '/api/v1/public/track/supplement', multipartBody({ code, secret, text: '已补充处罚决定书复印件。' }, [{ name: '决定书.pdf', content: PDF }]));
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({ status: '收到申请', supplement: { open: false }, answers: [{ answeredOn: chinaToday(), text: '已补充处罚决定书复印件。', files: ['决定书.pdf'] }] });
    const clocks = (await office.get(`/api/v1/review-cases/${recordId}`)).json().clocks;
    expect(clocks.find((c: { key: string }) => c.key === 'accept')).toMatchObject({ status: 'running', start: chinaToday() });
    expect(clocks.find((c: { key: string }) => c.key === 'supplement')).toMatchObject({ status: 'stopped' });
    const again = await publicRequest(ip, 'POST', '/api/v1/public/track/supplement', { payload: { code, secret, text: '再补充' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('当前不需要补正');

    // A document on the record is not the applicant's until staff release it.
    const letter = await attachPdf(office, 'review_case', recordId, '受理通知书.pdf');
    const card = (await office.get(`/api/v1/public-submissions?recordType=review_case&recordId=${recordId}`)).json().submission;
    expect(card.documents).toEqual([expect.objectContaining({ attachmentId: letter.id, releasedAt: null })]);
    expect((await track(ip, code, secret)).json().replies).toEqual([]);
    expect((await publicRequest(ip, 'POST', `/api/v1/public/track/replies/${letter.id}`, { payload: { code, secret } })).statusCode).toBe(404);
    const released = await office.post(`/api/v1/public-submissions/${card.id}/releases`, { attachmentId: letter.id });
    expect(released.statusCode, released.body).toBe(204);
    expect((await office.post(`/api/v1/public-submissions/${card.id}/releases`, { attachmentId: letter.id })).statusCode).toBe(409);
    const [reply] = (await track(ip, code, secret)).json().replies;
    expect(reply).toMatchObject({ filename: '受理通知书.pdf', releasedOn: chinaToday() });
    const file = await publicRequest(ip, 'POST', `/api/v1/public/track/replies/${reply.id}`, { payload: { code, secret } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain('attachment');
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect(await env.platform.db.selectFrom('audit_log').select('action').where('target_id', '=', recordId).where('action', 'like', 'public.%').orderBy('seq').execute()).toEqual(
      ['public.submit', 'public.supplement', 'public.release', 'public.download'].map((action) => ({ action })),
    );
  });

  it('a wrong secret answers exactly like an unknown code, and one applicant’s credentials open nothing of another’s', async () => {
    const ip = newIp();
    const mine = (await submitReview(ip)).json();
    const theirs = (await submitReview(newIp())).json();
    const wrongSecret = await track(ip, mine.code, theirs.secret);
    const unknownCode = await track(ip, 'ZZZZ-ZZZZ-ZZZZ', mine.secret);
    const malformed = await track(ip, '123', '456');
    for (const res of [wrongSecret, unknownCode, malformed]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).toBe(wrongSecret.body);
    }
    expect(wrongSecret.json().detail).toBe('查询码或查询密码不正确，请核对后重新输入');
    // Their released document is out of reach with my credentials.
    const theirRecord = (await env.platform.db.selectFrom('public_submissions').select(['id', 'record_id']).where('code', '=', theirs.code.replaceAll('-', '')).executeTakeFirstOrThrow());
    const doc = await attachPdf(office, 'review_case', theirRecord.record_id, '决定书.pdf');
    await office.post(`/api/v1/public-submissions/${theirRecord.id}/releases`, { attachmentId: doc.id });
    const release = await env.platform.db.selectFrom('public_releases').select('id').where('submission_id', '=', theirRecord.id).executeTakeFirstOrThrow();
    expect((await publicRequest(ip, 'POST', `/api/v1/public/track/replies/${release.id}`, { payload: { code: mine.code, secret: mine.secret } })).statusCode).toBe(404);
  });
});

describe('a disclosure request, end to end', () => {
  it('lands in the organ chosen and in no other unit’s scope; a supplement restarts the 20 working days', async () => {
    const town = await makeStaffedUnit(env, ['unit_liaison'], { parent: county as never, kind: 'town', name: '公开测试镇' });
    const other = await makeStaffedUnit(env, ['unit_liaison'], { parent: county as never, kind: 'town', name: '另一个镇' });
    // A reply must be able to reach the applicant the way they chose.
    for (const [extra, message] of [[{ delivery: 'email', contactAddress: 'not-an-email' }, '有效的电子邮箱'], [{ delivery: 'mail' }, '通信地址']] as const) {
      const refused = await submitFoi(newIp(), town.unit.id, extra);
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json().errors[0]).toMatchObject({ field: 'contactAddress', message: expect.stringContaining(message) });
    }
    const ip = newIp();
    const res = await submitFoi(ip, town.unit.id, { delivery: 'email', contactAddress: 'lisi@example.cn' });
    expect(res.statusCode, res.body).toBe(201);
    const { code, secret } = res.json();
    const recordId = (await env.platform.db.selectFrom('public_submissions').select('record_id').where('code', '=', code.replaceAll('-', '')).executeTakeFirstOrThrow()).record_id;
    const liaison = town.agents.unit_liaison;
    const r = (await liaison.get(`/api/v1/foi-requests/${recordId}`)).json();
    expect(r).toMatchObject({ unitId: town.unit.id, channel: 'online', applicantType: 'person', delivery: 'email', contactAddress: 'lisi@example.cn', receivedDate: chinaToday(), status: 'received' });
    expect((await liaison.get('/api/v1/todo')).json().items.find((i: { id: string }) => i.id === recordId)).toMatchObject({ clock: { label: '答复期限', due: r.due } });
    // Another unit's liaison: not in the list, not readable, no card.
    const outsider = other.agents.unit_liaison;
    expect((await outsider.get('/api/v1/todo')).json().items.map((i: { id: string }) => i.id)).not.toContain(recordId);
    expect((await outsider.get(`/api/v1/foi-requests/${recordId}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/v1/public-submissions?recordType=foi_request&recordId=${recordId}`)).statusCode).toBe(404);

    await advance(liaison, 'foi_request', recordId, 'request_supplement', { version: 1, note: '请写明所需信息的文号' });
    expect((await track(ip, code, secret)).json().clocks).toEqual([expect.objectContaining({ label: '答复期限', state: 'paused' })]);
    const answered = await publicRequest(ip, 'POST', '/api/v1/public/track/supplement', { payload: { code, secret, text: '文号为城政发〔2025〕3号' } });
    expect(answered.statusCode, answered.body).toBe(200);
    expect((await liaison.get(`/api/v1/foi-requests/${recordId}`)).json().clocks[0]).toMatchObject({ status: 'running', start: chinaToday(), due: r.due });
    const restarts = await env.platform.db.selectFrom('clocks').select('restarts').where('record_id', '=', recordId).executeTakeFirstOrThrow();
    expect(JSON.parse(restarts.restarts)).toEqual([expect.objectContaining({ start: chinaToday(), reason: '收到补正后的申请，答复期限重新计算' })]);
    const card = (await liaison.get(`/api/v1/public-submissions?recordType=foi_request&recordId=${recordId}`)).json().submission;
    const letter = await attachPdf(liaison, 'foi_request', recordId, '答复书.pdf');
    expect((await outsider.post(`/api/v1/public-submissions/${card.id}/releases`, { attachmentId: letter.id })).statusCode).toBe(404);
    expect((await liaison.post(`/api/v1/public-submissions/${card.id}/releases`, { attachmentId: letter.id })).statusCode).toBe(204);
    await advance(liaison, 'foi_request', recordId, 'reply', { version: 3, values: { replyType: 'disclosed' } });
    expect((await track(ip, code, secret)).json()).toMatchObject({ status: '已答复', final: true, dates: [{ label: '收到申请' }, { label: '答复', date: chinaToday() }], replies: [{ filename: '答复书.pdf' }] });
  });
});

describe('refusals', () => {
  it('name the field in Chinese and save nothing', async () => {
    const before = await stored();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ applicantName: '' }, /申请人.*请填写申请人/],
      [{ applicantName: '张'.repeat(101) }, /申请人（applicantName）不能超过 100 字/],
      [{ applicantIdNumber: '110105194912310021' }, /身份证号码（applicantIdNumber）无效/],
      [{ applicantPhone: '123' }, /手机号码（applicantPhone）.*无效/],
      [{ reviewRequest: undefined }, /复议请求/],
      [{ consent: undefined }, /个人信息处理同意（consent）.*请阅读并勾选同意个人信息处理规则/],
      [{ consent: false }, /请阅读并勾选同意个人信息处理规则/],
      [{ applicantKind: 'alien' }, /申请人类型（applicantKind）.*无效，可选：person（自然人）/],
    ];
    for (const [extra, message] of cases) {
      const res = await submitReview(newIp(), extra);
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json().detail).toMatch(message);
    }
    const department = await makeUnit(env.platform, { parent: county as never });
    const wrongUnit = await submitReview(newIp(), { unitId: department.id });
    expect(wrongUnit.json().detail).toBe('复议机关（unitId）不在可选范围内，请重新选择');
    const disguised = await submitReview(newIp(), {}, [{ name: '决定书.pdf', content: Buffer.from('MZ\x90\x00 an executable') }]);
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().detail).toMatch(/^申请材料（files）中的「决定书\.pdf」内容与扩展名 \.pdf 不符/);
    const archive = await submitReview(newIp(), {}, [{ name: '材料.zip', content: PDF }]);
    expect(archive.json().detail).toMatch(/申请材料（files）中的「材料\.zip」类型不允许/);
    const tooMany = await submitReview(newIp(), {}, Array.from({ length: 6 }, (_, i) => ({ name: `${i}.pdf`, content: PDF })));
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json().detail).toBe('申请材料（files）最多 5 个文件');
    expect(await stored()).toEqual(before);
    // Twelve proofs of work (~65,000 hashes each) by design: CPU-bound, so slower on a busy host.
  }, 90_000);

  it('a missing, wrong, replayed or expired proof of work is refused and saves nothing', async () => {
    const before = await stored();
    const ip = newIp();
    const send = (pow: unknown) => publicRequest(ip, 'POST', `${REVIEW}/submissions`, { payload: { ...reviewFields(), pow } });
    const missing = await send(undefined);
    expect(missing.json().detail).toMatch(/安全校验（pow）/);
    const { challenge } = (await publicRequest(ip, 'GET', '/api/v1/public/challenge')).json();
    let wrong = 0;
    while (zeroBits(powDigest(challenge, String(wrong))) >= 16) wrong++;
    expect((await send({ challenge, nonce: String(wrong) })).json().detail).toBe('安全校验（pow）未通过，请重新提交');
    expect((await send({ challenge: challenge.replace(/\.\w+$/, '.00'), nonce: '1' })).json().detail).toBe('安全校验（pow）无效，请重新提交');
    const old = issueChallenge(env.platform, Date.now() - 31 * 60_000);
    let n = 0;
    while (zeroBits(powDigest(old.challenge, String(n))) < old.bits) n++;
    expect((await send({ challenge: old.challenge, nonce: String(n) })).json().detail).toBe('安全校验（pow）已过期，请重新提交');
    expect(await stored()).toEqual(before);
    const solution = await solved(ip);
    expect((await send(solution)).statusCode).toBe(201);
    const replay = await send(solution);
    expect(replay.statusCode).toBe(400);
    expect(replay.json().detail).toBe('安全校验（pow）已使用过，请重新提交');
  });

  it('a flood from one address is refused, with a Chinese message, without harming anyone else', async () => {
    const flooder = newIp();
    for (let i = 0; i < LIMITS.perForm.max; i++) expect((await submitReview(flooder)).statusCode).toBe(201);
    const before = await stored();
    const refused = await submitReview(flooder);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().detail).toMatch(/^提交行政复议申请过于频繁：同一网络地址每 60 分钟最多 5 次，请于 \d+ 分钟后再试$/);
    expect(await stored()).toEqual(before);
    // Another citizen, and the same citizen on the other form (within the address's overall limit).
    expect((await submitReview(newIp())).statusCode).toBe(201);
    expect((await submitFoi(flooder, county.id)).statusCode).toBe(201);
  });

  it('guessing secrets from one address is stopped there, and only there', async () => {
    const owner = newIp();
    const { code, secret } = (await submitReview(owner)).json();
    const guesser = newIp();
    for (let i = 0; i < LIMITS.trackFailures.max; i++) expect((await track(guesser, code, 'AAAA-AAAA-AAAA-AAAA')).statusCode).toBe(404);
    const stopped = await track(guesser, code, secret);
    expect(stopped.statusCode).toBe(429);
    expect(stopped.json().detail).toMatch(/^查询过于频繁/);
    expect((await track(owner, code, secret)).statusCode).toBe(200);
  });
});
