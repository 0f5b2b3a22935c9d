// The demo county's annual reports: the county's for the last two years (published), the education
// bureau's for last year (published), and 城关镇's for last year (still a draft). Idempotent.
import type { Platform } from '../../kernel/platform.ts';
import { actingAs } from '../../kernel/auth/acting-as.ts';
import { applyTransition } from '../../kernel/workflow/engine.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { REPORT_WORKFLOW } from '../../../shared/schemas/reports.ts';
import { createReport, getReport, updateReport } from './reports.ts';

// What only people can write: next year's plans and other matters (the draft's prose and figures come from the records).
const WRITTEN: Record<string, string> = {
  next_year: '<p>下一步，将持续深化行政执法规范化建设，健全重大行政决策程序，加强行政复议和应诉工作，强化法治督察，推动法治政府建设各项任务落地见效。</p>',
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
    sections: report.sections.map((s) => ({ key: s.key, html: s.html + (WRITTEN[s.key] ?? '') })),
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
