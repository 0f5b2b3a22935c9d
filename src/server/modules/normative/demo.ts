// The demo county's normative documents over five years, in every status, through the workflow as
// the units and the law office would have done it (one filed late, one under review). Idempotent.
import type { Platform } from '../../kernel/platform.ts';
import { actingAs } from '../../kernel/auth/acting-as.ts';
import { demoStart } from '../../kernel/demo.ts';
import { applyTransition } from '../../kernel/workflow/engine.ts';
import { fromDayNumber, toDayNumber } from '../../kernel/calendar/days.ts';
import { CLEANUP_WORKFLOW, LEGAL_REVIEW_WORKFLOW, NORMDOC_WORKFLOW, type AdvisorInput, type ENGAGEMENT, type LEGAL_REVIEW } from '../../../shared/schemas/normative.ts';
import type { RecordInput } from '../../../shared/records.ts';
import { createNormativeDoc, validityLimit } from './normative.ts';
import { createLegalReview } from './legal-reviews.ts';
import { createCleanup, decideItem, selectDocs } from './cleanups.ts';
import { createAdvisor, createEngagement } from './advisors.ts';

interface DemoDoc {
  title: string;
  unit: string;
  /** Days before today the draft was submitted; the later steps follow it. */
  submitted: number;
  /** How far it went: the last transition taken. */
  until: 'draft' | 'submit' | 'review' | 'deliberate' | 'publish' | 'file' | 'feedback' | 'amend' | 'repeal' | 'expire';
  /** Days from publication to the filing with the government above (the default is within the 30 days; the standing committee's is on day 20). */
  fileAfter?: number;
  /** Days from publication to the end (amended, repealed). */
  endAfter?: number;
  body: string;
  /** 征求意见情况 (the draft still being written has none yet). */
  consultation?: string;
}

const para = (...lines: string[]) => lines.join('\n');

