// The demo county's service item list (with one change to the list and one item moved out), three
// years of monthly case volumes, and ratings whose 差评 are in every follow-up state — rectified and
// verified, being rectified, overdue, under appeal and upheld. Idempotent by ref.
import type { Platform } from '../../kernel/platform.ts';
import type { Tx } from '../../kernel/db/index.ts';
import { applyTransition } from '../../kernel/workflow/engine.ts';
import { actingAs } from '../../kernel/auth/acting-as.ts';
import { chinaToday, fromDayNumber, toDayNumber } from '../../kernel/calendar/days.ts';
import { demoStart } from '../../kernel/demo.ts';
import { SERVICE_ITEM_WORKFLOW, SERVICE_RATING_WORKFLOW, type RatingLevel, type ServiceItemKind } from '../../../shared/schemas/services.ts';
import { createCase, createItem, createRating, reviseItem } from './services.ts';

type Flags = `${0 | 1}${0 | 1}${0 | 1}${0 | 1}${0 | 1}`; // 最多跑一次 网上可办 零跑腿 即办 告知承诺
const ITEMS: [unit: string, code: string, name: string, kind: ServiceItemKind, statutory: number | null, promised: number | null, flags: Flags][] = [
  ['SFX-D26', '000105001000', '食品经营许可', 'licence', 20, 5, '11000'],
  ['SFX-D26', '000105002000', '药品零售企业经营许可', 'licence', 30, 10, '11000'],
  ['SFX-D26', '000107003000', '建设工程规划许可证核发', 'licence', 20, 7, '11000'],
  ['SFX-D26', '000108001000', '建筑工程施工许可证核发', 'licence', 15, 3, '11001'],
  ['SFX-D26', '000117002000', '公共场所卫生许可', 'licence', 20, 5, '11101'],
  ['SFX-D26', '000109004000', '道路货物运输经营许可', 'licence', 20, 5, '11100'],
  ['SFX-D26', '000114001000', '取水许可', 'licence', 45, 15, '11000'],
  ['SFX-D26', '000119001000', '娱乐场所经营活动审批', 'licence', 20, 8, '11000'],
  ['SFX-D21', '000121001000', '个体工商户登记', 'confirmation', 15, 1, '11110'],
  ['SFX-D21', '000121002000', '企业设立登记', 'confirmation', 15, 1, '11110'],
  ['SFX-D21', '000121005000', '特种设备使用登记', 'confirmation', 15, 5, '11100'],
  ['SFX-D05', '000104001000', '居民身份证换领', 'public_service', 60, 30, '10000'],
  ['SFX-D05', '000104002000', '户口迁移（省内）', 'confirmation', 20, 3, '11100'],
  ['SFX-D05', '000104005000', '无犯罪记录证明开具', 'public_service', 5, 1, '11110'],
  ['SFX-D06', '000106001000', '婚姻登记', 'confirmation', null, 0, '10010'],
  ['SFX-D06', '000106003000', '最低生活保障审核确认', 'payment', 30, 20, '11000'],
  ['SFX-D06', '000106004000', '残疾人两项补贴申领', 'payment', 20, 10, '11100'],
  ['SFX-D08', '000108101000', '失业保险金申领', 'payment', 10, 3, '11100'],
  ['SFX-D08', '000108102000', '就业创业证申领', 'public_service', 5, 0, '11110'],
  ['SFX-D08', '000108105000', '职工养老保险关系转移', 'public_service', 45, 15, '11100'],
  ['SFX-D09', '000109101000', '不动产登记（首次登记）', 'confirmation', 30, 5, '11000'],
  ['SFX-D09', '000109102000', '不动产抵押登记', 'confirmation', 30, 1, '11100'],
  ['SFX-D11', '000111001000', '商品房预售许可', 'licence', 20, 7, '11000'],
  ['SFX-D12', '000112001000', '道路运输从业人员资格证核发', 'licence', 20, 5, '11100'],
  ['SFX-D14', '000114101000', '农药经营许可', 'licence', 20, 10, '11000'],
  ['SFX-D17', '000117101000', '医师执业注册', 'licence', 20, 5, '11100'],
  ['SFX-D23', '000123001000', '异地就医备案', 'public_service', 5, 0, '11110'],
  ['SFX-D23', '000123002000', '医疗费用零星报销', 'payment', 30, 10, '11000'],
  ['SFX-T01', 'T01-0001', '农村宅基地用地审批（初审）', 'licence', 20, 10, '00000'],
  ['SFX-T01', 'T01-0002', '高龄津贴申领', 'payment', 20, 5, '11100'],
  ['SFX-T02', 'T02-0001', '居住证申领（受理）', 'public_service', 15, 7, '11000'],
  ['SFX-T02', 'T02-0002', '计划生育家庭特别扶助金申领', 'payment', 20, 10, '11000'],
];

