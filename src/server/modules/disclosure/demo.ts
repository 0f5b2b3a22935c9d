// The demo county's disclosure requests over three years, in every state (a supplement restart, a
// third-party consultation, an extension, a late reply, a 信息处理费 charged and paid), and last year's 政府信息公开工作年度报告 of
// the education bureau, 城关镇 and the county, published. Idempotent.
import type { Platform } from '../../kernel/platform.ts';
import { actingAs } from '../../kernel/auth/acting-as.ts';
import { applyTransition } from '../../kernel/workflow/engine.ts';
import { changeClock } from '../../kernel/workflow/clocks.ts';
import { chinaToday, fromDayNumber, toDayNumber } from '../../kernel/calendar/days.ts';
import { DISCLOSURE_RECORD_TYPE, DISCLOSURE_WORKFLOW } from '../../../shared/schemas/disclosure.ts';
import { createRequest } from './disclosure.ts';
import { FOI_REPORT_WORKFLOW } from '../../../shared/schemas/disclosure-report.ts';
import { createFoiReport, getFoiReport, updateFoiReport } from './annual-report.ts';
import { createFee } from './fees.ts';
import { demoStart, unitIdsByCode } from '../../kernel/demo.ts';

type Step = [key: string, afterReceived: number, values?: Record<string, unknown>, note?: string] | ['extend', number];

const UNITS: [string, string][] = [['SFX-D09', 'lly_sfx_d09'], ['SFX-D03', 'jyj_liaison'], ['SFX-T01', 'cgz_liaison'], ['SFX-D07', 'lly_sfx_d07']];
const CONTENTS = ['某地块国有土地上房屋征收补偿方案', '2024年度城区道路改造工程招标文件', '某小区规划许可证及附图', '本镇低保对象公示名单及认定标准', '某企业环境影响评价批复', '本年度财政预算执行情况'];
// A past year's requests, received every 55 days from 10 January: the last, received in December
// and answered late in January, is carried over into the next year (table 3 of the annual report).
const PAST: Step[][] = [
  // A large request charged 信息处理费 (120 元), paid, then answered.
  [['charge_notice', 5, { processingFee: 12_000 }], ['fee_paid', 11], ['reply', 24, { replyType: 'disclosed' }]],
  [['reply', 18, { replyType: 'partly' }]],
  [['request_supplement', 3, undefined, '申请内容不明确'], ['supplement_received', 10], ['reply', 30, { replyType: 'disclosed' }]],
  [['consult', 5], ['third_party_done', 19], ['reply', 33, { replyType: 'refused', outcomeReason: 'refused_6' }]],
  [['extend', 20], ['reply', 45, { replyType: 'not_exist', outcomeReason: 'unable_1' }]],
  [['request_supplement', 4, undefined, '请明确所需信息的名称、文号'], ['close', 30, { outcomeReason: 'other_1' }, '申请人逾期未补正']],
  [['reply', 40, { replyType: 'not_ours' }]], // late, and carried over
];
/** 申请人类型 in turn, with a name that fits. */
const APPLICANTS: [type: 'person' | 'business' | 'legal' | 'research' | 'nonprofit' | 'other', name: string][] = [
  ['person', '张某'], ['person', '李某'], ['business', '某商贸有限公司'], ['legal', '某律师事务所'], ['person', '王某'], ['nonprofit', '某公益基金会'], ['research', '某大学法学院'], ['other', '某村民委员会'],
];
const CURRENT: [daysAgo: number, Step[]][] = [
  [3, []],
  [12, [['request_supplement', 4, undefined, '请明确所需信息的名称、文号']]],
  [20, [['consult', 6]]],
  [26, []],
  [30, [['reply', 15, { replyType: 'disclosed' }]]],
  [15, [['withdraw', 5, undefined, '申请人来电撤回申请']]],
];

export async function loadDemoDisclosure(platform: Platform, print: (line: string) => void): Promise<void> {
  await loadDemoRequests(platform, print);
  await loadDemoFees(platform, print);
  await loadDemoReports(platform, print);
}

async function loadDemoRequests(platform: Platform, print: (line: string) => void): Promise<void> {
  const demo = await demoStart(platform, print, { table: 'foi_requests', ref: 'DEMO-FOI-0', title: '依申请公开' });
  if (!demo) return;
  const { units, today } = demo;
  let n = 0;
  const run = async (received: number, steps: Step[]) => {
    const [code, username] = UNITS[n % UNITS.length]!;
    const ctx = await actingAs(platform, username);
    const id = await platform.db.transaction().execute((tx) =>
      createRequest(tx, platform, ctx, ctx.scope, { unitId: units.get(code)!, applicantType: APPLICANTS[n % APPLICANTS.length]![0], applicantName: APPLICANTS[n % APPLICANTS.length]![1], content: CONTENTS[n % CONTENTS.length]!, receivedDate: fromDayNumber(received), channel: (['online', 'mail', 'window'] as const)[n % 3]! }),
    );
    await platform.db.updateTable('foi_requests').set({ ref: `DEMO-FOI-${n}` }).where('id', '=', id).execute();
    n++;
    for (const [key, after, values, note] of steps as [string, number, Record<string, unknown>?, string?][]) {
      const date = fromDayNumber(Math.min(received + after, today));
      if (key === 'extend') {
        const clock = await platform.db.selectFrom('clocks').selectAll().where('record_type', '=', DISCLOSURE_RECORD_TYPE).where('record_id', '=', id).where('clock_key', '=', 'reply').executeTakeFirstOrThrow();
        await platform.db.transaction().execute((tx) => changeClock(tx, platform, ctx, clock, { op: 'extend', approval: '经机关负责人同意延长答复期限' }));
        continue;
      }
      const { version } = await platform.db.selectFrom('foi_requests').select('version').where('id', '=', id).executeTakeFirstOrThrow();
      await applyTransition(platform, ctx, DISCLOSURE_WORKFLOW, id, key, { version, values, note, date });
    }
  };
  const year = Number(chinaToday().slice(0, 4));
  for (const y of [year - 2, year - 1]) {
    for (const [i, steps] of PAST.entries()) await run(toDayNumber(`${y}-01-10`) + i * 55, steps);
  }
  for (const [ago, steps] of CURRENT) await run(today - ago, steps);
  print(`依申请公开演示数据：${n} 件（${year - 2}—${year} 年，各状态）。`);
}