export const DEMO_DOCS: DemoDoc[] = [
  {
    title: '示范县农村集体经济组织资产管理办法（试行）',
    unit: 'SFX-D14',
    submitted: 1620,
    until: 'expire',
    body: para('第一条 为加强农村集体经济组织资产管理，保障集体经济组织及其成员的合法权益，根据《中华人民共和国农村集体经济组织法》等有关规定，结合本县实际，制定本办法。', '第二条 本办法适用于本县行政区域内农村集体经济组织的资产管理活动。', '第三条 集体资产的发包、出租、出让，应当经集体经济组织成员大会或者成员代表大会讨论决定，并在本集体经济组织内公示。', '第四条 本办法自公布之日起施行，有效期2年。'),
  },
  {
    title: '示范县城市生活垃圾分类管理办法',
    unit: 'SFX-D25',
    submitted: 1180,
    until: 'feedback',
    body: para('第一条 为推进城市生活垃圾分类，改善人居环境，根据《中华人民共和国固体废物污染环境防治法》和省有关规定，制定本办法。', '第二条 本办法适用于本县城市规划区内生活垃圾的分类投放、收集、运输和处理。', '第三条 生活垃圾分为可回收物、有害垃圾、厨余垃圾和其他垃圾。', '第四条 违反本办法规定的，由城市管理综合执法部门依照《中华人民共和国固体废物污染环境防治法》的规定处理。', '第五条 本办法自公布之日起施行，有效期5年。'),
  },
  {
    title: '示范县义务教育阶段学校招生入学管理办法',
    unit: 'SFX-D03',
    submitted: 1100,
    until: 'repeal',
    endAfter: 600,
    body: para('第一条 为规范义务教育阶段学校招生入学工作，保障适龄儿童少年依法接受义务教育的权利，根据《中华人民共和国义务教育法》，制定本办法。', '第二条 公办义务教育学校实行免试就近入学。', '第三条 本办法自公布之日起施行，有效期5年。'),
  },
  {
    title: '示范县城区临街商铺招牌设置管理规定',
    unit: 'SFX-D25',
    submitted: 800,
    until: 'amend',
    endAfter: 500,
    body: para('第一条 为规范城区临街商铺招牌设置，美化市容环境，根据《城市市容和环境卫生管理条例》，制定本规定。', '第二条 招牌设置应当与建筑立面相协调，一店一招。', '第三条 本规定自公布之日起施行，有效期5年。'),
  },
  {
    title: '示范县最低生活保障审核确认实施细则',
    unit: 'SFX-D06',
    submitted: 700,
    until: 'file',
    fileAfter: 46,
    body: para('第一条 为规范最低生活保障审核确认工作，根据《社会救助暂行办法》和省最低生活保障审核确认办法，制定本细则。', '第二条 最低生活保障审核确认工作由乡镇人民政府（街道办事处）负责，县民政局负责指导监督。', '第三条 本细则自公布之日起施行，有效期5年。'),
  },
  {
    title: '示范县农村村民住房建设管理办法',
    unit: 'SFX-D09',
    submitted: 420,
    until: 'feedback',
    body: para('第一条 为规范农村村民住房建设，节约集约利用土地，根据《中华人民共和国土地管理法》和《中华人民共和国城乡规划法》，制定本办法。', '第二条 农村村民一户只能拥有一处宅基地，面积不得超过省规定的标准。', '第三条 本办法自公布之日起施行，有效期5年。'),
  },
  {
    title: '示范县政府投资项目管理办法',
    unit: 'SFX-D02',
    submitted: 75,
    until: 'publish',
    body: para('第一条 为规范政府投资行为，提高政府投资效益，根据《政府投资条例》，制定本办法。', '第二条 政府投资项目实行审批制，项目单位应当编制项目建议书、可行性研究报告、初步设计。', '第三条 本办法自公布之日起施行，有效期5年。'),
  },
  {
    title: '示范县促进民营经济高质量发展若干措施',
    unit: 'SFX-D15',
    submitted: 50,
    until: 'deliberate',
    body: para('一、保障民营企业依法平等使用资金、技术、人力资源、土地等各类生产要素和公共服务资源。', '二、政府采购不得以企业所有制形式、组织形式、股权结构或者规模等设置差别待遇。', '三、本措施自公布之日起施行，有效期3年。'),
  },
  {
    title: '示范县校外培训机构监督管理办法',
    unit: 'SFX-D03',
    submitted: 30,
    until: 'review',
    body: para('第一条 为规范校外培训机构办学行为，根据《中华人民共和国民办教育促进法》及其实施条例，制定本办法。', '第二条 县教育局负责本县校外培训机构的监督管理。', '第三条 本办法自公布之日起施行，有效期5年。'),
  },
  {
    title: '示范县户外广告设施设置管理办法',
    unit: 'SFX-D25',
    submitted: 8,
    until: 'submit',
    body: para(
      '第一条 为加强户外广告设施管理，根据《城市市容和环境卫生管理条例》，制定本办法。',
      '第二条 在本县城区设置户外广告设施的，应当向县城市管理综合执法局申请办理户外广告设置许可证。',
      '第三条 户外广告设施的制作安装，应当由县城市管理综合执法局指定的企业承担。',
      '第四条 未经许可擅自设置户外广告设施的，由县城市管理综合执法局责令限期拆除，并处五千元以上三万元以下罚款。',
      '第五条 设置户外广告设施的单位和个人，应当按年度缴纳户外广告设施管理费。',
    ),
  },
  {
    title: '示范县城关镇农贸市场管理办法',
    unit: 'SFX-T01',
    submitted: 0,
    until: 'draft',
    body: para('第一条 为规范农贸市场经营秩序，保障食品安全，制定本办法。', '第二条 农贸市场开办者应当建立入场销售者档案。'),
  },
];

