// Hostile input through the real HTTP stack: spreadsheet bombs, huge and deep import files, deeply
// nested JSON, lone surrogates and bidi controls, dates out of range. Each is refused with a Chinese
// message (or cleaned), never a 500, and the server keeps answering meanwhile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { performance } from 'node:perf_hooks';
import { createTestEnv, loggedIn, makeUnit, makeUser, multipart, type Agent, type TestEnv } from './harness.ts';
import { xlsxBomb } from './xlsx-bomb.ts';
import { MAX_IMPORT_ROWS, READ_LIMITS } from '../src/server/kernel/imports/read.ts';
import { MAX_JSON_DEPTH } from '../src/shared/text-hygiene.ts';

let env: TestEnv;
let liaison: Agent;
let admin: Agent;
let unitCode: string;
beforeAll(async () => {
  env = await createTestEnv();
  const unit = await makeUnit(env.platform);
  unitCode = unit.code;
  liaison = await loggedIn(env.app, (await makeUser(env.platform, { unit, roles: ['unit_liaison'] })).username);
  admin = await loggedIn(env.app, (await makeUser(env.platform, { unit, roles: ['sys_admin'] })).username);
});
afterAll(() => env.close());

const CHINESE = /[\u4e00-\u9fff]/;
const DISPUTE_HEADERS = ['外部编号', '受理单位编码', '纠纷类型', '受理日期', '调解途径', '当事人', '纠纷简况', '调解员'];

