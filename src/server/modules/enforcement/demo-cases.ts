// The demo county's enforcement cases: every kind in every state — open penalties inside and past
// their 90 days, a major case waiting for its legal review (赵审核's work), decisions waiting for
// disclosure (the market regulator's officer's work), decisions disclosed on time and late, one
// revoked and waiting to be withdrawn, one withdrawn — with their full-process records; some decided
// last year, for the annual figures; then the bureau's file review of this year's decided cases.
// Idempotent by ref.
import type { Platform } from '../../kernel/platform.ts';
import type { RequestContext } from '../../kernel/auth/context.ts';
import { actingAs } from '../../kernel/auth/acting-as.ts';
import { applyTransition } from '../../kernel/workflow/engine.ts';
import { demoLoaded } from '../../kernel/demo.ts';
import { chinaToday, fromDayNumber, toDayNumber } from '../../kernel/calendar/days.ts';
import { CASE_WORKFLOW, type CaseInput, type CaseRecordInput } from '../../../shared/schemas/enforcement.ts';
import { addCaseRecord, createCase } from './cases.ts';
import { createCampaign, sampleFiles, scoreFile } from './file-reviews.ts';
import { createSupervision, evaluateSupervision } from './supervisions.ts';
import { assignComplaint, createComplaint } from './complaints.ts';
import { createTransfer, recordTransferResult } from './transfers.ts';
import { COMPLAINT_WORKFLOW, SUPERVISION_WORKFLOW, type COMPLAINT } from '../../../shared/schemas/enforcement.ts';
import type { RecordInput } from '../../../shared/records.ts';

type Step = [key: string, daysAgo: number, values?: Record<string, unknown>, note?: string];
interface DemoCase {
  body: string;
  officers: string[];
  kind: CaseInput['kind'];
  cause: string;
  party: [kind: 'organisation' | 'person', name: string];
  basis: string;
  opened: number;
  major?: boolean;
  listItem?: string;
  by?: 'officer';
  steps: Step[];
  records?: [stage: CaseRecordInput['stage'], medium: CaseRecordInput['medium'], title: string, daysAgo: number][];
}

const decide = (daysAgo: number, outcome: string, decision: string, penaltyAmount?: number, listReason?: string): Step => ['decide', daysAgo, { outcome, decision, ...(penaltyAmount ? { penaltyAmount } : {}), ...(listReason ? { listReason } : {}) }];
const review = (daysAgo: number, opinion: string): Step[] => [['submit_review', daysAgo + 1], ['review', daysAgo, { legalReviewOpinion: opinion }]];
const SCJ = ['DEMO-ZF-001', 'DEMO-ZF-002'];
const SCJ2 = ['DEMO-ZF-003', 'DEMO-ZF-005'];