const ORDER = ['draft', 'submit', 'review', 'deliberate', 'publish', 'file', 'feedback'] as const;
const reached = (doc: DemoDoc, step: (typeof ORDER)[number]) => (['amend', 'repeal', 'expire'].includes(doc.until) ? ORDER.indexOf(step) <= ORDER.indexOf('file') : ORDER.indexOf(step) <= ORDER.indexOf(doc.until as (typeof ORDER)[number]));

export async function loadDemoNormative(platform: Platform, print: (line: string) => void): Promise<void> {
  await loadDemoDocs(platform, print);
  await loadDemoLegalReviews(platform, print);
  await loadDemoCleanups(platform, print);
  await loadDemoAdvisors(platform, print);
}

/**
 * Two cleanups of the county's documents in force: a full one finished 200 days ago (one document to
 * be amended, the others kept) and a special one on fair competition under way.
 */
async function loadDemoCleanups(platform: Platform, print: (line: string) => void): Promise<void> {
  const demo = await demoStart(platform, print, { table: 'normdoc_cleanups', ref: 'DEMO-QL-0', title: '规范性文件清理' });
  if (!demo) return;
  const { office, units, today } = demo;
  const county = units.get('SFX')!;
  const full = await platform.db.transaction().execute((tx) =>
    createCleanup(tx, platform, office, office.scope, { ref: 'DEMO-QL-0', title: `${Number(fromDayNumber(today - 260).slice(0, 4))}年度行政规范性文件全面清理`, kind: 'full', unitId: county, subject: '截至清理基准日现行有效的全部行政规范性文件', issuedBefore: fromDayNumber(today - 250), deadline: fromDayNumber(today - 190) }),
  );
  const RESULTS: Record<string, [AdviceResult, string | null]> = {
    示范县最低生活保障审核确认实施细则: ['amend', '省最低生活保障审核确认办法已修订，审核确认时限和程序需相应修改'],
  };
  await decideAll(platform, office, full, RESULTS);
  const version = (await platform.db.selectFrom('normdoc_cleanups').select('version').where('id', '=', full).executeTakeFirstOrThrow()).version;
  await applyTransition(platform, office, CLEANUP_WORKFLOW, full, 'finish', { version, date: fromDayNumber(today - 200), note: '清理结果已经县人民政府常务会议审议通过，向社会公布' });
  const special = await platform.db.transaction().execute((tx) =>
    createCleanup(tx, platform, office, office.scope, { ref: 'DEMO-QL-1', title: '妨碍统一市场和公平竞争的规范性文件专项清理', kind: 'special', unitId: county, subject: '涉及市场准入、政府采购、招标投标、产业扶持的现行有效文件', issuedBefore: fromDayNumber(today - 10), deadline: fromDayNumber(today + 40) }),
  );
  const docs = await platform.db.selectFrom('normative_docs').select(['id', 'title']).where('status', '=', 'in_force').where('title', 'in', ['示范县政府投资项目管理办法', '示范县城市生活垃圾分类管理办法']).execute();
  await platform.db.transaction().execute(async (tx) => {
    const current = await tx.selectFrom('normdoc_cleanups').select('version').where('id', '=', special).executeTakeFirstOrThrow();
    await selectDocs(tx, platform, office, office.scope, special, current.version, docs.map((d) => d.id));
  });
  await decideAll(platform, office, special, { 示范县城市生活垃圾分类管理办法: ['keep', null] }, false);
  print('规范性文件清理演示数据：2 次（全面清理已完成并公布，1 件修改；公平竞争专项清理进行中）。');
}

type AdviceResult = 'keep' | 'amend' | 'repeal' | 'expire';

