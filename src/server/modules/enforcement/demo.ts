// The demo county's enforcement registers: bodies of departments and two towns (one with powers
// delegated to it), officers with certificates (some expiring within 90 days, one expired, one who
// left, one struck off), the justice bureau's supervisors, training hours. Idempotent by ref.
import type { Platform } from '../../kernel/platform.ts';
import { actingAs } from '../../kernel/auth/acting-as.ts';
import { applyTransition } from '../../kernel/workflow/engine.ts';
import { chinaToday, fromDayNumber, toDayNumber } from '../../kernel/calendar/days.ts';
import { idNumberCheckChar } from '../../../shared/validators.ts';
import { OFFICER_WORKFLOW } from '../../../shared/schemas/enforcement.ts';
import { addPower, createBody } from './bodies.ts';
import { addTraining, createOfficer } from './officers.ts';
import { createListItem, repealListItem } from './lists.ts';
import { loadDemoCases } from './demo-cases.ts';

type Kind = 'statutory' | 'authorized' | 'entrusted';
const BODIES: [ref: string, unit: string, name: string, kind: Kind, basis: string, entrustedBy?: string][] = [
  ['ZFZT-SCJ', 'SFX-D21', '示范县市场监督管理局', 'statutory', '《中华人民共和国行政处罚法》第十七条；《市场监督管理行政处罚程序规定》'],
  ['ZFZT-CGJ', 'SFX-D25', '示范县城市管理综合执法局', 'statutory', '《湖南省城市综合管理条例》'],
  ['ZFZT-STJ', 'SFX-D10', '示范县生态环境保护综合行政执法大队', 'entrusted', '《中华人民共和国行政处罚法》第二十条', '示范县生态环境分局'],
  ['ZFZT-JTJ', 'SFX-D12', '示范县交通运输综合行政执法大队', 'authorized', '《湖南省交通运输综合行政执法条例》'],
  ['ZFZT-NYJ', 'SFX-D14', '示范县农业综合行政执法大队', 'authorized', '《中华人民共和国农产品质量安全法》'],
  ['ZFZT-SFJ', 'SFX-D01', '示范县司法局（行政执法监督机构）', 'statutory', '《行政执法监督条例》（国务院令第825号）第六条'],
  ['ZFZT-CGZ', 'SFX-T01', '示范县城关镇人民政府（综合行政执法办公室）', 'statutory', '《中华人民共和国行政处罚法》第二十四条；《示范县乡镇（街道）赋权事项清单》'],
  ['ZFZT-QSZ', 'SFX-T04', '示范县青山镇人民政府（综合行政执法办公室）', 'statutory', '《中华人民共和国行政处罚法》第二十四条'],
];
const POWERS: [body: string, title: string, category: string, basis: string, delegatedBy?: string][] = [
  ['ZFZT-SCJ', '对未按规定公示年度报告的处罚', 'penalty', '《企业信息公示暂行条例》第十八条'],
  ['ZFZT-SCJ', '对食品生产经营者的监督检查', 'inspection', '《中华人民共和国食品安全法》第一百一十条'],
  ['ZFZT-SCJ', '查封、扣押不符合食品安全标准的食品', 'coercion', '《中华人民共和国食品安全法》第一百一十条第四项'],
  ['ZFZT-CGJ', '对擅自设置大型户外广告的处罚', 'penalty', '《城市市容和环境卫生管理条例》第三十六条'],
  ['ZFZT-CGJ', '对违法建设的强制拆除', 'coercion', '《中华人民共和国城乡规划法》第六十八条'],
  ['ZFZT-STJ', '对超标排放污染物的处罚', 'penalty', '《中华人民共和国大气污染防治法》第九十九条'],
  ['ZFZT-JTJ', '对未取得道路运输经营许可擅自经营的处罚', 'penalty', '《中华人民共和国道路运输条例》第六十三条'],
  ['ZFZT-NYJ', '对农药经营者的监督检查', 'inspection', '《农药管理条例》第四十一条'],
  ['ZFZT-CGZ', '对占道经营的处罚', 'penalty', '《城市市容和环境卫生管理条例》第三十六条', '示范县城市管理综合执法局'],
  ['ZFZT-CGZ', '对在城市道路上乱倒垃圾的处罚', 'penalty', '《城市市容和环境卫生管理条例》第三十四条', '示范县城市管理综合执法局'],
  ['ZFZT-CGZ', '对违反规定焚烧秸秆的处罚', 'penalty', '《中华人民共和国大气污染防治法》第一百一十九条', '示范县生态环境分局'],
  ['ZFZT-CGZ', '对未取得乡村建设规划许可证进行建设的处罚', 'penalty', '《中华人民共和国城乡规划法》第六十五条', '示范县自然资源局'],
  ['ZFZT-QSZ', '对违反规定焚烧秸秆的处罚', 'penalty', '《中华人民共和国大气污染防治法》第一百一十九条', '示范县生态环境分局'],
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林'];
const GIVEN = ['建国', '丽华', '志强', '秀英', '海峰', '晓明', '红梅', '国庆', '文静', '立新', '春燕', '卫东'];

/** A checksum-valid demo ID number (GB 11643-1999) for the n-th officer. */
function demoIdNumber(n: number): string {
  const first17 = `430821${1970 + (n % 30)}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}${String(100 + n).slice(-3)}`;
  return first17 + idNumberCheckChar(first17);
}

export async function loadDemoEnforcement(platform: Platform, print: (line: string) => void): Promise<void> {
  if (await platform.db.selectFrom('enforcement_bodies').select('id').where('ref', '=', 'ZFZT-SCJ').executeTakeFirst()) {
    print('行政执法演示数据：已存在。');
    await loadDemoCases(platform, print);
    return;
  }
  const office = await actingAs(platform, 'fzb_wang');
  const units = new Map((await platform.db.selectFrom('org_units').select(['id', 'code']).execute()).map((u) => [u.code, u.id]));
  const today = toDayNumber(chinaToday());
  const year = Number(chinaToday().slice(0, 4));
  const bodies = new Map<string, string>();
  await platform.db.transaction().execute(async (tx) => {
    for (const [ref, unit, name, kind, basis, entrustedBy] of BODIES) bodies.set(ref, await createBody(tx, platform, office, office.scope, { ref, unitId: units.get(unit)!, name, kind, basis, entrustedBy }));
    for (const [body, title, category, basis, delegatedBy] of POWERS) {
      await addPower(tx, platform, office, office.scope, bodies.get(body)!, { title, category: category as any, basis, delegated: !!delegatedBy, delegatedBy, delegatedDate: delegatedBy ? `${year - 2}-07-01` : undefined });
    }
  });
  // Officers per body: [count, supervisors]; certificates mostly valid for years, some near their end.
  let n = 0;
  const scripts: { body: string; supervisor?: boolean; validUntil: number; leave?: boolean; cancel?: boolean; uncertified?: boolean }[] = [];
  for (const ref of ['ZFZT-SCJ', 'ZFZT-CGJ', 'ZFZT-STJ', 'ZFZT-JTJ', 'ZFZT-NYJ', 'ZFZT-CGZ', 'ZFZT-QSZ']) {
    for (let i = 0; i < (ref === 'ZFZT-SCJ' || ref === 'ZFZT-CGJ' ? 5 : 3); i++) scripts.push({ body: ref, validUntil: today + 400 + 200 * i });
  }
  scripts[1]!.validUntil = today + 30; // expiring within 90 days
  scripts[6]!.validUntil = today + 75; // expiring within 90 days
  scripts[9]!.validUntil = today - 10; // expired, not renewed
  scripts[3]!.leave = true;
  scripts[12]!.cancel = true;
  scripts.push({ body: 'ZFZT-CGZ', validUntil: 0, uncertified: true });
  scripts.push({ body: 'ZFZT-SFJ', supervisor: true, validUntil: today + 900 }, { body: 'ZFZT-SFJ', supervisor: true, validUntil: today + 60 });
  for (const s of scripts) {
    const issued = s.validUntil ? Math.min(today - 30, s.validUntil - 5 * 365 + 1) : 0;
    const name = `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 5) % GIVEN.length]}`;
    const id = await platform.db.transaction().execute((tx) =>
      createOfficer(tx, platform, office, office.scope, {
        ref: `DEMO-ZF-${String(n + 1).padStart(3, '0')}`,
        bodyId: bodies.get(s.body)!,
        name,
        idNumber: demoIdNumber(n),
        post: s.supervisor ? '行政执法监督科科员' : n % 4 === 0 ? '执法队长' : '执法队员',
        supervisor: !!s.supervisor,
        ...(s.uncertified ? {} : { certificateNumber: `4308${s.supervisor ? '9' : '0'}${String(2100000 + n * 37)}`, certificateIssuedDate: fromDayNumber(issued), certificateValidUntil: fromDayNumber(s.validUntil) }),
      }),
    );
    n++;
    for (const [k, [month, hours]] of ([[3, 24], [6, 16], [10, 24]] as const).entries()) {
      const date = toDayNumber(`${year}-${String(month).padStart(2, '0')}-15`);
      if (date > today || (n % 3 === 0 && k === 2)) continue;
      await platform.db.transaction().execute((tx) => addTraining(tx, platform, office, office.scope, id, { date: fromDayNumber(date), title: ['行政处罚法专题培训', '执法文书制作与案卷规范', '行政执法监督条例解读'][k]!, hours }));
    }
    const version = async () => (await platform.db.selectFrom('enforcement_officers').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
    if (s.leave) await applyTransition(platform, office, OFFICER_WORKFLOW, id, 'leave', { version: await version(), date: fromDayNumber(today - 20), note: '调离执法岗位' });
    if (s.cancel) await applyTransition(platform, office, OFFICER_WORKFLOW, id, 'cancel', { version: await version(), date: fromDayNumber(today - 40), note: '退休，注销执法资格' });
  }
  const items = await loadDemoLists(platform, office, bodies, year);
  print(`行政执法演示数据：执法主体 ${BODIES.length} 个（赋权事项 ${POWERS.filter((p) => p[4]).length} 项），执法人员与监督人员 ${n} 人，四张清单与检查事项 ${items} 项。`);
  await loadDemoCases(platform, print);
}

const LIST_ITEMS: [body: string, list: string, title: string, basis: string][] = [
  ['ZFZT-SCJ', 'no_penalty', '首次未按规定公示年度报告且在责令期限内改正的', '《中华人民共和国行政处罚法》第三十三条第一款'],
  ['ZFZT-SCJ', 'no_penalty', '销售者不知道所售商品为侵权商品且能证明合法取得并说明提供者的', '《中华人民共和国商标法》第六十条第二款'],
  ['ZFZT-SCJ', 'lighter', '主动消除或者减轻违法行为危害后果的', '《中华人民共和国行政处罚法》第三十二条第一项'],
  ['ZFZT-SCJ', 'mitigated', '配合市场监管部门查处违法行为有立功表现的', '《中华人民共和国行政处罚法》第三十二条第四项'],
  ['ZFZT-SCJ', 'no_coercion', '违法行为情节显著轻微且不具有社会危害性的，不予查封、扣押', '《中华人民共和国行政强制法》第十六条第二款'],
  ['ZFZT-SCJ', 'inspection_general', '食品经营者经营条件和经营过程的检查', '《中华人民共和国食品安全法》第一百一十条'],
  ['ZFZT-SCJ', 'inspection_general', '企业年度报告公示信息的抽查', '《企业信息公示暂行条例》第十四条'],
  ['ZFZT-SCJ', 'inspection_key', '特种设备使用单位的监督检查', '《中华人民共和国特种设备安全法》第五十七条'],
  ['ZFZT-CGJ', 'no_penalty', '首次在城市道路两侧擅自晾晒物品，经教育及时改正的', '《城市市容和环境卫生管理条例》第三十四条'],
  ['ZFZT-CGJ', 'lighter', '违法建设尚可采取改正措施消除对规划实施的影响且主动改正的', '《中华人民共和国城乡规划法》第六十四条'],
  ['ZFZT-CGJ', 'inspection_general', '户外广告设施设置的检查', '《城市市容和环境卫生管理条例》第十一条'],
  ['ZFZT-STJ', 'no_penalty', '首次超标排放污染物，超标倍数较小且及时改正的', '《中华人民共和国行政处罚法》第三十三条第一款'],
  ['ZFZT-STJ', 'inspection_key', '重点排污单位自动监测设施运行的检查', '《中华人民共和国大气污染防治法》第二十四条'],
  ['ZFZT-JTJ', 'no_coercion', '初次违法且货物装载超限较少，当场卸载的，不予扣留车辆', '《中华人民共和国行政强制法》第十六条第二款'],
  ['ZFZT-CGZ', 'no_penalty', '首次占道经营，经劝导立即改正的', '《中华人民共和国行政处罚法》第三十三条第一款'],
];

async function loadDemoLists(platform: Platform, office: Awaited<ReturnType<typeof actingAs>>, bodies: Map<string, string>, year: number): Promise<number> {
  let n = 0;
  await platform.db.transaction().execute(async (tx) => {
    for (const [body, list, title, basis] of LIST_ITEMS) {
      const id = await createListItem(tx, platform, office, office.scope, { ref: `DEMO-QD-${++n}`, bodyId: bodies.get(body)!, list: list as any, title, basis, publishedDate: `${year - 1}-03-15` });
      // One item replaced this year: repealed, so last year's list is larger than today's.
      if (n === 2) await repealListItem(tx, platform, office, office.scope, id, 1, `${year}-03-01`);
    }
  });
  return n;
}
