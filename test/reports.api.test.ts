// 法治政府建设年度报告 over HTTP on the demo county: drafted with the figures of the unit's subtree,
// stale figures marked after a record changes and refreshed on request, narrative sanitised,
// the workflow to publication with its 1 April clock, data scope, the public portal, and a .docx
// in the GB/T 9704 layout opened and checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/server/app.ts';
import { Agent, advance, createDemoEnv, loggedIn, makeAnnualReport, type TestEnv } from './harness.ts';
import { DEMO_PASSWORD } from '../src/server/modules/org/demo.ts';
import { chinaToday } from '../src/server/kernel/calendar/days.ts';
import { computeAll, scopeForUnitCode } from '../src/server/kernel/indicators/registry.ts';

let env: TestEnv;
let office: Agent;
let countyHead: Agent;
let bureauLiaison: Agent;
let county: { id: string };
const year = Number(chinaToday().slice(0, 4));

beforeAll(async () => {
  env = await createDemoEnv();
  office = await loggedIn(env.app, 'fzb_wang', DEMO_PASSWORD);
  countyHead = await loggedIn(env.app, 'xzf_head', DEMO_PASSWORD);
  bureauLiaison = await loggedIn(env.app, 'jyj_liaison', DEMO_PASSWORD);
  county = await env.platform.db.selectFrom('org_units').select('id').where('code', '=', 'SFX').executeTakeFirstOrThrow();
}, 600_000); // the first suite of a run generates the demo template (createDemoEnv)
afterAll(() => env.close());

const figure = (html: string, code: string, part = 'value') => html.match(new RegExp(`<span data-figure="${code.replace('.', '\\.')}" data-part="${part}" data-value="([^"]*)">([^<]*)</span>`));

/**
 * The county's report for a year of the calling test's own (one report per unit and year, so each
 * test names a different year), drafted through the API and taken as far as the test needs:
 * written (narrative around the review figures, issuer, date of issue) or published (approved by
 * the county head, reported to the Party committee, published today).
 */
async function countyReport(y: number, upTo: 'draft' | 'written' | 'published') {
  const drafted = await makeAnnualReport(office, { unitId: county.id, year: y });
  if (upTo === 'draft') return drafted;
  const review = drafted.sections.find((s: any) => s.key === 'measures.review');
  const sections = [{ key: 'measures.review', html: `<p>我县坚持复议为民。</p>${review.html}` }];
  const written = await office.put(`/api/v1/annual-reports/${drafted.id}`, { version: drafted.version, title: drafted.title, issuer: '示范县人民政府', issuedDate: `${y + 1}-03-20`, sections });
  expect(written.statusCode, written.body).toBe(200);
  if (upTo === 'written') return written.json();
  for (const [who, key, extra] of [[countyHead, 'approve', {}], [office, 'report', {}], [office, 'publish', { date: chinaToday() }]] as const) {
    const { version } = (await office.get(`/api/v1/annual-reports/${drafted.id}`)).json();
    await advance(who, 'annual_report', drafted.id, key, { version, ...extra });
  }
  return (await office.get(`/api/v1/annual-reports/${drafted.id}`)).json();
}