/** Gives each selected document its result (the ones named; the rest kept unless `rest` is false). */
async function decideAll(platform: Platform, office: Awaited<ReturnType<typeof actingAs>>, id: string, results: Record<string, [AdviceResult, string | null]>, rest = true): Promise<void> {
  const items = await platform.db.selectFrom('normdoc_cleanup_items as i').innerJoin('normative_docs as d', 'd.id', 'i.doc_id').select(['i.id', 'd.title']).where('i.cleanup_id', '=', id).execute();
  for (const item of items) {
    const [result, reason] = results[item.title] ?? (rest ? ['keep', null] : [null, null]);
    if (!result) continue;
    await platform.db.transaction().execute(async (tx) => {
      const { version } = await tx.selectFrom('normdoc_cleanups').select('version').where('id', '=', id).executeTakeFirstOrThrow();
      await decideItem(tx, platform, office, office.scope, id, version, item.id, result, reason);
    });
  }
}

const ADVISORS: (Omit<AdvisorInput, 'unitId' | 'servedUnitIds' | 'contractStart' | 'contractEnd'> & { unit: string; serves: string[]; engagements: { ago: number; kind: RecordInput<typeof ENGAGEMENT>['kind']; subject: string; review?: string }[] })[] = [
  {
    name: '李明', kind: 'advisor', firm: '示范律师事务所', phone: '13907310001', unit: 'SFX', serves: ['SFX-D25', 'SFX-D13'],
    engagements: [
      { ago: 555, kind: 'contract', subject: '审查示范县城区环卫作业市场化服务合同', review: 'DEMO-HF-0' },
      { ago: 380, kind: 'review', subject: '审查某建材公司违法占用耕地案拟作出的行政处罚决定', review: 'DEMO-HF-3' },
      { ago: 115, kind: 'contract', subject: '审查示范县农村饮水安全工程特许经营协议', review: 'DEMO-HF-6' },
      { ago: 90, kind: 'meeting', subject: '列席县人民政府常务会议，就政府投资引导基金设立发表法律意见' },
      { ago: 30, kind: 'litigation', subject: '代理县人民政府应诉某房地产公司不服土地收回决定行政诉讼案' },
    ],
  },
  {
    name: '王芳', kind: 'public_lawyer', firm: '示范县司法局', phone: '13907310002', unit: 'SFX-D09', serves: [],
    engagements: [
      { ago: 300, kind: 'reconsideration', subject: '参与审理不服不动产登记行为行政复议案件' },
      { ago: 45, kind: 'consultation', subject: '就宅基地审批程序提供法律咨询' },
    ],
  },
  {
    name: '赵强', kind: 'advisor', firm: '某某律师事务所', phone: '13907310003', unit: 'SFX-D25', serves: [],
    engagements: [{ ago: 500, kind: 'normdoc', subject: '审查示范县城区临街商铺招牌设置管理规定（修订稿）' }],
  },
];

/** Advisors of the county, a public-service lawyer, a former advisor whose contract ended; their engagements, some linked to the reviews they did. */
async function loadDemoAdvisors(platform: Platform, print: (line: string) => void): Promise<void> {
  const demo = await demoStart(platform, print, { table: 'legal_advisors', ref: 'DEMO-GW-0', title: '法律顾问' });
  if (!demo) return;
  const { office, units, today } = demo;
  const periods: [number, number | null][] = [[700, -400], [900, null], [1100, 370]];
  let n = 0;
  for (const [i, a] of ADVISORS.entries()) {
    const [from, to] = periods[i]!;
    const { unit, serves, engagements, ...fields } = a;
    const id = await platform.db.transaction().execute((tx) =>
      createAdvisor(tx, platform, office, office.scope, { ...fields, ref: `DEMO-GW-${i}`, unitId: units.get(unit)!, servedUnitIds: serves.map((c) => units.get(c)!), contractStart: fromDayNumber(today - from), contractEnd: to === null ? undefined : fromDayNumber(today - to) }),
    );
    for (const e of engagements) {
      const review = e.review ? await platform.db.selectFrom('legal_reviews').select('id').where('ref', '=', e.review).executeTakeFirst() : undefined;
      await platform.db.transaction().execute((tx) =>
        createEngagement(tx, platform, office, office.scope, { ref: `DEMO-FW-${n++}`, advisorId: id, date: fromDayNumber(today - e.ago), kind: e.kind, subject: e.subject, linkedType: review ? 'legal_review' : undefined, linkedId: review?.id }),
      );
    }
  }
  print(`法律顾问演示数据：${ADVISORS.length} 人（法律顾问、公职律师，1 人聘期已满），服务记录 ${n} 次。`);
}