function demoCases(lastYearDays: number): DemoCase[] {
  return [
    { body: 'ZFZT-SCJ', officers: SCJ, kind: 'penalty', cause: '经营超过保质期的食品', party: ['organisation', '示范县惠民生鲜超市有限公司'], basis: '《中华人民共和国食品安全法》第一百二十四条', opened: 75, by: 'officer', steps: [], records: [['filing', 'document', '立案审批表', 75], ['investigation', 'video', '现场检查执法记录仪录像（2段）', 74], ['investigation', 'document', '现场笔录、询问笔录', 74]] },
    { body: 'ZFZT-SCJ', officers: SCJ2, kind: 'penalty', cause: '未按规定公示年度报告', party: ['organisation', '示范县明远商贸有限公司'], basis: '《企业信息公示暂行条例》第十八条', opened: 96, by: 'officer', steps: [] },
    { body: 'ZFZT-SCJ', officers: SCJ, kind: 'penalty', cause: '生产销售不符合食品安全标准的食品', party: ['organisation', '示范县青禾食品加工厂'], basis: '《中华人民共和国食品安全法》第一百二十四条第一款', opened: 40, major: true, by: 'officer', steps: [['submit_review', 3]], records: [['investigation', 'photo', '抽样检验现场照片', 39], ['investigation', 'document', '检验报告', 30], ['review', 'document', '听证笔录', 10]] },
    { body: 'ZFZT-SCJ', officers: SCJ2, kind: 'penalty', cause: '首次未按规定公示年度报告，责令改正后仍未改正', party: ['organisation', '示范县长兴建材经营部'], basis: '《企业信息公示暂行条例》第十八条', opened: 60, listItem: 'DEMO-QD-1', by: 'officer', steps: [decide(30, 'imposed', '罚款人民币二千元', 2000, '责令限期改正后逾期仍未改正，不属于首违不罚情形'), ['disclose', 27]] },
    { body: 'ZFZT-SCJ', officers: SCJ, kind: 'licence', cause: '食品经营许可', party: ['organisation', '示范县好味道餐饮店'], basis: '《中华人民共和国食品安全法》第三十五条', opened: 12, by: 'officer', steps: [decide(2, 'imposed', '准予食品经营许可')] },
    { body: 'ZFZT-SCJ', officers: SCJ2, kind: 'inspection', cause: '特种设备使用单位监督检查', party: ['organisation', '示范县人民医院'], basis: '《中华人民共和国特种设备安全法》第五十七条', opened: 20, by: 'officer', steps: [decide(18, 'concluded', '检查未发现问题'), ['disclose', 15]] },
    { body: 'ZFZT-CGJ', officers: ['DEMO-ZF-006', 'DEMO-ZF-007'], kind: 'coercion', cause: '强制拆除违法建设', party: ['person', '刘建军'], basis: '《中华人民共和国城乡规划法》第六十八条', opened: 90, major: true, steps: [...review(50, '事实清楚，证据确凿，程序合法，同意实施强制拆除'), decide(45, 'imposed', '限期自行拆除，逾期依法强制拆除'), ['disclose', 41]], records: [['service', 'document', '强制拆除决定书送达回证', 44], ['execution', 'video', '强制拆除全过程录像', 20]] },
    { body: 'ZFZT-CGJ', officers: ['DEMO-ZF-006', 'DEMO-ZF-008'], kind: 'penalty', cause: '擅自设置大型户外广告', party: ['organisation', '示范县星光广告传媒有限公司'], basis: '《城市市容和环境卫生管理条例》第三十六条', opened: 70, steps: [decide(40, 'imposed', '罚款人民币五千元，责令限期拆除', 5000), ['disclose', 36], ['revoke', 1, undefined, '行政复议决定撤销原处罚决定']] },
    { body: 'ZFZT-STJ', officers: ['DEMO-ZF-011', 'DEMO-ZF-012'], kind: 'penalty', cause: '超标排放大气污染物', party: ['organisation', '示范县宏达砖厂'], basis: '《中华人民共和国大气污染防治法》第九十九条', opened: 100, major: true, steps: [...review(60, '同意'), decide(55, 'imposed', '罚款人民币十万元', 100000), ['disclose', 50], ['revoke', 20, undefined, '原决定被人民法院判决撤销'], ['withdraw', 19]] },
    { body: 'ZFZT-JTJ', officers: ['DEMO-ZF-014', 'DEMO-ZF-015'], kind: 'other', cause: '道路运输经营行为专项检查', party: ['organisation', '示范县通达客运有限公司'], basis: '《中华人民共和国道路运输条例》第六十四条', opened: 8, steps: [] },
    { body: 'ZFZT-NYJ', officers: ['DEMO-ZF-017', 'DEMO-ZF-018'], kind: 'inspection', cause: '农药经营者监督检查', party: ['organisation', '示范县丰收农资店'], basis: '《农药管理条例》第四十一条', opened: 45, steps: [decide(40, 'concluded', '责令整改标签不规范问题'), ['disclose', 5]] },
    { body: 'ZFZT-CGZ', officers: ['DEMO-ZF-020', 'DEMO-ZF-021'], kind: 'penalty', cause: '占道经营', party: ['person', '陈秀英'], basis: '《城市市容和环境卫生管理条例》第三十六条', opened: 25, steps: [decide(20, 'imposed', '罚款人民币二百元', 200), ['disclose', 18]] },
    { body: 'ZFZT-QSZ', officers: ['DEMO-ZF-023', 'DEMO-ZF-024'], kind: 'penalty', cause: '露天焚烧秸秆', party: ['person', '张国庆'], basis: '《中华人民共和国大气污染防治法》第一百一十九条', opened: 6, steps: [] },
    // Decided last year: the annual figures.
    { body: 'ZFZT-SCJ', officers: SCJ, kind: 'penalty', cause: '销售侵犯注册商标专用权的商品', party: ['organisation', '示范县鑫源百货商店'], basis: '《中华人民共和国商标法》第六十条', opened: lastYearDays + 60, by: 'officer', steps: [decide(lastYearDays + 20, 'imposed', '没收侵权商品，罚款人民币一万元', 10000), ['disclose', lastYearDays + 17]] },
    { body: 'ZFZT-CGJ', officers: ['DEMO-ZF-006', 'DEMO-ZF-007'], kind: 'coercion', cause: '查封违法施工现场', party: ['organisation', '示范县恒基建筑工程有限公司'], basis: '《中华人民共和国城乡规划法》第六十八条', opened: lastYearDays + 80, major: true, steps: [...review(lastYearDays + 50, '同意'), decide(lastYearDays + 45, 'imposed', '查封施工现场'), ['disclose', lastYearDays + 10]] },
    { body: 'ZFZT-STJ', officers: ['DEMO-ZF-011', 'DEMO-ZF-012'], kind: 'inspection', cause: '重点排污单位自动监测设施运行检查', party: ['organisation', '示范县宏达砖厂'], basis: '《中华人民共和国大气污染防治法》第二十四条', opened: lastYearDays + 30, steps: [decide(lastYearDays + 28, 'concluded', '检查未发现问题'), ['disclose', lastYearDays + 25]] },
    // Reviewed by shenhe_zhao two days ago: waiting for the market regulator's decision (已审核待决定).
    { body: 'ZFZT-SCJ', officers: SCJ2, kind: 'penalty', cause: '销售未经检验的压力锅', party: ['organisation', '示范县福满家电器商行'], basis: '《中华人民共和国特种设备安全法》第八十二条', opened: 30, major: true, by: 'officer', steps: review(2, '事实清楚，证据确凿，适用法律正确，程序合法；拟处罚款数额在裁量基准范围内，同意作出处罚决定'), records: [['review', 'document', '重大执法决定法制审核意见书', 2]] },
  ];
}

