// Bad input anywhere gets a 4xx with a Chinese message naming the field; never a 500; nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestEnv, loggedIn, makeUnit, makeUser, multipart, count, type Agent, type TestEnv } from './harness.ts';

let env: TestEnv;
let admin: Agent;
let unitId: string;
beforeAll(async () => {
  env = await createTestEnv();
  const unit = await makeUnit(env.platform, { code: 'BI' });
  unitId = unit.id;
  admin = await loggedIn(env.app, (await makeUser(env.platform, { unit, roles: ['sys_admin'] })).username);
});
afterAll(() => env.close());

const CHINESE = /[\u4e00-\u9fff]/;

async function totals() {
  return [await count(env.platform, 'org_units'), await count(env.platform, 'users'), await count(env.platform, 'attachments')];
}

function expectCleanRefusal(res: { statusCode: number; headers: Record<string, unknown>; json(): any }) {
  expect(res.statusCode).toBeGreaterThanOrEqual(400);
  expect(res.statusCode).toBeLessThan(500);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  expect(res.json().detail).toMatch(CHINESE);
}

const junk = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.string({ maxLength: 300 }),
  fc.constantFrom("'; drop table users; --", '<script>alert(1)</script>', '../../etc/passwd', '\u0000', 'x'.repeat(5000), -1, 1e309, null, true),
);

const fieldsOf = (keys: string[]) => fc.record(Object.fromEntries(keys.map((k) => [k, junk])), { requiredKeys: [] });

describe('property: random bodies never cause a 500 or a partial write', () => {
  const cases: [string, string, string[]][] = [
    ['POST', '/api/v1/auth/login', ['username', 'password']],
    ['POST', '/api/v1/org/units', ['code', 'name', 'kind', 'parentId', 'creditCode', 'category', 'sortOrder']],
    ['POST', '/api/v1/users', ['username', 'name', 'unitId', 'roles', 'phone', 'idNumber']],
    ['POST', '/api/v1/auth/password', ['currentPassword', 'newPassword']],
  ];
  for (const [method, url, keys] of cases) {
    it(`${method} ${url}`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fieldsOf(keys), fc.anything({ maxDepth: 2 })), async (body) => {
          const before = await totals();
          const res = await admin.request({ method: method as 'POST', url, payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
          expect(res.statusCode).toBeLessThan(500);
          if (res.statusCode >= 400) {
            expectCleanRefusal(res);
            expect(await totals()).toEqual(before);
          }
        }),
        { numRuns: 60 },
      );
    });
  }

  it('random import files are refused row by row, never half-imported', async () => {
    const line = fc.array(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('BI', 'county', '部门', '', '"', ',')), { maxLength: 7 }).map((cells) => cells.join(','));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 8 }), fc.constantFrom('org_units', 'users'), async (lines, type) => {
        const before = await totals();
        const header = type === 'org_units' ? 'code,name,kind,parentCode' : 'username,name,unitCode,roles';
        const res = await admin.request({ method: 'POST', url: `/api/v1/imports/${type}`, ...multipart('f.csv', [header, ...lines].join('\n')) });
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode >= 400) {
          expectCleanRefusal(res);
          expect(await totals()).toEqual(before);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('specific bad inputs', () => {
  it('malformed JSON, wrong content type, empty body', async () => {
    const malformed = await admin.request({ method: 'POST', url: '/api/v1/org/units', payload: '{"code": "A",', headers: { 'content-type': 'application/json' } });
    expectCleanRefusal(malformed);
    expect(malformed.json().detail).toContain('JSON');
    expectCleanRefusal(await admin.request({ method: 'POST', url: '/api/v1/org/units', payload: 'code=A', headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
    expectCleanRefusal(await admin.request({ method: 'POST', url: '/api/v1/org/units', payload: '', headers: { 'content-type': 'application/json' } }));
  });

  it('a 10 MB body to a small endpoint gets 413', async () => {
    const big = JSON.stringify({ code: 'BIG', name: 'x'.repeat(10 * 1024 * 1024), kind: 'other' });
    const res = await admin.request({ method: 'POST', url: '/api/v1/org/units', payload: big, headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(413);
    expectCleanRefusal(res);
  });

  it('unknown fields, wrong types and over-long strings name the field', async () => {
    const unknown = await admin.post('/api/v1/org/units', { code: 'U1', name: '甲', kind: 'other', colour: 'red' });
    expectCleanRefusal(unknown);
    expect(unknown.json().detail).toContain('colour');
    const wrongType = await admin.post('/api/v1/org/units', { code: 'U1', name: 42, kind: 'other' });
    expect(wrongType.json().detail).toContain('单位名称（name）');
    const long = await admin.post('/api/v1/org/units', { code: 'U1', name: '长'.repeat(101), kind: 'other' });
    expect(long.json().detail).toContain('单位名称（name）不能超过 100 个字符');
    expect(long.json().errors[0].field).toBe('name');
  });

  it('injection strings are stored as text, not run', async () => {
    const evil = "测试'); DROP TABLE users; --";
    const res = await admin.post('/api/v1/org/units', { code: 'INJ1', name: evil, kind: 'other', parentId: unitId });
    expect(res.statusCode).toBe(201);
    expect((await admin.get(`/api/v1/org/units/${res.json().id}`)).json().name).toBe(evil);
    expect(await count(env.platform, 'users')).toBeGreaterThan(0);
    const search = await admin.get(`/api/v1/users?q=${encodeURIComponent("%' OR 1=1 --")}`);
    expect(search.json().total).toBe(0);
  });

  it('disguised and oversized uploads are refused and nothing is stored', async () => {
    const unit = await makeUnit(env.platform);
    const liaison = await loggedIn(env.app, (await makeUser(env.platform, { unit, roles: ['unit_liaison'] })).username);
    const before = await totals();
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
    const disguised = await liaison.request({ method: 'POST', url: '/api/v1/attachments', ...multipart('报告.pdf', exe) });
    expect(disguised.statusCode).toBe(415);
    expectCleanRefusal(disguised);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4d70000000049454e44ae426082', 'hex');
    expect((await liaison.request({ method: 'POST', url: '/api/v1/attachments', ...multipart('photo.pdf', png) })).statusCode).toBe(415);
    expect((await liaison.request({ method: 'POST', url: '/api/v1/attachments', ...multipart('run.exe', exe) })).statusCode).toBe(415);
    expect(await totals()).toEqual(before);
    const ok = await liaison.request({ method: 'POST', url: '/api/v1/attachments', ...multipart('photo.png', png) });
    expect(ok.statusCode).toBe(201);
    const dl = await liaison.get(`/api/v1/attachments/${ok.json().id}/download`);
    expect(dl.headers['content-disposition']).toContain('attachment');
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.rawPayload.equals(png)).toBe(true);
  });
});