const REVIEWS: { kind: RecordInput<typeof LEGAL_REVIEW>['kind']; title: string; unit: string; ago: number; takes: number | null; written: boolean }[] = [
  { kind: 'contract', title: '示范县城区环卫作业市场化服务合同', unit: 'SFX-D25', ago: 560, takes: 6, written: true },
  { kind: 'topic', title: '关于调整城区公共停车场收费标准的议题', unit: 'SFX-D02', ago: 500, takes: 3, written: false },
  { kind: 'minutes', title: '县人民政府第12次常务会议纪要（涉法部分）', unit: 'SFX', ago: 430, takes: 2, written: false },
  { kind: 'enforcement', title: '某建材公司违法占用耕地案拟作出的行政处罚决定', unit: 'SFX-D09', ago: 380, takes: 4, written: true },
  { kind: 'contract', title: '示范县智慧城管平台建设项目采购合同', unit: 'SFX-D25', ago: 300, takes: 9, written: true },
  { kind: 'other', title: '关于县城集中供热价格调整的信访答复意见', unit: 'SFX-D11', ago: 210, takes: 5, written: false },
  { kind: 'contract', title: '示范县农村饮水安全工程特许经营协议', unit: 'SFX-D13', ago: 120, takes: 7, written: true },
  { kind: 'topic', title: '关于设立县级政府投资引导基金的议题', unit: 'SFX-D07', ago: 60, takes: 4, written: true },
  { kind: 'enforcement', title: '某餐饮店食品安全案拟作出的没收违法所得决定', unit: 'SFX-D21', ago: 20, takes: null, written: false },
  { kind: 'contract', title: '示范县城区道路照明维护服务合同', unit: 'SFX-D25', ago: 4, takes: null, written: false },
];