// 好评率 about 98%: the rest 基本满意 (the 差评 come below, each with its follow-up).
const LEVELS: RatingLevel[] = [...Array<RatingLevel>(14).fill('very_satisfied'), 'satisfied', 'very_satisfied', 'satisfied', 'very_satisfied', 'satisfied', 'very_satisfied', 'satisfied', 'very_satisfied', 'satisfied', 'very_satisfied', 'satisfied', 'very_satisfied', 'satisfied', 'very_satisfied', 'satisfied', 'very_satisfied', 'satisfied', 'very_satisfied', 'satisfied', 'very_satisfied', 'satisfied', 'very_satisfied', 'satisfied', 'very_satisfied', 'satisfied', 'very_satisfied', 'satisfied', 'very_satisfied', 'satisfied', 'very_satisfied', 'satisfied', 'very_satisfied', 'satisfied', 'very_satisfied', 'satisfied', 'very_satisfied', 'satisfied', 'very_satisfied', 'satisfied', 'basically'];

export async function loadDemoServices(platform: Platform, print: (line: string) => void): Promise<void> {
  const demo = await demoStart(platform, print, { table: 'service_items', ref: 'DEMO-SX-0', title: '政务服务' });
  if (!demo) return;
  const { office, units, today } = demo;
  const year = Number(chinaToday().slice(0, 4));
  const first = `${year - 2}-01-01`;
  const tx = <T>(run: (t: Tx) => Promise<T>) => platform.db.transaction().execute(run);
  const itemIds: string[] = [];
  for (const [i, [unit, code, name, kind, statutory, promised, f]] of ITEMS.entries()) {
    const [maxOneVisit, online, zeroVisit, immediate, notifyCommit] = [...f].map((c) => c === '1');
    itemIds.push(
      await tx((t) => createItem(t, platform, office, office.scope, { ref: `DEMO-SX-${i}`, unitId: units.get(unit)!, code, name, kind, statutoryDays: statutory ?? undefined, promisedDays: promised ?? undefined, maxOneVisit, online, zeroVisit, immediate, notifyCommit, listedFrom: first })),
    );
  }
  // 清单调整: the building permit's promised limit cut from 3 to 1 working day from 1 July last year.
  const revised = await tx((t) => reviseItem(t, platform, office, office.scope, itemIds[3]!, { version: 1, name: '建筑工程施工许可证核发', kind: 'licence', statutoryDays: 15, promisedDays: 1, maxOneVisit: true, online: true, zeroVisit: false, immediate: false, notifyCommit: true, listedFrom: `${year - 1}-07-01` }));
  const current = [...itemIds];
  current[3] = revised;
  // Moved out of the list (merged into 婚姻登记) in the first year.
  const gone = await tx((t) => createItem(t, platform, office, office.scope, { ref: 'DEMO-SX-GONE', unitId: units.get('SFX-D06')!, code: '000106002000', name: '婚姻登记档案查询', kind: 'public_service', statutoryDays: 5, promisedDays: 1, maxOneVisit: true, online: false, zeroVisit: false, immediate: false, notifyCommit: false, listedFrom: first }));
  await applyTransition(platform, office, SERVICE_ITEM_WORKFLOW, gone, 'delist', { version: 1, date: `${year - 2}-09-01`, note: '并入婚姻登记事项' });

  // Case volumes: every item, every month up to last month; volumes grow a little each year.
  const thisMonth = chinaToday().slice(0, 7);
  let cases = 0;
  for (const [i] of ITEMS.entries()) {
    for (const y of [year - 2, year - 1, year]) {
      for (let m = 1; m <= 12; m++) {
        const month = `${y}-${String(m).padStart(2, '0')}`;
        if (month >= thisMonth) continue;
        const itemId = i === 3 && month >= `${year - 1}-07` ? revised : itemIds[i]!;
        const count = Math.round((20 + ((i * 37) % 180)) * (1 + 0.12 * (y - year + 2)) * (m === 2 ? 0.6 : 1) * (1 + ((i + m) % 5) / 10));
        await tx((t) => createCase(t, platform, office, office.scope, { ref: `DEMO-BJ-${i}-${month}`, itemId, month, count }));
        cases++;
      }
    }
  }

  // Ratings: ~15 a month across the items, mostly 非常满意/满意; a few 差评 with their follow-ups.
  let ratings = 0;
  for (const y of [year - 2, year - 1, year]) {
    for (let k = 0; k < 180; k++) {
      const day = toDayNumber(`${y}-01-03`) + Math.floor(k * 2);
      if (day > today - 1) break;
      const date = fromDayNumber(day);
      const i = (k * 7 + y) % ITEMS.length;
      const itemId = i === 3 && date >= `${year - 1}-07-01` ? revised : itemIds[i]!;
      await tx((t) => createRating(t, platform, office, office.scope, { ref: `DEMO-PJ-${y}-${k}`, itemId, receivedDate: date, level: LEVELS[k % LEVELS.length]!, named: k % 3 === 0, channel: k % 2 ? 'window' : 'portal' }));
      ratings++;
    }
  }
  // 差评 and their follow-ups (the unit's liaison acts; the law office verifies and decides appeals).
  const bad: [ref: string, item: number, daysAgo: number, level: RatingLevel, named: boolean, path: 'closed' | 'submitted' | 'rectifying' | 'pending' | 'appealing' | 'voided'][] = [
    ['DEMO-CP-1', 0, 700, 'unsatisfied', true, 'closed'],
    ['DEMO-CP-2', 11, 560, 'very_unsatisfied', false, 'closed'],
    ['DEMO-CP-3', 20, 420, 'unsatisfied', true, 'voided'],
    ['DEMO-CP-4', 15, 300, 'unsatisfied', true, 'closed'],
    ['DEMO-CP-5', 27, 120, 'very_unsatisfied', true, 'closed'],
    ['DEMO-CP-6', 12, 40, 'unsatisfied', false, 'pending'], // overdue: red
    ['DEMO-CP-7', 28, 12, 'unsatisfied', true, 'rectifying'],
    ['DEMO-CP-8', 9, 8, 'very_unsatisfied', true, 'submitted'],
    ['DEMO-CP-9', 18, 5, 'unsatisfied', false, 'appealing'],
    ['DEMO-CP-10', 29, 2, 'unsatisfied', true, 'pending'],
  ];
  const liaisons = new Map<string, Awaited<ReturnType<typeof actingAs>>>();
  for (const [ref, i, ago, level, named, path] of bad) {
    const day = today - ago;
    const itemId = i === 3 ? revised : current[i]!;
    const id = await tx((t) => createRating(t, platform, office, office.scope, { ref, itemId, receivedDate: fromDayNumber(day), level, named, channel: 'portal', caseNumber: `BJ${fromDayNumber(day).replaceAll('-', '')}${String(i).padStart(4, '0')}`, comment: '窗口办理时间过长，材料多次退回补正。', raterName: named ? '张先生' : undefined, raterPhone: named ? '13800138000' : undefined }));
    ratings++;
    const code = ITEMS[i]![0];
    const username = `lly_${code.toLowerCase().replaceAll('-', '_')}`;
    if (!liaisons.has(username)) liaisons.set(username, await actingAs(platform, username));
    const liaison = liaisons.get(username)!;
    let version = 1;
    const act = async (who: typeof office, key: string, offset: number, values?: Record<string, unknown>, note?: string) => {
      await applyTransition(platform, who, SERVICE_RATING_WORKFLOW, id, key, { version, date: fromDayNumber(Math.min(day + offset, today)), values, note });
      version++;
    };
    if (path === 'pending') continue;
    if (path === 'appealing' || path === 'voided') {
      await act(liaison, 'appeal', 2, { appealReason: '经调取窗口录像，评价人当日未到窗口办理该事项，系误评。' });
      if (path === 'voided') await act(office, 'uphold_appeal', 6, { appealDecision: '经核实，评价与办件记录不符，申诉成立，不计入差评。' });
      continue;
    }
    if (named) await act(liaison, 'revisit', 2, { revisitResult: '已电话回访评价人，说明补正要求并致歉，评价人表示理解。' });
    if (path === 'rectifying') continue; // called back, rectification under way
    await act(liaison, 'rectify', 7, { rectification: '印发一次性告知清单，压减重复提交材料 3 项，对窗口人员开展服务规范培训。' });
    if (path === 'closed') await act(office, 'verify', 10);
  }
  print(`政务服务演示数据：事项 ${ITEMS.length + 1} 项（含清单调整版本 1 个、移出清单 1 项），办件量 ${cases} 条，评价 ${ratings} 条（差评 ${bad.length} 条）。`);
}
