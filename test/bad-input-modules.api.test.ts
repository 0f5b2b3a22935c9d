// The business modules under random input: a 4xx with a Chinese message, never a 500, nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { createTestEnv, loggedIn, makeUnit, makeUser, multipart, type Agent, type TestEnv } from './harness.ts';

let env: TestEnv;
let office: Agent;
const TABLES = ['matters', 'plans', 'tasks', 'task_progress', 'inspections', 'findings', 'notices', 'clocks', 'deadline_rules', 'calendar_overrides', 'problems', 'timeline_entries', 'review_cases', 'foi_requests', 'litigation_cases', 'litigation_hearings', 'proposals', 'mediation_orgs', 'disputes'] as const;

beforeAll(async () => {
  env = await createTestEnv();
  const unit = await makeUnit(env.platform, { code: 'BM', kind: 'county' });
  office = await loggedIn(env.app, (await makeUser(env.platform, { unit, roles: ['law_office'] })).username);
});
afterAll(() => env.close());

async function totals(): Promise<number[]> {
  const out: number[] = [];
  for (const t of TABLES) out.push(Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(env.platform.db)).rows[0]!.n));
  return out;
}

const junk = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('2026-02-30', '2026-13-01', '9999-99-99', '', 'BM', 'general', 'major', 'onsite', 'calendar_days', '\u0000', 'x'.repeat(6000), -1, 0, 1e309, null, true, []),
);
const fieldsOf = (keys: string[]) => fc.record(Object.fromEntries(keys.map((k) => [k, junk])), { requiredKeys: [] });

function expectCleanRefusal(res: { statusCode: number; json(): any }) {
  expect(res.statusCode).toBeGreaterThanOrEqual(400);
  expect(res.statusCode).toBeLessThan(500);
  expect(res.json().detail).toMatch(/[\u4e00-\u9fff]/);
}

describe('property: random bodies to the business modules', () => {
  const cases: [string, string, string[]][] = [
    ['POST', '/api/v1/matters', ['unitId', 'title', 'content', 'ruleCode', 'assignedDate']],
    ['POST', '/api/v1/plans', ['year', 'title', 'source', 'issuedDate']],
    ['POST', '/api/v1/tasks', ['planId', 'code', 'title', 'content', 'leadUnitId', 'coUnitIds', 'dueDate', 'milestones']],
    ['POST', '/api/v1/inspections', ['title', 'kind', 'date', 'targetUnitIds', 'inspectors', 'checklist', 'summary']],
    ['POST', '/api/v1/findings', ['inspectionId', 'unitId', 'description', 'severity', 'dueDate']],
    ['POST', '/api/v1/notices', ['kind', 'title', 'content', 'issuedDate', 'inspectionId', 'findingId']],
    ['POST', '/api/v1/deadline-rules', ['code', 'name', 'period', 'unit', 'extension', 'citation', 'note', 'minimum', 'warnDays']],
    ['PUT', '/api/v1/calendar/overrides/2027-01-01', ['kind', 'name']],
    ['POST', '/api/v1/calendar/years/2027/announce', ['notice', 'days']],
    ['POST', '/api/v1/workflow/matter/nope/transitions/reply', ['version', 'note', 'date', 'values']],
    ['POST', '/api/v1/review-cases', ['unitId', 'applicantName', 'applicantKind', 'applicantIdNumber', 'applicantPhone', 'respondent', 'respondentUnitId', 'act', 'receivedDate', 'channel']],
    ['POST', '/api/v1/foi-requests', ['unitId', 'applicantName', 'applicantIdNumber', 'applicantPhone', 'content', 'receivedDate', 'channel']],
    ['POST', '/api/v1/litigation-cases', ['unitId', 'court', 'plaintiff', 'cause', 'filedDate', 'complaintReceivedDate']],
    ['POST', '/api/v1/proposals', ['kind', 'number', 'title', 'proposer', 'leadUnitId', 'assignedDate', 'complex', 'filed']],
    ['POST', '/api/v1/disputes', ['unitId', 'orgId', 'type', 'parties', 'summary', 'receivedDate', 'channel', 'linkedDisputeId', 'mediators', 'lawyerInvolved']],
  ];
  for (const [method, url, keys] of cases) {
    it(`${method} ${url}`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fieldsOf(keys), fc.anything({ maxDepth: 2 })), async (body) => {
          const before = await totals();
          const res = await office.request({ method: method as 'POST', url, payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
          expect(res.statusCode, res.body).toBeLessThan(500);
          if (res.statusCode >= 400) {
            expectCleanRefusal(res);
            expect(await totals()).toEqual(before);
          }
        }),
        { numRuns: 40 },
      );
    });
  }

  it('random import files for the module types are refused row by row, never half-imported', async () => {
    const headers: Record<string, string> = {
      plans: 'ref,year,title,source,issuedDate',
      tasks: 'ref,planRef,code,title,content,leadUnitCode,coUnitCodes,dueDate,status,completedDate',
      inspections: 'ref,organiserCode,title,kind,date,targetUnitCodes',
      findings: 'ref,inspectionRef,unitCode,description,severity,dueDate,status,rectifiedDate,verifiedDate',
      review_cases: 'ref,unitCode,applicant,respondent,act,receivedDate,channel,acceptedDate,procedure,closedDate,outcome,extended',
      foi_requests: 'ref,unitCode,applicant,receivedDate,content,replyDate,replyType,extended',
      litigation_cases: 'ref,unitCode,court,plaintiff,cause,filedDate,complaintReceivedDate,judgmentDate,result',
      litigation_hearings: 'ref,caseRef,date,headAppeared,headName',
      proposals: 'ref,kind,number,title,leadUnitCode,assignedDate,filed,replyDate,satisfaction',
      disputes: 'ref,unitCode,orgRef,type,receivedDate,channel,outcome,closedDate,revisitDate,lawyerInvolved',
    };
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('BM', '2026-05-01', '2026-02-30', '2025-01-10', '一般', '重大', '实地', 'completed', '已核查', 'P1', '窗口', '普通程序', '撤销', '予以公开', '胜诉', '是', ''));
    const line = fc.array(cell, { maxLength: 10 }).map((cells) => cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(','));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 6 }), fc.constantFrom(...Object.keys(headers)), async (lines, type) => {
        const before = await totals();
        const res = await office.request({ method: 'POST', url: `/api/v1/imports/${type}`, ...multipart('f.csv', [headers[type], ...lines].join('\n')) });
        expect(res.statusCode, res.body).toBeLessThan(500);
        if (res.statusCode >= 400) {
          expectCleanRefusal(res);
          expect(await totals()).toEqual(before);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('an owner unit that does not exist', () => {
  // A county-wide writer's scope holds every unit, so the scope check alone let these through to a foreign key error (500).
  const year = 2031;
  const cases: [string, Record<string, unknown>][] = [
    ['/api/v1/assessment-schemes', { title: '探测方案', year }],
    ['/api/v1/file-review-campaigns', { title: '案卷评查', startDate: '2026-01-05', passMark: 80 }],
  ];
  for (const [url, body] of cases) {
    it(`POST ${url} is a 400 naming the unit`, async () => {
      const res = await office.post(url, { ...body, unitId: 'NO-SUCH-UNIT' });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors[0].field).toBe('unitId');
      expect(res.json().detail).toContain('不存在');
    });
  }
});