async function loadDemoLegalReviews(platform: Platform, print: (line: string) => void): Promise<void> {
  const demo = await demoStart(platform, print, { table: 'legal_reviews', ref: 'DEMO-HF-0', title: '合法性审查' });
  if (!demo) return;
  const { office, units, today } = demo;
  const reviewer = await actingAs(platform, 'shenhe_zhao');
  for (const [i, r] of REVIEWS.entries()) {
    const id = await platform.db.transaction().execute((tx) => createLegalReview(tx, platform, office, office.scope, { ref: `DEMO-HF-${i}`, unitId: units.get(r.unit)!, kind: r.kind, title: r.title, receivedDate: fromDayNumber(today - r.ago), reviewer: i % 3 === 0 ? '县政府法律顾问（某律师事务所）' : '赵审核' }));
    if (r.takes === null) continue;
    const version = (await platform.db.selectFrom('legal_reviews').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
    const opinion = r.written ? '经审查，该事项主体适格、程序合法，相关条款已按审查意见修改，同意。书面审查意见见附件。' : '经会签审查，未发现违反法律法规的内容，同意提交审议。';
    await applyTransition(platform, reviewer, LEGAL_REVIEW_WORKFLOW, id, 'complete', { version, date: fromDayNumber(today - r.ago + r.takes), values: { opinion, opinionForm: r.written ? 'written' : 'other' } });
  }
  print(`合法性审查演示数据：${REVIEWS.length} 件（政府合同、常务会议题、会议纪要、执法决定、其他事项，2 件审查中）。`);
}

async function loadDemoDocs(platform: Platform, print: (line: string) => void): Promise<void> {
  const demo = await demoStart(platform, print, { table: 'normative_docs', ref: 'DEMO-GF-0', title: '规范性文件' });
  if (!demo) return;
  const { office, units, today } = demo;
  const reviewer = await actingAs(platform, 'shenhe_zhao');
  const day = (n: number) => fromDayNumber(Math.min(n, today));
  let n = 0;
  for (const doc of DEMO_DOCS) {
    const drafter = await actingAs(platform, `lly_${doc.unit.toLowerCase().replaceAll('-', '_')}`);
    const id = await platform.db.transaction().execute((tx) => createNormativeDoc(tx, platform, drafter, drafter.scope, { ref: `DEMO-GF-${n}`, unitId: units.get(doc.unit)!, title: doc.title, body: doc.body, consultation: doc.consultation ?? (doc.until === 'draft' ? undefined : '通过县人民政府门户网站公开征求意见，期限15日；收到意见建议若干条，已在起草说明中逐条说明采纳情况。') }));
    n++;
    const version = async () => (await platform.db.selectFrom('normative_docs').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
    const step = async (actor: typeof office, key: string, date: number, values?: Record<string, unknown>, note?: string) =>
      applyTransition(platform, actor, NORMDOC_WORKFLOW, id, key, { version: await version(), date: day(date), values, note });
    const start = today - doc.submitted;
    const issued = start + 35;
    if (reached(doc, 'submit') && doc.until !== 'draft') await step(drafter, 'submit', start);
    if (reached(doc, 'review')) {
      await step(reviewer, 'review', start + 12, { subjectFinding: 'compliant', authorityFinding: 'compliant', contentFinding: n % 3 === 0 ? 'amended' : 'compliant', procedureFinding: 'compliant', conclusion: n % 3 === 0 ? 'amend' : 'approve', opinion: n % 3 === 0 ? '经审查，该文件制定主体适格，未超越权限；第三条表述已按审查意见修改，程序符合规定，同意修改后提请审议。' : '经审查，该文件制定主体适格、未超越法定权限，内容不违反上位法规定，制定程序符合规定，同意提请县政府常务会议审议。' });
    }
    if (reached(doc, 'deliberate')) await step(office, 'deliberate', start + 25, { meeting: `县人民政府第${(n * 7) % 40 + 1}次常务会议` });
    if (reached(doc, 'publish')) {
      const years = /试行|暂行/.test(doc.title) ? 2 : 5;
      await step(office, 'publish', issued, { validUntil: validityLimit(day(issued), years) });
    }
    if (reached(doc, 'file')) {
      await step(office, 'file', issued + (doc.fileAfter ?? 20), { filingBody: '市人民政府' });
      await step(office, 'file_congress', issued + 20, { congressFilingBody: '县人大常委会' });
    }
    if (reached(doc, 'feedback') && ['feedback', 'amend', 'repeal', 'expire'].includes(doc.until)) {
      await step(office, 'feedback', issued + 60, { filingFeedback: 'no_objection' });
      await step(office, 'feedback_congress', issued + 75, { congressFeedback: 'no_objection' });
    }
    if (doc.until === 'amend') await step(office, 'amend', issued + doc.endAfter!, undefined, '已由新修订的规定替代');
    if (doc.until === 'repeal') await step(office, 'repeal', issued + doc.endAfter!, undefined, '上位法修订，经清理决定废止');
    if (doc.until === 'expire') {
      const until = (await platform.db.selectFrom('normative_docs').select('valid_until').where('id', '=', id).executeTakeFirstOrThrow()).valid_until!;
      await step(office, 'expire', toDayNumber(until) + 1, undefined, `有效期至 ${until} 届满，自动失效`);
    }
  }
  print(`规范性文件演示数据：${n} 件（近五年，现行有效、已修改、已废止、已失效、审查中、起草中各状态；1 件逾期备案）。`);
}
