// Adding a plain field to a record type takes a migration and one line in its definition: the test
// record type of test/fixtures/notebook.ts gains 案由 (`cause`) that way, and the field is then
// accepted and checked by the create input, stored by the command, listed, sorted, filtered and
// searched in the ledger, shown in the detail view, exported, carried by the import template and
// imported — and documented in the OpenAPI document. (The web side: test/record-pages.unit.test.tsx.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestEnv, loggedIn, makeUnit, makeUser, multipart, type Agent, type TestEnv } from './harness.ts';
import { MODULES } from '../src/server/modules/index.ts';
import { NOTE_WITH_CAUSE, notebookModule, withCauseMigrations } from './fixtures/notebook.ts';

let env: TestEnv;
let clerk: Agent;
let unit: { id: string; code: string };
beforeAll(async () => {
  env = await createTestEnv({}, [...MODULES, notebookModule(NOTE_WITH_CAUSE, withCauseMigrations)]);
  unit = await makeUnit(env.platform);
  const user = await makeUser(env.platform, { unit: unit as any, roles: ['unit_liaison'] });
  clerk = await loggedIn(env.app, user.username);
});
afterAll(() => env.close());

const note = (title: string, cause?: string) => ({ unitId: unit.id, title, receivedDate: '2026-03-01', ...(cause === undefined ? {} : { cause }) });
const sheet = async (payload: unknown) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(payload as ArrayBuffer);
  return book.worksheets[0]!;
};
const rowValues = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);

describe('a field added with a migration and one line of its definition', () => {
  it('is accepted, checked and stored by the create command, and shown in the detail view', async () => {
    const created = await clerk.post('/api/v1/test-notes', note('邻里纠纷记录', '相邻关系'));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ title: '邻里纠纷记录', cause: '相邻关系', unitName: expect.any(String) });
    expect((await clerk.get(`/api/v1/test-notes/${created.json().id}`)).json().cause).toBe('相邻关系');

    const tooLong = await clerk.post('/api/v1/test-notes', note('太长', '长'.repeat(51)));
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors).toContainEqual(expect.objectContaining({ field: 'cause', message: '案由（cause）不能超过 50 字' }));
    // Optional, as declared.
    expect((await clerk.post('/api/v1/test-notes', note('无案由'))).json().cause).toBeNull();
  });

  it('sorts, filters and searches the ledger, and its export carries the column', async () => {
    for (const cause of ['劳动争议', '合同纠纷', '相邻关系']) expect((await clerk.post('/api/v1/test-notes', note(`排序${cause}`, cause))).statusCode).toBe(201);
    const sorted = async (order: string) => (await clerk.get(`/api/v1/test-notes?q=排序&sort=cause&order=${order}`)).json().items.map((n: { cause: string }) => n.cause);
    // By code point on both engines: 劳 U+52B3 < 合 U+5408 < 相 U+76F8.
    expect(await sorted('asc')).toEqual(['劳动争议', '合同纠纷', '相邻关系']);
    expect(await sorted('desc')).toEqual(['相邻关系', '合同纠纷', '劳动争议']);
    const filtered = (await clerk.get(`/api/v1/test-notes?cause=${encodeURIComponent('合同纠纷')}`)).json();
    expect(filtered.items.map((n: { title: string }) => n.title)).toEqual(['排序合同纠纷']);
    expect((await clerk.get(`/api/v1/test-notes?q=${encodeURIComponent('劳动')}`)).json().total).toBe(1);
    // An unknown sort key is refused by name, the new one is accepted.
    expect((await clerk.get('/api/v1/test-notes?sort=nothing')).statusCode).toBe(400);

    const exported = await clerk.get(`/api/v1/test-notes/export?cause=${encodeURIComponent('合同纠纷')}`);
    expect(exported.statusCode).toBe(200);
    const ws = await sheet(exported.rawPayload);
    expect(rowValues(ws, 1)).toContain('案由');
    expect(ws.rowCount).toBe(2);
    expect(rowValues(ws, 2)).toContain('合同纠纷');
  });

  it('is a column of the import template, and an import creates and corrects it through the command', async () => {
    const template = await sheet((await clerk.get('/api/v1/imports/test_notes/template')).rawPayload);
    const headers = rowValues(template, 1);
    expect(headers).toContain('案由');
    expect(rowValues(template, 2)[headers.indexOf('案由')]).toBe('相邻关系');

    const file = (cause: string) => multipart('notes.csv', `ref,unitCode,title,receivedDate,cause\nIMP-1,${unit.code},导入的记录,2026-02-01,${cause}\n`);
    const first = await clerk.request({ method: 'POST', url: '/api/v1/imports/test_notes', ...file('买卖合同') });
    expect(first.json(), first.body).toMatchObject({ created: 1, updated: 0 });
    const again = await clerk.request({ method: 'POST', url: '/api/v1/imports/test_notes', ...file('借款合同') });
    expect(again.json(), again.body).toMatchObject({ created: 0, updated: 1 });
    const imported = (await clerk.get(`/api/v1/test-notes?q=${encodeURIComponent('导入的记录')}`)).json().items;
    expect(imported).toEqual([expect.objectContaining({ ref: 'IMP-1', cause: '借款合同', version: 2 })]);

    const refused = await clerk.request({ method: 'POST', url: '/api/v1/imports/test_notes', ...file('长'.repeat(51)) });
    expect(JSON.stringify(refused.json())).toContain('案由');
  });

  it('is documented in the OpenAPI request and response schemas', async () => {
    const doc = (await env.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const op = doc.paths['/api/v1/test-notes/{id}'].get;
    const schema = JSON.stringify(op.responses['200']);
    expect(schema).toContain('"cause"');
    expect(JSON.stringify(doc.paths['/api/v1/test-notes'].post.requestBody)).toContain('"cause"');
    expect(JSON.stringify(doc.paths['/api/v1/test-notes'].get.parameters)).toContain('"cause"');
  });
});