/** 行政事业性收费 of three departments, in yuan for the last two years. */
const FEES: [unit: string, item: string, basis: string, standard: string, yuan: [number, number]][] = [
  ['SFX-D09', '不动产登记费', '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）', '住宅类每件80元，非住宅类每件550元', [1_186_240, 1_256_080]],
  ['SFX-D05', '居民身份证工本费', '《国家发展改革委 财政部关于居民身份证收费标准及有关问题的通知》（发改价格〔2003〕2322号）', '换领、补领每证20元，临时身份证每证10元', [412_360, 386_420]],
  ['SFX-D11', '城镇垃圾处理费', '《示范县城镇生活垃圾处理费征收管理办法》（示政发〔2019〕12号）', '居民每户每月5元', [2_034_500.5, 2_118_760.25]],
];

async function loadDemoFees(platform: Platform, print: (line: string) => void): Promise<void> {
  if (await platform.db.selectFrom('fee_items').select('id').executeTakeFirst()) return;
  const office = await actingAs(platform, 'fzb_wang');
  const units = await unitIdsByCode(platform);
  const year = Number(chinaToday().slice(0, 4));
  for (const [code, item, basis, standard, amounts] of FEES) {
    for (const [i, yuan] of amounts.entries()) {
      await platform.db.transaction().execute((tx) => createFee(tx, platform, office, office.scope, { unitId: units.get(code)!, year: year - 2 + i, item, basis, standard, amount: Math.round(yuan * 100) }));
    }
  }
  print(`行政事业性收费演示数据：${FEES.length} 个部门 ${year - 2}、${year - 1} 年度。`);
}

/** What only people write in a report: the year's work in brief, its problems, other matters. */
const WRITTEN = {
  problems: '一是部分依申请公开答复的说理不够充分，引用条款不够准确；二是政府信息管理动态调整不够及时。下一步，将加强业务培训，规范答复文书，定期清理公开目录。',
  other: '无其他需要报告的事项。',
};

async function reportStep(platform: Platform, username: string, id: string, key: string, date: string) {
  const ctx = await actingAs(platform, username);
  const { version } = await getFoiReport(platform, ctx.scope, id);
  await applyTransition(platform, ctx, FOI_REPORT_WORKFLOW, id, key, { version, date });
}

/** A report drafted, written and dated by `author`, approved by `head`, published by `publisher`. */
async function publishedReport(platform: Platform, [author, head, publisher]: [string, string, string], unitCode: string, year: number, [issued, published]: [string, string]) {
  const ctx = await actingAs(platform, author);
  const unitId = (await unitIdsByCode(platform)).get(unitCode)!;
  const id = await createFoiReport(platform, ctx, ctx.scope, { unitId, year });
  const r = await getFoiReport(platform, ctx.scope, id);
  const overview = `${r.sections[0]!.text}\n全年围绕重点领域信息公开、政策解读和依申请公开规范办理开展工作，政府信息公开专栏及时更新，公开目录动态调整。`;
  await updateFoiReport(platform, ctx, ctx.scope, id, { version: r.version, title: r.title, issuer: r.issuer, issuedDate: issued, sections: { overview, ...WRITTEN } });
  await reportStep(platform, author, id, 'send', issued);
  await reportStep(platform, head, id, 'approve', issued);
  await reportStep(platform, publisher, id, 'publish', published);
}

async function loadDemoReports(platform: Platform, print: (line: string) => void): Promise<void> {
  if (await platform.db.selectFrom('foi_annual_reports').select('id').executeTakeFirst()) {
    print('政府信息公开工作年度报告演示数据：已存在。');
    return;
  }
  const year = Number(chinaToday().slice(0, 4)) - 1;
  await publishedReport(platform, ['jyj_liaison', 'jyj_head', 'jyj_head'], 'SFX-D03', year, [`${year + 1}-01-16`, `${year + 1}-01-23`]);
  await publishedReport(platform, ['cgz_liaison', 'cgz_head', 'cgz_head'], 'SFX-T01', year, [`${year + 1}-01-20`, `${year + 1}-01-26`]);
  await publishedReport(platform, ['fzb_wang', 'xzf_head', 'fzb_wang'], 'SFX', year, [`${year + 1}-03-20`, `${year + 1}-03-25`]);
  print(`政府信息公开工作年度报告演示数据：教育局、城关镇、县政府 ${year} 年度报告（已公开）。`);
}
