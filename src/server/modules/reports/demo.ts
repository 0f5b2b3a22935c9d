// The demo county's annual reports: the county's for the last two years (published), the education
// bureau's for last year (published), and 城关镇's for last year (still a draft). Idempotent.
import type { Platform } from '../../kernel/platform.ts';
import { actingAs } from '../../kernel/auth/acting-as.ts';
import { applyTransition } from '../../kernel/workflow/engine.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { REPORT_WORKFLOW } from '../../../shared/schemas/reports.ts';
import { createReport, getReport, updateReport } from './reports.ts';

const NARRATIVE: Record<string, string> = {
  measures: '<p>过去一年，我们坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，把法治政府建设纳入经济社会发展全局统筹推进，主要负责人带头研究部署，各部门、各乡镇协同落实。</p>',
  shortcomings: '<p>一是部分单位对法治政府建设重视程度不够，重点任务推进不平衡；二是行政执法规范化水平有待提高，个别案件在复议、诉讼中被纠错；三是基层法治力量相对薄弱。</p>',
  duty: '<p>主要负责人认真履行推进法治建设第一责任人职责，全年主持召开专题会议研究法治政府建设工作，带头尊法学法守法用法，年终述法。</p>',
  next_year: '<p>下一步，我们将持续深化行政执法体制改革，健全重大行政决策程序，加强行政复议和应诉工作，强化法治督察，推动法治政府建设各项任务落地见效。</p>',
  other: '<p>无。</p>',
};

/** A report drafted and dated (成文日期: the day its head signs it, GB/T 9704). */
async function draft(platform: Platform, username: string, unitCode: string, year: number, issuedDate: string): Promise<string> {
  const author = await actingAs(platform, username);
  const unit = await platform.db.selectFrom('org_units').select('id').where('code', '=', unitCode).executeTakeFirstOrThrow();
  const id = await createReport(platform, author, author.scope, { unitId: unit.id, year });
  const report = await getReport(platform, author.scope, id);
  await updateReport(platform, author, author.scope, id, {
    version: report.version,
    title: report.title,
    issuer: report.issuer,
    issuedDate,
    sections: report.sections.map((s) => ({ key: s.key, html: (NARRATIVE[s.key] ?? '') + s.html })),
  });
  return id;
}

async function step(platform: Platform, username: string, id: string, key: string, date: string) {
  const ctx = await actingAs(platform, username);
  const { version } = await getReport(platform, ctx.scope, id);
  await applyTransition(platform, ctx, REPORT_WORKFLOW, id, key, { version, date });
}

export async function loadDemoReports(platform: Platform, print: (line: string) => void): Promise<void> {
  const county = await platform.db.selectFrom('org_units').select('id').where('code', '=', 'SFX').executeTakeFirst();
  if (!county || (await platform.db.selectFrom('annual_reports').select('id').where('unit_id', '=', county.id).executeTakeFirst())) {
    print('年度报告演示数据：已存在。');
    return;
  }
  const year = Number(chinaToday().slice(0, 4));
  for (const y of [year - 2, year - 1]) {
    const id = await draft(platform, 'fzb_wang', 'SFX', y, `${y + 1}-03-18`);
    await step(platform, 'xzf_head', id, 'approve', `${y + 1}-03-18`);
    await step(platform, 'fzb_wang', id, 'report', `${y + 1}-03-20`);
    await step(platform, 'fzb_wang', id, 'publish', `${y + 1}-03-28`);
  }
  const bureau = await draft(platform, 'jyj_liaison', 'SFX-D03', year - 1, `${year}-02-20`);
  await step(platform, 'jyj_head', bureau, 'approve', `${year}-02-20`);
  await step(platform, 'jyj_liaison', bureau, 'submit', `${year}-02-25`);
  await step(platform, 'jyj_head', bureau, 'publish', `${year}-03-10`);
  await draft(platform, 'cgz_liaison', 'SFX-T01', year - 1, `${year}-03-20`);
  print('年度报告演示数据：县政府近两年的报告（已公开）、教育局（已公开）、城关镇（起草中）。');
}