const disputes = async () => Number((await env.platform.db.selectFrom('disputes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

/**
 * Sends the request while polling /healthz every 10 ms; returns the response and the worst /healthz
 * latency, counted from when each poll was due, so time the event loop spent blocked counts too.
 */
async function whilePolling<T>(request: () => Promise<T>): Promise<{ res: T; worst: number; polls: number }> {
  let worst = 0;
  let polls = 0;
  let stop = false;
  const poller = (async () => {
    while (!stop) {
      const due = performance.now() + 10;
      await new Promise((r) => setTimeout(r, 10));
      const health = await env.app.inject({ method: 'GET', url: '/healthz' });
      expect(health.statusCode).toBe(200);
      worst = Math.max(worst, performance.now() - due);
      polls++;
    }
  })();
  try {
    const res = await request();
    // The poll in flight when the request ends is counted too: a blocked event loop delays it most.
    stop = true;
    await poller;
    return { res, worst, polls };
  } finally {
    stop = true;
    await poller;
  }
}

// Parsing such a file on the main thread blocks it for seconds; a few hundred ms leaves room for a
// loaded CI host (two test files and other work on two cores) without hiding a blocked loop.
const HEALTHZ_BOUND_MS = 500;

function expectImportRefused(res: { statusCode: number; json(): any }, message: RegExp) {
  expect(res.statusCode).toBe(422);
  const body = res.json();
  expect(body.detail).toMatch(CHINESE);
  expect(body.errors.map((e: { message: string }) => e.message).join('\n')).toMatch(message);
}

describe('spreadsheet bombs and oversized import files', () => {
  it('an xlsx of a million tiny rows (77 MB of XML in a 0.15 MB zip) is refused at the row cap while /healthz keeps answering', async () => {
    const file = await xlsxBomb({ headers: DISPUTE_HEADERS, rows: 1_000_000, dataCells: 1, noRefs: true });
    expect(file.length).toBeLessThan(1024 * 1024);
    const before = await disputes();
    const { res, worst, polls } = await whilePolling(() => liaison.request({ method: 'POST', url: '/api/v1/imports/disputes?dryRun=true', ...multipart('纠纷.xlsx', file) }));
    expect(polls).toBeGreaterThanOrEqual(3);
    expect(worst).toBeLessThan(HEALTHZ_BOUND_MS);
    expectImportRefused(res, new RegExp(`超过 ${MAX_IMPORT_ROWS} 个数据行`));
    expect(await disputes()).toBe(before);
  });

  it('an xlsx whose XML inflates past the size cap with few rows is refused at the size cap while /healthz keeps answering', async () => {
    // 9,000 rows of 20,000 characters: 180 MB of XML in a 0.2 MB zip, far under the row cap.
    const file = await xlsxBomb({ headers: DISPUTE_HEADERS, rows: 9000, dataCells: 1, padding: 20_000, noRefs: true });
    expect(9000 * 20_000).toBeGreaterThan(READ_LIMITS.xmlBytes);
    const { res, worst, polls } = await whilePolling(() => liaison.request({ method: 'POST', url: '/api/v1/imports/disputes?dryRun=true', ...multipart('纠纷.xlsx', file) }));
    expect(polls).toBeGreaterThanOrEqual(3);
    expect(worst).toBeLessThan(HEALTHZ_BOUND_MS);
    expectImportRefused(res, new RegExp(`解压后的内容超过 ${READ_LIMITS.xmlBytes / 2 ** 20} MB`));
  });

  it('a CSV and a JSONL file past the row cap are refused without reading on', async () => {
    const header = 'ref,unitCode,type,receivedDate,channel,parties,summary,mediators';
    const line = `R,${unitCode},邻里纠纷,2025-05-06,人民调解,甲某,纠纷,张调解员`;
    const csv = `${header}\n${`${line}\n`.repeat(MAX_IMPORT_ROWS + 1)}`;
    expectImportRefused(await liaison.request({ method: 'POST', url: '/api/v1/imports/disputes?dryRun=true', ...multipart('纠纷.csv', csv) }), new RegExp(`超过 ${MAX_IMPORT_ROWS} 个数据行`));
    const jsonl = '{"ref":"R"}\n'.repeat(MAX_IMPORT_ROWS + 1);
    expectImportRefused(await liaison.request({ method: 'POST', url: '/api/v1/imports/disputes?dryRun=true', ...multipart('纠纷.jsonl', jsonl) }), new RegExp(`超过 ${MAX_IMPORT_ROWS} 个数据行`));
  });

  it('a file that is not a zip, or a truncated one, named .xlsx is refused as not a workbook', async () => {
    const file = await xlsxBomb({ headers: DISPUTE_HEADERS, rows: 10 });
    for (const bad of [Buffer.from('not a zip at all'), file.subarray(0, file.length - 30), file.subarray(0, 200)]) {
      expectImportRefused(await liaison.request({ method: 'POST', url: '/api/v1/imports/disputes?dryRun=true', ...multipart('纠纷.xlsx', bad) }), /不是有效的 xlsx 工作簿/);
    }
  });

  it('an xlsx with a well-formed row imports through the streaming reader', async () => {
    const cells: Record<number, string> = { 0: 'HX-1', 1: unitCode, 2: '邻里纠纷', 3: '2025-05-06', 4: '人民调解', 5: '甲某、乙某', 6: '排水沟纠纷', 7: '张调解员' };
    const file = await xlsxBomb({ headers: DISPUTE_HEADERS, rows: 1, cell: (_, col) => cells[col] });
    const res = await liaison.request({ method: 'POST', url: '/api/v1/imports/disputes?dryRun=true', ...multipart('纠纷.xlsx', file) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 1, created: 1, dryRun: true });
  });
});

/** JSON text of `value` wrapped in `depth` arrays, built without recursion. */
const nested = (depth: number, inner = '"x"') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;

describe('deeply nested JSON', () => {
  it('a login whose password is nested 20,000 arrays deep gets 400 with a Chinese message, not 500', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: `{"username":"nobody","password":${nested(20_000)}}`, headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toContain(`嵌套过深（超过 ${MAX_JSON_DEPTH} 层）`);
  });

  it(`nesting of ${MAX_JSON_DEPTH} levels reaches validation, ${MAX_JSON_DEPTH + 1} is refused`, async () => {
    const send = (depth: number) =>
      admin.request({ method: 'POST', url: '/api/v1/org/units', payload: `{"code":"DEEP","name":${nested(depth - 1)},"kind":"other"}`, headers: { 'content-type': 'application/json' } });
    const atLimit = await send(MAX_JSON_DEPTH);
    expect(atLimit.statusCode).toBe(400);
    expect(atLimit.json().detail).toContain('单位名称（name）');
    const over = await send(MAX_JSON_DEPTH + 1);
    expect(over.statusCode).toBe(400);
    expect(over.json().detail).toContain('嵌套过深');
  });

  it('a JSONL import line nested 20,000 deep is reported on its row, not a 500', async () => {
    const jsonl = `{"ref":"J-1","unitCode":"${unitCode}","type":${nested(20_000)}}\n`;
    const res = await liaison.request({ method: 'POST', url: '/api/v1/imports/disputes?dryRun=true', ...multipart('纠纷.jsonl', jsonl) });
    expectImportRefused(res, /嵌套过深/);
    expect(res.json().errors[0].row).toBe(1);
  });
});

describe('text hygiene and date range', () => {
  it('a lone surrogate in a body field is refused naming the field; bidi controls are stripped', async () => {
    const lone = await admin.request({ method: 'POST', url: '/api/v1/org/units', payload: '{"code":"LS1","name":"坏\\ud800字","kind":"other"}', headers: { 'content-type': 'application/json' } });
    expect(lone.statusCode).toBe(400);
    expect(lone.json().detail).toContain('单位名称（name）含有无效的 Unicode 字符');
    const login = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: '{"username":"\\udc00","password":"x"}', headers: { 'content-type': 'application/json' } });
    expect(login.statusCode).toBe(400);
    expect(login.json().detail).toMatch(CHINESE);
    const bidi = await admin.post('/api/v1/org/units', { code: 'BIDI1', name: '司法\u202E局\u2066甲\u2069', kind: 'other' });
    expect(bidi.statusCode, bidi.body).toBe(201);
    expect(bidi.json().name).toBe('司法局甲');
    const stored = await env.platform.db.selectFrom('org_units').select('name').where('code', '=', 'BIDI1').executeTakeFirstOrThrow();
    expect(stored.name).toBe('司法局甲');
  });

  it('import cells: a lone surrogate is refused on its row and column, bidi controls are stripped', async () => {
    const lone = await liaison.request({ method: 'POST', url: '/api/v1/imports/disputes?dryRun=true', ...multipart('纠纷.jsonl', `{"ref":"S-1","unitCode":"${unitCode}","type":"邻\\ud800里","receivedDate":"2025-05-06","channel":"人民调解"}\n`) });
    expect(lone.statusCode).toBe(422);
    expect(lone.json().errors[0]).toMatchObject({ row: 1, column: '纠纷类型（type）' });
    expect(lone.json().errors[0].message).toContain('无效的 Unicode 字符');
    const csv = `code,name,kind\nBIDI-IMP,表格\u202E局,other\n`;
    const ok = await admin.request({ method: 'POST', url: '/api/v1/imports/org_units', ...multipart('单位.csv', csv) });
    expect(ok.statusCode, ok.body).toBe(200);
    const stored = await env.platform.db.selectFrom('org_units').select('name').where('code', '=', 'BIDI-IMP').executeTakeFirstOrThrow();
    expect(stored.name).toBe('表格局');
  });

  it('file names lose bidi controls and are cut between code points', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4d70000000049454e44ae426082', 'hex');
    const spoof = await liaison.request({ method: 'POST', url: '/api/v1/attachments', ...multipart('报告\u202Egnp.png', png) });
    expect(spoof.statusCode, spoof.body).toBe(201);
    expect(spoof.json().filename).toBe('报告gnp.png');
    // 300 emoji: cutting the last 200 UTF-16 units would leave half a surrogate pair at the start.
    const long = await liaison.request({ method: 'POST', url: '/api/v1/attachments', ...multipart(`${'😀'.repeat(300)}x.png`, png) });
    expect(long.statusCode, long.body).toBe(201);
    expect(long.json().filename).toBe(`${'😀'.repeat(195)}x.png`);
    const dl = await liaison.get(`/api/v1/attachments/${long.json().id}/download`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-disposition']).toContain(encodeURIComponent(`${'😀'.repeat(195)}x.png`));
  });

  it('dates outside 1949-10-01…2100-12-31 are refused naming the field, in bodies, queries and import cells', async () => {
    for (const date of ['1949-09-30', '2101-01-01', '0001-01-01', '9999-12-31']) {
      const res = await env.app.inject({ method: 'GET', url: `/api/v1/calendar/day?date=${date}` });
      expect(res.statusCode).toBe(400);
      expect(res.json().detail).toContain('日期（date）');
      expect(res.json().detail).toContain('超出允许的范围（1949-10-01 至 2100-12-31）');
    }
    for (const date of ['1949-10-01', '2100-12-31']) expect((await env.app.inject({ method: 'GET', url: `/api/v1/calendar/day?date=${date}` })).statusCode).toBe(200);
    const csv = `ref,unitCode,type,receivedDate,channel,parties,summary,mediators\nD-1,${unitCode},邻里纠纷,1900-01-01,人民调解,甲某,纠纷,张调解员\n`;
    const res = await liaison.request({ method: 'POST', url: '/api/v1/imports/disputes?dryRun=true', ...multipart('纠纷.csv', csv) });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ row: 2, column: '受理日期（receivedDate）' });
    expect(res.json().errors[0].message).toContain('超出允许的范围');
  });
});