export async function loadDemoCases(platform: Platform, print: (line: string) => void): Promise<void> {
  if (await demoLoaded(platform, print, { table: 'enforcement_cases', ref: 'DEMO-AJ-001', title: '行政执法案件' })) return loadDemoFileReviews(platform, print);
  const office = await actingAs(platform, 'fzb_wang');
  const officer = await actingAs(platform, 'scj_officer');
  const reviewer = await actingAs(platform, 'shenhe_zhao');
  const today = toDayNumber(chinaToday());
  const ago = (n: number) => fromDayNumber(today - n);
  // Days back to the middle of last year's December (every date of a last-year case falls in that year).
  const lastYearDays = today - toDayNumber(`${Number(chinaToday().slice(0, 4)) - 1}-12-20`);
  const refs = async (table: 'enforcement_bodies' | 'enforcement_officers' | 'enforcement_list_items', ref: string) => (await platform.db.selectFrom(table).select('id').where('ref', '=', ref).executeTakeFirstOrThrow()).id;
  let n = 0;
  for (const c of demoCases(lastYearDays)) {
    const actor: RequestContext = c.by === 'officer' ? officer : office;
    const input: CaseInput = {
      bodyId: await refs('enforcement_bodies', c.body),
      kind: c.kind,
      cause: c.cause,
      partyKind: c.party[0],
      partyName: c.party[1],
      basis: c.basis,
      major: !!c.major,
      openedDate: ago(c.opened),
      officerIds: await Promise.all(c.officers.map((o) => refs('enforcement_officers', o))),
      ...(c.listItem ? { listItemId: await refs('enforcement_list_items', c.listItem) } : {}),
    };
    const id = await platform.db.transaction().execute((tx) => createCase(tx, platform, actor, actor.scope, { ...input, ref: `DEMO-AJ-${String(++n).padStart(3, '0')}` }));
    for (const [stage, medium, title, daysAgo] of c.records ?? []) {
      await platform.db.transaction().execute((tx) => addCaseRecord(tx, platform, actor, actor.scope, id, { stage, medium, title, reference: `执法档案室 ${ago(daysAgo).slice(0, 4)}-${String(n).padStart(3, '0')}`, date: ago(daysAgo) }));
    }
    for (const [key, daysAgo, values, note] of c.steps) {
      const version = (await platform.db.selectFrom('enforcement_cases').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
      await applyTransition(platform, key === 'review' ? reviewer : actor, CASE_WORKFLOW, id, key, { version, date: ago(daysAgo), values, note });
    }
  }
  print(`行政执法案件演示数据：${n} 件（办理中、法制审核中、已审核待决定、待公示、已公示、撤回公示等各状态）。`);
  await loadDemoFileReviews(platform, print);
}

/** The justice bureau's file review of this year's decided cases: some scored (one failed, in its body's problem pool), the rest waiting. */
async function loadDemoFileReviews(platform: Platform, print: (line: string) => void): Promise<void> {
  if (await demoLoaded(platform, print, { table: 'enforcement_review_campaigns', ref: 'DEMO-PC-001', title: '案卷评查' })) return loadDemoSupervisions(platform, print);
  const office = await actingAs(platform, 'fzb_wang');
  const today = toDayNumber(chinaToday());
  const year = Number(chinaToday().slice(0, 4));
  const start = Math.max(today - 10, toDayNumber(`${year}-01-01`));
  const bureau = (await platform.db.selectFrom('org_units').select('id').where('code', '=', 'SFX-D01').executeTakeFirstOrThrow()).id;
  const id = await platform.db.transaction().execute((tx) =>
    createCampaign(tx, platform, office, office.scope, { ref: 'DEMO-PC-001', title: `${year}年度行政执法案卷评查`, unitId: bureau, startDate: fromDayNumber(start), passMark: 80, reviewers: '司法局行政执法监督科、县政府法律顾问' }),
  );
  const sampled = await platform.db.transaction().execute((tx) => sampleFiles(tx, platform, office, office.scope, id, { year, count: 8 }).catch(() => 0));
  const files = await platform.db.selectFrom('enforcement_file_reviews').select(['id', 'version']).where('campaign_id', '=', id).orderBy('id').execute();
  // Scored on the default sheet's six lines (10/25/20/25/10/10); the last as a total only, as an import would.
  const scores: [number[] | number, string?][] = [
    [[10, 23, 18, 23, 9, 9]],
    [[10, 21, 17, 20, 8, 9]],
    [[10, 20, 15, 12, 6, 9], '行政处罚告知书未载明陈述申辩期限；执法记录仪录像未随卷归档'],
    [88],
  ];
  for (const [i, f] of files.slice(0, scores.length).entries()) {
    const [points, problems] = scores[i]!;
    const score = typeof points === 'number' ? { score: points } : { lineScores: points };
    await platform.db.transaction().execute((tx) => scoreFile(tx, platform, office, office.scope, f.id, { version: f.version, reviewedDate: fromDayNumber(Math.min(today, start + 2 + i)), ...score, problems }));
  }
  print(`案卷评查演示数据：评查活动 1 次，抽取案卷 ${sampled} 份，已评分 ${Math.min(files.length, scores.length)} 份。`);
  await loadDemoSupervisions(platform, print);
}

/** The bureau's supervision: one closed without findings, one opinion waiting for the market regulator's correction, one escalated to a decision. */
async function loadDemoSupervisions(platform: Platform, print: (line: string) => void): Promise<void> {
  if (await demoLoaded(platform, print, { table: 'enforcement_supervisions', ref: 'DEMO-JD-001', title: '行政执法监督' })) return loadDemoComplaints(platform, print);
  const office = await actingAs(platform, 'fzb_wang');
  const today = toDayNumber(chinaToday());
  const ago = (n: number) => fromDayNumber(today - n);
  const body = async (ref: string) => (await platform.db.selectFrom('enforcement_bodies').select('id').where('ref', '=', ref).executeTakeFirstOrThrow()).id;
  const items: [ref: string, body: string, kind: 'routine' | 'key' | 'special', title: string, started: number, findings: string | undefined, steps: Step[]][] = [
    ['DEMO-JD-001', 'ZFZT-NYJ', 'routine', '农业执法案卷日常监督', 60, undefined, [['close_clean', 50, undefined, '抽查案卷未发现问题']]],
    ['DEMO-JD-002', 'ZFZT-SCJ', 'key', '行政处罚决定公示情况重点监督', 20, '2件行政处罚决定超过7个工作日公示', [['issue_opinion', 12, { opinion: '请于30日内补充公示并建立公示台账，报送整改情况' }]]],
    ['DEMO-JD-003', 'ZFZT-CGJ', 'special', '违法建设强制拆除专项监督', 90, '强制拆除未全程录像', [['issue_opinion', 80, { opinion: '完善强制执行全过程音像记录制度' }], ['escalate', 40, { decision: '逾期未整改，责令15日内建立执法记录仪使用和归档制度' }]]],
  ];
  for (const [ref, bodyRef, kind, title, started, findings, steps] of items) {
    const bodyId = await body(bodyRef);
    const id = await platform.db.transaction().execute((tx) => createSupervision(tx, platform, office, office.scope, { ref, bodyId, kind, title, startDate: ago(started), findings }));
    for (const [key, daysAgo, values, note] of steps) {
      const version = (await platform.db.selectFrom('enforcement_supervisions').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
      await applyTransition(platform, office, SUPERVISION_WORKFLOW, id, key, { version, date: ago(daysAgo), values, note });
    }
  }
  // 执法评议 of the body supervised without findings.
  const rated = await platform.db.selectFrom('enforcement_supervisions').select(['id', 'version']).where('ref', '=', 'DEMO-JD-001').executeTakeFirstOrThrow();
  await platform.db.transaction().execute((tx) => evaluateSupervision(tx, platform, office, office.scope, rated.id, { version: rated.version, evaluationDate: ago(50), evaluationResult: 'good', evaluationNote: '案卷规范，执法程序合法，个别文书送达回证填写不完整' }));
  print(`行政执法监督演示数据：${items.length} 次（日常、重点、专项；监督意见书、监督决定书各 1 份；执法评议 1 次）。`);
  await loadDemoComplaints(platform, print);
}

/**
 * 投诉举报: answered in time and late (one last year, for the figures), one past its deadline, one
 * for 城关镇 (cgz_liaison's work), one received by the bureau and assigned (交办) to the market
 * regulator; then 两法衔接: a transfer waiting for the police's decision and one the police filed.
 */
async function loadDemoComplaints(platform: Platform, print: (line: string) => void): Promise<void> {
  if (await demoLoaded(platform, print, { table: 'enforcement_complaints', ref: 'DEMO-TS-001', title: '投诉举报' })) return;
  const office = await actingAs(platform, 'fzb_wang');
  const today = toDayNumber(chinaToday());
  const ago = (n: number) => fromDayNumber(today - n);
  const lastYear = toDayNumber(`${Number(chinaToday().slice(0, 4)) - 1}-11-02`);
  const body = async (ref: string) => (await platform.db.selectFrom('enforcement_bodies').select('id').where('ref', '=', ref).executeTakeFirstOrThrow()).id;
  const bureau = (await platform.db.selectFrom('org_units').select('id').where('code', '=', 'SFX-D01').executeTakeFirstOrThrow()).id;
  type Item = { ref: string; body?: string; kind: 'complaint' | 'report'; channel: RecordInput<typeof COMPLAINT>['channel']; received: number; name: string; phone: string; content: string; reply?: [daysAgo: number, result: string, text: string]; assign?: string };
  const items: Item[] = [
    { ref: 'DEMO-TS-001', body: 'ZFZT-SCJ', kind: 'complaint', channel: 'window', received: 20, name: '周某', phone: '13807360001', content: '市场监管执法人员检查店铺时未出示执法证件', reply: [8, 'partly', '经核查，执法人员已出示执法证件但未主动告知检查事项，已责令规范亮证执法并告知检查依据。'] },
    { ref: 'DEMO-TS-002', body: 'ZFZT-CGJ', kind: 'report', channel: 'hotline', received: 45, name: '吴某', phone: '13807360002', content: '城管执法人员暂扣物品后未开具清单' },
    { ref: 'DEMO-TS-003', body: 'ZFZT-CGZ', kind: 'complaint', channel: 'phone', received: 3, name: '郑某', phone: '13807360003', content: '城关镇综合执法办公室对占道经营处罚过重' },
    { ref: 'DEMO-TS-004', kind: 'report', channel: 'mail', received: 6, name: '王某', phone: '13807360004', content: '某食品店多次被举报销售过期食品，执法部门未查处', assign: 'ZFZT-SCJ' },
    { ref: 'DEMO-TS-005', body: 'ZFZT-JTJ', kind: 'complaint', channel: 'window', received: today - lastYear, name: '冯某', phone: '13807360005', content: '交通执法人员对同一违法行为重复罚款', reply: [today - lastYear - 30, 'unsubstantiated', '经核查，两次处罚系不同违法行为，不存在重复处罚。'] },
  ];
  for (const it of items) {
    // Read before the transaction: SQLite's one connection is the transaction's until it ends.
    const to = it.body ? { bodyId: await body(it.body) } : { unitId: bureau };
    const id = await platform.db.transaction().execute((tx) =>
      createComplaint(tx, platform, office, office.scope, { ref: it.ref, receivedDate: ago(it.received), kind: it.kind, channel: it.channel, complainantName: it.name, complainantPhone: it.phone, content: it.content, ...to }),
    );
    const version = async () => (await platform.db.selectFrom('enforcement_complaints').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
    if (it.assign) {
      const bodyId = await body(it.assign);
      const v = await version();
      await platform.db.transaction().execute((tx) => assignComplaint(tx, platform, office, office.scope, id, v, bodyId));
    }
    if (it.reply) await applyTransition(platform, office, COMPLAINT_WORKFLOW, id, 'reply', { version: await version(), date: ago(it.reply[0]), values: { result: it.reply[1], replyContent: it.reply[2] } });
  }
  const caseOf = async (ref: string) => (await platform.db.selectFrom('enforcement_cases').select('id').where('ref', '=', ref).executeTakeFirstOrThrow()).id;
  const pending = await caseOf('DEMO-AJ-003');
  const filed = await caseOf('DEMO-AJ-009');
  await platform.db.transaction().execute(async (tx) => {
    await createTransfer(tx, platform, office, office.scope, { ref: 'DEMO-YS-001', caseId: pending, organ: '示范县公安局', transferDate: ago(5), suspectedCrime: '生产、销售不符合安全标准的食品罪' });
    const id = await createTransfer(tx, platform, office, office.scope, { ref: 'DEMO-YS-002', caseId: filed, organ: '示范县公安局', transferDate: ago(58), suspectedCrime: '污染环境罪' });
    await recordTransferResult(tx, platform, office, office.scope, id, { version: 1, result: 'filed', resultDate: ago(52), resultNote: '公安机关已立案侦查' });
  });
  print(`投诉举报演示数据：${items.length} 件（按期答复、逾期未答复、交办等）；移送涉嫌犯罪案件 2 件。`);
}