describe('an annual report', () => {
  // Each test's own year for the county's report: the current one for drafting, older ones for
  // the rest (year - 3 stays unused: the data-scope test asks for it from outside the county).
  const years = { stale: year - 4, narrative: year - 5, workflow: year - 6, portal: year - 7, docx: year - 8, pdf: year - 9, scope: year - 10, prose: year - 11, send: year - 13 };

  it('is drafted with the figures of the whole county, in plain Chinese, with last year for comparison', async () => {
    const res = await office.post('/api/v1/annual-reports', { unitId: county.id, year });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({ kind: 'county', status: 'draft', title: `示范县人民政府关于${year}年度法治政府建设情况的报告`, due: `${year + 1}-03-31`, staleCount: 0 });
    expect(r.sections.map((s: any) => s.heading)).toEqual(expect.arrayContaining([`一、${year}年推进法治政府建设的主要举措和成效`, '二、存在的不足和原因', '三、党政主要负责人履行推进法治建设第一责任人职责情况', `四、${year + 1}年推进法治政府建设的主要安排`]));
    const truth = new Map((await computeAll(env.platform, await scopeForUnitCode(env.platform, year, 'SFX'))).map((v) => [v.code, v]));
    const review = r.sections.find((s: any) => s.key === 'measures.review').html as string;
    expect(review).toContain(`全年，收到行政复议申请<span data-figure="review.received" data-part="value" data-value="${truth.get('review.received')!.value}">${truth.get('review.received')!.value}件</span>`);
    expect(figure(review, 'review.correction_rate')![2]).toMatch(/^\d+(\.\d)?%$|^—$/);
    expect(r.figures.length).toBeGreaterThan(20);
    expect(r.clocks.find((c: any) => c.key === 'publish')).toMatchObject({ due: `${year + 1}-03-31`, status: 'running' });
    // One report per unit and year.
    expect((await office.post('/api/v1/annual-reports', { unitId: county.id, year })).statusCode).toBe(409);
  });

  it('opens its sections with prose that suits the unit and its figures: a town does not speak of departments and towns, no correction is named without one', async () => {
    const town = await env.platform.db.selectFrom('org_units').select('id').where('code', '=', 'SFX-T01').executeTakeFirstOrThrow();
    const y = years.prose;
    const drafted = (await office.post('/api/v1/annual-reports', { unitId: town.id, year: y })).json();
    const html = (key: string) => drafted.sections.find((s: any) => s.key === key).html as string;
    expect(html('measures')).toContain('各村（社区）、站所协同落实');
    expect(html('measures')).not.toContain('各部门');
    const truth = new Map((await computeAll(env.platform, await scopeForUnitCode(env.platform, y, 'SFX-T01'))).map((v) => [v.code, v]));
    expect(truth.get('review.corrected')!.value).toBe(0);
    expect(html('shortcomings')).not.toMatch(/[一二三]是|有待提高/);
    expect(html('shortcomings')).toContain('没有被复议纠错或败诉的案件');
    const county = (await office.post('/api/v1/annual-reports', { unitId: (await env.platform.db.selectFrom('org_units').select('id').where('code', '=', 'SFX').executeTakeFirstOrThrow()).id, year: y })).json();
    expect(county.sections.find((s: any) => s.key === 'measures').html).toContain('各部门、各乡镇（街道）协同落实');
  });

  it('marks the figures a changed record made stale, and refreshes them on request', async () => {
    const y = years.stale;
    const before = await countyReport(y, 'draft');
    const id = before.id;
    const received = Number(figure(before.sections.find((s: any) => s.key === 'measures.review').html, 'review.received')![1]);
    const market = await env.platform.db.selectFrom('org_units').select('id').where('code', '=', 'SFX-D21').executeTakeFirstOrThrow();
    const intake = await office.post('/api/v1/review-cases', { unitId: county.id, applicantName: '王五', applicantKind: 'person', respondent: '示范县市场监管局', respondentUnitId: market.id, act: '行政处罚决定', receivedDate: `${y}-06-01`, channel: 'window' });
    expect(intake.statusCode, intake.body).toBe(201);

    const stale = (await office.get(`/api/v1/annual-reports/${id}`)).json();
    expect(stale.staleCount).toBeGreaterThan(0);
    expect(stale.figures.find((f: any) => f.code === 'review.received' && f.part === 'value')).toMatchObject({ stored: received, current: received + 1, storedText: `${received}件`, currentText: `${received + 1}件`, stale: true });
    expect(stale.figures.find((f: any) => f.code === 'tasks.total' && f.part === 'value')).toMatchObject({ stale: false });

    expect((await office.post(`/api/v1/annual-reports/${id}/refresh`, { version: stale.version + 7 })).statusCode).toBe(409);
    const refreshed = await office.post(`/api/v1/annual-reports/${id}/refresh`, { version: stale.version });
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    expect(refreshed.json().refreshed).toBeGreaterThan(0);
    const now = refreshed.json().report;
    expect(now.staleCount).toBe(0);
    expect(figure(now.sections.find((s: any) => s.key === 'measures.review').html, 'review.received')![2]).toBe(`${received + 1}件`);
    expect(now.timeline.some((t: any) => t.label.startsWith('刷新数字'))).toBe(true);
  });

  it('keeps narrative around the figures, sanitised, and refuses stale versions and unknown sections', async () => {
    const y = years.narrative;
    const r = await countyReport(y, 'draft');
    const id = r.id;
    const review = r.sections.find((s: any) => s.key === 'measures.review');
    const html = `<p>我县坚持复议为民。</p>${review.html}<p onclick="steal()">数字<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">链接</a><b>加粗</b></p>`;
    const body = { version: r.version, title: r.title, issuer: '示范县人民政府', issuedDate: `${y + 1}-03-20`, sections: [{ key: 'measures.review', html }] };
    const saved = await office.put(`/api/v1/annual-reports/${id}`, body);
    expect(saved.statusCode, saved.body).toBe(200);
    const text = saved.json().sections.find((s: any) => s.key === 'measures.review').html as string;
    expect(text).toContain('<p>我县坚持复议为民。</p>');
    expect(text).toContain('<strong>加粗</strong>');
    expect(text).not.toMatch(/script|onclick|onerror|javascript|<img|<a /);
    expect(figure(text, 'review.received')).not.toBeNull();
    // The figures survive the edit and are not stale.
    expect(saved.json().staleCount).toBe(0);

    // A forged figure value is written back as the value it claims, and shows as stale.
    const forged = text.replace(/(data-figure="review\.received" data-part="value" data-value=")\d+(">)\d+件/, '$19999$2伪造');
    const edited = await office.put(`/api/v1/annual-reports/${id}`, { ...body, version: saved.json().version, sections: [{ key: 'measures.review', html: forged }] });
    const forgedText = edited.json().sections.find((s: any) => s.key === 'measures.review').html as string;
    expect(figure(forgedText, 'review.received')![2]).toBe('9999件');
    expect(edited.json().figures.find((f: any) => f.code === 'review.received' && f.part === 'value').stale).toBe(true);

    expect((await office.put(`/api/v1/annual-reports/${id}`, body)).statusCode).toBe(409);
    const unknown = await office.put(`/api/v1/annual-reports/${id}`, { ...body, version: edited.json().version, sections: [{ key: 'nope', html: '<p>x</p>' }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().detail).toContain('sections[0].key');
    const long = await office.put(`/api/v1/annual-reports/${id}`, { ...body, version: edited.json().version, title: '长'.repeat(201) });
    expect(long.statusCode).toBe(400);
    expect(long.json().detail).toContain('标题');
    await office.post(`/api/v1/annual-reports/${id}/refresh`, { version: edited.json().version });
  });

  it('is sent by the unit’s liaison to its head (送审), frozen while the head reads it, approved or returned', async () => {
    const bureau = await env.platform.db.selectFrom('org_units').select('id').where('code', '=', 'SFX-D03').executeTakeFirstOrThrow();
    const drafted = await makeAnnualReport(bureauLiaison, { unitId: bureau.id, year: years.send });
    const panel = (await bureauLiaison.get(`/api/v1/workflow/annual_report/${drafted.id}`)).json();
    expect(panel.transitions.map((t: any) => t.key)).toEqual(['send']);
    const sent = await advance(bureauLiaison, 'annual_report', drafted.id, 'send', { version: drafted.version });
    expect(sent.status).toBe('in_approval');
    const frozen = await bureauLiaison.put(`/api/v1/annual-reports/${drafted.id}`, { version: sent.version, title: drafted.title, issuer: drafted.issuer, issuedDate: null, sections: [] });
    expect(frozen.statusCode).toBe(409);
    const head = await loggedIn(env.app, 'jyj_head', DEMO_PASSWORD);
    const waiting = (await head.get('/api/v1/todo')).json().items.find((i: any) => i.id === drafted.id);
    expect(waiting).toMatchObject({ status: 'in_approval', actions: expect.arrayContaining(['主要负责人审定']) });
    const returned = await advance(head, 'annual_report', drafted.id, 'return', { version: sent.version, note: '第二部分请补充原因分析' });
    expect(returned.status).toBe('draft');
    const again = await advance(bureauLiaison, 'annual_report', drafted.id, 'send', { version: returned.version });
    expect((await advance(head, 'annual_report', drafted.id, 'approve', { version: again.version })).status).toBe('approved');
    // Another unit's liaison cannot send it.
    const townLiaison = await loggedIn(env.app, 'cgz_liaison', DEMO_PASSWORD);
    const other = await makeAnnualReport(bureauLiaison, { unitId: bureau.id, year: years.send - 1 });
    expect((await townLiaison.post(`/api/v1/workflow/annual_report/${other.id}/transitions/send`, { version: other.version })).statusCode).toBe(404);
  });

  it('goes from draft through the head’s approval and the report to the Party committee to publication', async () => {
    const { id } = await countyReport(years.workflow, 'written');
    const act = async (who: Agent, key: string, extra: Record<string, unknown> = {}) => {
      const { version } = (await office.get(`/api/v1/annual-reports/${id}`)).json();
      return who.post(`/api/v1/workflow/annual_report/${id}/transitions/${key}`, { version, ...extra });
    };
    // Another unit's head cannot see it, let alone approve it; the law office is not the head.
    const bureauHead = await loggedIn(env.app, 'jyj_head', DEMO_PASSWORD);
    expect((await act(bureauHead, 'approve')).statusCode).toBe(404);
    expect((await act(office, 'approve')).statusCode).toBe(403);
    expect((await act(countyHead, 'approve')).statusCode).toBe(200);
    // Only the head of the report's own unit approves it: the county head cannot approve a town's.
    const town = await env.platform.db.selectFrom('annual_reports as r').innerJoin('org_units as u', 'u.id', 'r.unit_id').select(['r.id', 'r.version']).where('u.code', '=', 'SFX-T01').executeTakeFirstOrThrow();
    const notTheirs = await countyHead.post(`/api/v1/workflow/annual_report/${town.id}/transitions/approve`, { version: town.version });
    expect(notTheirs.statusCode).toBe(409);
    expect(notTheirs.json().detail).toContain('本单位主要负责人审定');

    const locked = (await office.get(`/api/v1/annual-reports/${id}`)).json();
    const edit = await office.put(`/api/v1/annual-reports/${id}`, { version: locked.version, title: locked.title, issuer: locked.issuer, issuedDate: null, sections: [] });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().detail).toContain('只有起草中的报告可以修改');

    const submit = await act(countyHead, 'submit');
    expect(submit.statusCode).toBeGreaterThanOrEqual(400);
    expect(submit.json().detail).toContain('向党委和人大常委会报告');
    expect((await act(office, 'report')).statusCode).toBe(200);
    expect((await env.app.inject({ method: 'GET', url: `/api/v1/public/annual-reports/${id}` })).statusCode).toBe(404);
    expect((await act(office, 'publish', { date: chinaToday() })).statusCode).toBe(200);
    const published = (await office.get(`/api/v1/annual-reports/${id}`)).json();
    expect(published).toMatchObject({ status: 'published', publishedDate: chinaToday() });
    expect(published.clocks.find((c: any) => c.key === 'publish').status).toBe('stopped');
  });

  it('is readable without login once published, listed by year and unit', async () => {
    const y = years.portal;
    const { id } = await countyReport(y, 'published');
    const list = await env.app.inject({ method: 'GET', url: `/api/v1/public/annual-reports?year=${y}` });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((r: any) => r.id)).toContain(id);
    expect(list.json().years).toEqual(expect.arrayContaining([y, year - 1, year - 2])); // this test's and the demo's two
    const page = (await env.app.inject({ method: 'GET', url: `/api/v1/public/annual-reports/${id}` })).json();
    expect(page.sections[0].heading).toBe(`一、${y}年推进法治政府建设的主要举措和成效`);
    expect(page.sections.map((s: any) => s.html).join('')).toContain('我县坚持复议为民');
    // A draft is not public.
    const draft = await env.platform.db.selectFrom('annual_reports').select('id').where('status', '=', 'draft').executeTakeFirstOrThrow();
    expect((await env.app.inject({ method: 'GET', url: `/api/v1/public/annual-reports/${draft.id}` })).statusCode).toBe(404);
    expect((await env.app.inject({ method: 'GET', url: `/api/v1/public/annual-reports/${draft.id}/docx` })).statusCode).toBe(404);
    const byUnit = (await env.app.inject({ method: 'GET', url: '/api/v1/public/annual-reports?unit=SFX-D03' })).json();
    expect(byUnit.items.length).toBe(1);
    expect(byUnit.items[0].unitCode).toBe('SFX-D03');
  });

  it('exports a .docx in the GB/T 9704 layout with its headings and figures', async () => {
    const y = years.docx;
    const { id } = await countyReport(y, 'published');
    const res = await office.get(`/api/v1/annual-reports/${id}/docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain('attachment');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const doc = await zip.file('word/document.xml')!.async('string');
    const words = doc.replace(/<[^>]+>/g, '');
    expect(words).toContain(`示范县人民政府关于${y}年度法治政府建设情况的报告`);
    expect(words).toContain('二、存在的不足和原因');
    expect(words).toContain('（三）发挥行政复议化解行政争议主渠道作用');
    const received = (await office.get(`/api/v1/annual-reports/${id}`)).json().figures.find((f: any) => f.code === 'review.received' && f.part === 'value').stored;
    expect(words).toContain(`收到行政复议申请${received}件`);
    expect(words).toContain('示范县人民政府');
    expect(words).toContain(`${y + 1}年3月20日`);
    // A4 and the margins in twentieths of a point: 37, 35, 28, 26 mm.
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    // Title 方正小标宋简体 2号 (44 half-points), body 仿宋_GB2312 3号 (32), level-1 headings 黑体.
    expect(doc).toMatch(/w:eastAsia="方正小标宋简体"[^]*?<w:sz w:val="44"\/>[^]*?示范县人民政府关于/);
    expect(doc).toMatch(/w:eastAsia="黑体"[^]*?<w:sz w:val="32"\/>[^]*?一、/);
    expect(doc).toContain('w:eastAsia="仿宋_GB2312"');
    // Page numbers in the footers, odd and even.
    const footers = await Promise.all(Object.keys(zip.files).filter((f) => /word\/footer\d+\.xml/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(footers.length).toBe(2);
    for (const f of footers) expect(f).toMatch(/PAGE/);
    const settings = await zip.file('word/settings.xml')!.async('string');
    expect(settings).toContain('w:evenAndOddHeaders');

    const audit = await env.platform.db.selectFrom('audit_log').select(['action', 'target_id']).where('action', '=', 'export.run').where('target_id', '=', id).execute();
    expect(audit.length).toBe(1);
    expect((await env.app.inject({ method: 'GET', url: `/api/v1/public/annual-reports/${id}/docx` })).statusCode).toBe(200);
  });

  it('prints a PDF in the same layout: A4, title, headings, figures, issuer, date and page numbers at the outside edge', async () => {
    const y = years.pdf;
    const { id } = await countyReport(y, 'published');
    const res = await office.get(`/api/v1/annual-reports/${id}/pdf`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(`示范县人民政府${y}年度法治政府建设情况报告.pdf`));
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // A4 in points, every page.
    const boxes = pdf.toString('latin1').match(/\/MediaBox \[[^\]]*\]/g) ?? [];
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) expect(box).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]/);
    const file = join(mkdtempSync(join(tmpdir(), 'fazhi-pdf-')), 'report.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain(`示范县人民政府关于${y}年度法治政府建设情况的报告`);
    expect(flat).toContain('二、存在的不足和原因');
    expect(flat).toContain('（三）发挥行政复议化解行政争议主渠道作用');
    const received = (await office.get(`/api/v1/annual-reports/${id}`)).json().figures.find((f: any) => f.code === 'review.received' && f.part === 'value').stored;
    expect(flat).toContain(`收到行政复议申请${received}件`);
    expect(flat).toContain(`示范县人民政府${y + 1}年3月20日`);
    // "— n —" on every page: odd pages at the right edge, even pages at the left.
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThanOrEqual(2); // both an odd and an even page
    pages.forEach((page, i) => {
      const line = page.split('\n').find((l) => new RegExp(`^\\s*—\\s*${i + 1}\\s*—\\s*$`).test(l));
      expect(line, `page ${i + 1}`).toBeDefined();
      const indent = line!.length - line!.trimStart().length;
      if ((i + 1) % 2) expect(indent, `page ${i + 1}`).toBeGreaterThan(15);
      else expect(indent, `page ${i + 1}`).toBeLessThan(5);
    });
    const audited = await env.platform.db.selectFrom('audit_log').select('detail').where('action', '=', 'export.run').where('target_id', '=', id).execute();
    expect(audited.map((a) => JSON.parse(a.detail!).format)).toContain('pdf');
    // Printed once: a published report does not change, and every print differs in its timestamps.
    const again = await env.app.inject({ method: 'GET', url: `/api/v1/public/annual-reports/${id}/pdf` });
    expect(again.statusCode).toBe(200);
    expect(again.rawPayload.equals(pdf)).toBe(true);
    const draft = await env.platform.db.selectFrom('annual_reports').select('id').where('status', '=', 'draft').executeTakeFirstOrThrow();
    expect((await env.app.inject({ method: 'GET', url: `/api/v1/public/annual-reports/${draft.id}/pdf` })).statusCode).toBe(404);

    // Without Chromium on the server: a clear 503 for a report not printed yet, and the .docx still works.
    const bare = await buildApp({ ...env.platform, config: { ...env.platform.config, chromiumPath: '/nonexistent/chromium' } });
    try {
      expect((await bare.inject({ method: 'GET', url: `/api/v1/public/annual-reports/${draft.id}/pdf` })).statusCode).toBe(404);
      const unprinted = (await office.get('/api/v1/annual-reports')).json().items.find((r: any) => r.id !== id && r.status === 'published');
      expect(unprinted).toBeDefined();
      const missing = await bare.inject({ method: 'GET', url: `/api/v1/public/annual-reports/${unprinted.id}/pdf` });
      expect(missing.statusCode).toBe(503);
      expect(missing.json().detail).toContain('Chromium');
      expect((await bare.inject({ method: 'GET', url: `/api/v1/public/annual-reports/${id}/docx` })).statusCode).toBe(200);
    } finally {
      await bare.close();
    }
  }, 60_000);

  it('stays inside the data scope of a unit', async () => {
    const { id } = await countyReport(years.scope, 'draft');
    const mine = (await bureauLiaison.get('/api/v1/annual-reports')).json();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((r: any) => r.unitCode === 'SFX-D03')).toBe(true);
    expect((await bureauLiaison.get(`/api/v1/annual-reports/${id}`)).statusCode).toBe(404);
    expect((await bureauLiaison.get(`/api/v1/annual-reports/${id}/docx`)).statusCode).toBe(404);
    // Drafting for a unit outside one's scope answers as for a unit that does not exist.
    const outside = await bureauLiaison.post('/api/v1/annual-reports', { unitId: county.id, year: year - 3 });
    const missing = await bureauLiaison.post('/api/v1/annual-reports', { unitId: 'no-such-unit', year: year - 3 });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().detail).toBe(missing.json().detail);
    const town = await env.platform.db.selectFrom('annual_reports as r').innerJoin('org_units as u', 'u.id', 'r.unit_id').select('r.id').where('u.code', '=', 'SFX-T01').executeTakeFirstOrThrow();
    const r = (await office.get(`/api/v1/annual-reports/${town.id}`)).json();
    const write = await bureauLiaison.put(`/api/v1/annual-reports/${town.id}`, { version: r.version, title: '篡改', issuer: '篡改', issuedDate: null, sections: [] });
    expect(write.statusCode).toBe(404);
    expect((await office.get(`/api/v1/annual-reports/${town.id}`)).json().title).not.toBe('篡改');
  });

  it('shows the law office where every department and town stands, including those that have not started', async () => {
    const progress = (await office.get(`/api/v1/annual-reports/progress?year=${year - 1}`)).json();
    const reporting = await env.platform.db.selectFrom('org_units').select('code').where('active', '=', 1).where('kind', 'in', ['department', 'town']).execute();
    expect(progress.units).toHaveLength(reporting.length);
    expect(progress.due).toBe(`${year}-03-31`);
    const of = (code: string) => progress.units.find((u: any) => u.unitCode === code);
    expect(of('SFX-D03')).toMatchObject({ status: 'published', statusLabel: '已向社会公开' });
    expect(of('SFX-T01')).toMatchObject({ status: 'draft' });
    expect(of('SFX-D05')).toMatchObject({ status: null, reportId: null, statusLabel: '未起草' });
    expect(of('SFX')).toBeUndefined(); // the county's own report is not a unit's submission
    expect(Object.values(progress.counts).reduce((a: number, b: any) => a + b, 0)).toBe(reporting.length);
    expect(progress.counts.none).toBe(reporting.length - 2);
    // A unit sees only itself.
    const mine = (await bureauLiaison.get(`/api/v1/annual-reports/progress?year=${year - 1}`)).json();
    expect(mine.units.map((u: any) => u.unitCode)).toEqual(['SFX-D03']);
    expect((await office.get('/api/v1/annual-reports/progress?year=abc')).statusCode).toBe(400);
  });
});

describe('the ledger', () => {
  // The demo's reports of last year: the county's and the education bureau's published, the town's a draft.
  const last = year - 1;
  const list = async (agent: Agent, q: string) => {
    const res = await agent.get(`/api/v1/annual-reports?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const codes = async (q: string) => (await list(office, q)).items.map((r: any) => r.unitCode);

  it('lists the county first, then its units, and shows every field of the definition', async () => {
    expect(await codes(`year=${last}`)).toEqual(['SFX', 'SFX-D03', 'SFX-T01']);
    const page = await list(office, `year=${last}&pageSize=2`);
    expect(page).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page.items[1]).toMatchObject({
      unitCode: 'SFX-D03',
      unitName: '示范县教育局',
      kind: 'unit',
      year: last,
      issuer: '示范县教育局',
      status: 'published',
      statusLabel: '已向社会公开',
      issuedDate: `${year}-02-20`,
      approvedDate: `${year}-02-20`,
      publishedDate: `${year}-03-10`,
      publishDue: `${year}-03-31`,
      due: `${year}-03-31`,
    });
  });

  it('filters by status, unit (with its subunits) and keyword, and sorts on the server with empty values last', async () => {
    expect(await codes(`year=${last}&status=draft`)).toEqual(['SFX-T01']);
    const bureau = await env.platform.db.selectFrom('org_units').select('id').where('code', '=', 'SFX-D03').executeTakeFirstOrThrow();
    expect(new Set(await codes(`unitId=${bureau.id}`))).toEqual(new Set(['SFX-D03']));
    expect(await codes(`year=${last}&unitId=${county.id}`)).toEqual(['SFX', 'SFX-D03', 'SFX-T01']);
    expect(await codes(`year=${last}&q=城关`)).toEqual(['SFX-T01']);
    expect(await codes(`year=${last}&sort=publishedDate&order=desc`)).toEqual(['SFX', 'SFX-D03', 'SFX-T01']);
    expect(await codes(`year=${last}&sort=publishedDate&order=asc`)).toEqual(['SFX-D03', 'SFX', 'SFX-T01']);
    const years = (await list(office, 'unitId=' + county.id + '&q=示范县人民政府&sort=year&order=asc')).items.map((r: any) => r.year);
    expect(years.length).toBeGreaterThanOrEqual(2);
    expect(years).toEqual([...years].sort((a: number, b: number) => a - b));
    for (const bad of ['year=abc', 'year=1999', 'status=nope', 'sort=sections', 'order=up']) expect((await office.get(`/api/v1/annual-reports?${bad}`)).statusCode, bad).toBe(400);
  });

  it('refuses input the definition does not allow, naming the field', async () => {
    const refused = async (res: { statusCode: number; json(): any }, field: string, words: string) => {
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: any) => e.field)).toContain(field);
      expect(res.json().detail).toContain(words);
    };
    await refused(await office.post('/api/v1/annual-reports', { unitId: county.id, year: 1999 }), 'year', '2000–2100');
    await refused(await office.post('/api/v1/annual-reports', { year: last }), 'unitId', '单位');
    const town = (await list(office, `year=${last}&status=draft`)).items[0];
    const body = { version: town.version, title: town.title, issuer: town.issuer, issuedDate: null, sections: [] };
    await refused(await office.put(`/api/v1/annual-reports/${town.id}`, { ...body, issuer: ' ' }), 'issuer', '发文机关');
    await refused(await office.put(`/api/v1/annual-reports/${town.id}`, { ...body, issuedDate: '2026-02-30' }), 'issuedDate', '成文日期');
    const { issuedDate: _, ...withoutDate } = body;
    await refused(await office.put(`/api/v1/annual-reports/${town.id}`, withoutDate), 'issuedDate', '成文日期');
  });

  it('exports exactly the filtered list in its order, audited, and within the data scope', async () => {
    const sheetOf = async (agent: Agent, q: string) => {
      const res = await agent.get(`/api/v1/annual-reports/export?${q}`);
      expect(res.statusCode, res.body).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as any);
      const sheet = book.worksheets[0]!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      const column = (label: string) => Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2).getCell(header.indexOf(label) + 1).value);
      return { header, column };
    };
    const all = await sheetOf(office, `year=${last}&sort=publishedDate&order=asc`);
    expect(all.header.slice(0, 4)).toEqual(['报告年度', '单位', '类别', '标题']);
    expect(all.column('单位')).toEqual(['示范县教育局', '示范县人民政府', '示范县城关镇']);
    expect(all.column('状态')).toEqual(['已向社会公开', '已向社会公开', '起草中']);
    expect(all.column('类别')).toEqual(['部门、乡镇', '县政府', '部门、乡镇']);
    const audited = await env.platform.db.selectFrom('audit_log').select('detail').where('action', '=', 'export.run').where('target_type', '=', 'annual_report').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(JSON.parse(audited.detail!)).toMatchObject({ rows: 3, filters: { year: last, sort: 'publishedDate' } });
    expect((await sheetOf(office, `year=${last}&status=draft`)).column('单位')).toEqual(['示范县城关镇']);
    // A unit exports its own reports only.
    expect(new Set((await sheetOf(bureauLiaison, '')).column('单位'))).toEqual(new Set(['示范县教育局']));
  });
});
