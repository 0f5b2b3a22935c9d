// The demo county's legal education and study over three years: duty lists of the departments and
// towns (earlier years rated), activities with their audiences, 160 法律明白人 across the villages
// (some villages short of the target), ten 民主法治示范村 (2 national, 6 provincial, 2 city; one
// revoked, one re-check overdue), and the government's law study. Idempotent by ref.
import type { Platform } from '../../kernel/platform.ts';
import { applyTransition } from '../../kernel/workflow/engine.ts';
import { chinaToday, fromDayNumber, toDayNumber } from '../../kernel/calendar/days.ts';
import { demoStart } from '../../kernel/demo.ts';
import { ACTIVITY_KINDS, LEGAL_LITERATE_WORKFLOW, LITERATE_ROLES, MODEL_VILLAGE_WORKFLOW, PUFA_DUTY_WORKFLOW, type STUDY_SESSION } from '../../../shared/schemas/education.ts';
import type { RecordInput } from '../../../shared/records.ts';
import { activities, createModelVillage, duties, literates, sessions } from './education.ts';

const DUTY_UNITS: [code: string, laws: string][] = [
  ['SFX-D01', '宪法、民法典、行政复议法、人民调解法、法律援助法'],
  ['SFX-D03', '教育法、未成年人保护法、预防未成年人犯罪法'],
  ['SFX-D05', '治安管理处罚法、道路交通安全法、反电信网络诈骗法'],
  ['SFX-D06', '民法典（婚姻家庭编）、老年人权益保障法、社会救助暂行办法'],
  ['SFX-D08', '劳动合同法、社会保险法、保障农民工工资支付条例'],
  ['SFX-D10', '环境保护法、大气污染防治法、水污染防治法'],
  ['SFX-D14', '农村土地承包法、乡村振兴促进法、农产品质量安全法'],
  ['SFX-D17', '基本医疗卫生与健康促进法、传染病防治法、医师法'],
  ['SFX-D21', '食品安全法、消费者权益保护法、产品质量法'],
  ['SFX-T01', '宪法、民法典、村民委员会组织法'],
  ['SFX-T04', '民法典、农村土地承包法、人民调解法'],
  ['SFX-T05', '民法典、森林法、防洪法'],
];
const ACTIVITY_TITLES = ['“宪法进万家”主题宣传活动', '民法典进社区宣讲', '“法治进校园”专题讲座', '反电信网络诈骗宣传', '农民工工资支付政策宣讲', '“美好生活·民法典相伴”主题活动', '食品安全法律知识进企业', '“4·15”全民国家安全教育日宣传', '法治文艺演出进乡村', '“12·4”国家宪法日网络直播'];
const SURNAMES = '张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN = ['明', '华', '强', '芳', '伟', '秀英', '建国', '丽', '军', '红梅', '志刚', '海燕', '德明', '春兰', '国庆', '玉珍'];
// 法律明白人 per village (the demo county's 13 villages; 164 trained, 4 of them left: 160 on the
// register, two villages short of the target of 3).
const PER_VILLAGE = [17, 15, 19, 2, 16, 17, 12, 12, 14, 1, 16, 14, 9];
const VILLAGES: [ref: string, level: 'national' | 'provincial' | 'city', namedYear: number, recheck: 'retain' | 'revoke' | 'overdue' | 'none'][] = [
  ['DEMO-SFC-0', 'national', 2013, 'retain'],
  ['DEMO-SFC-1', 'national', 2019, 'retain'],
  ['DEMO-SFC-2', 'provincial', 2015, 'retain'],
  ['DEMO-SFC-3', 'provincial', 2017, 'retain'],
  ['DEMO-SFC-4', 'provincial', 2018, 'revoke'],
  ['DEMO-SFC-5', 'provincial', 2020, 'overdue'],
  ['DEMO-SFC-6', 'provincial', 2021, 'retain'],
  ['DEMO-SFC-7', 'provincial', 2023, 'retain'],
  ['DEMO-SFC-8', 'city', 2022, 'retain'],
  ['DEMO-SFC-9', 'city', 2024, 'none'],
];

export async function loadDemoEducation(platform: Platform, print: (line: string) => void): Promise<void> {
  const demo = await demoStart(platform, print, { table: 'pufa_activities', ref: 'DEMO-PF-0', title: '普法学法' });
  if (!demo) return;
  const { office, units, today } = demo;
  const year = Number(chinaToday().slice(0, 4));
  const inTx = <T>(run: (tx: any) => Promise<T>) => platform.db.transaction().execute(run);
  const date = (y: number, m: number, d: number) => toDayNumber(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  const counts = { duties: 0, activities: 0, literates: 0, villages: 0, sessions: 0 };

  // Duty lists each year; the law office rates last years' in December.
  for (const y of [year - 2, year - 1, year]) {
    for (const [i, [code, laws]] of DUTY_UNITS.entries()) {
      const id = await inTx((tx) => duties.create(tx, platform, office, office.scope, { ref: `DEMO-PFZR-${y}-${i}`, unitId: units.get(code)!, year: y, laws, actions: '制定年度普法计划，开展“八五”普法宣传，落实以案释法、旁听庭审、法治宣传进机关进乡村等措施。' }));
      counts.duties++;
      const reviewed = date(y, 12, 20);
      if (reviewed <= today) await applyTransition(platform, office, PUFA_DUTY_WORKFLOW, id, 'review', { version: 1, date: fromDayNumber(reviewed), values: { reviewResult: i % 5 === 0 ? 'excellent' : i === 7 ? 'pass' : 'good', reviewNote: '履职情况良好，普法责任落实到位。' } });
    }
  }

  // Activities: about one a week across the units (more around 12·4 宪法日).
  const kinds = Object.keys(ACTIVITY_KINDS) as (keyof typeof ACTIVITY_KINDS)[];
  let a = 0;
  for (const y of [year - 2, year - 1, year]) {
    for (let i = 0; i < 48; i++) {
      const day = date(y, 1 + (i % 12), 2 + ((i * 7) % 26));
      if (day > today) continue;
      const [code] = DUTY_UNITS[(i + y) % DUTY_UNITS.length]!;
      await inTx((tx) => activities.create(tx, platform, office, office.scope, { ref: `DEMO-PF-${a}`, unitId: units.get(code)!, date: fromDayNumber(day), kind: kinds[i % kinds.length]!, title: ACTIVITY_TITLES[i % ACTIVITY_TITLES.length]!, audience: 80 + ((i * 137) % 900), materials: i % 3 === 0 ? `宣传册 ${200 + i * 10} 份` : undefined }));
      a++;
    }
  }
  counts.activities = a;

  // 法律明白人: trained in the three years' spring courses; a few left.
  const villageIds = (await platform.db.selectFrom('org_units').select(['id', 'code']).where('kind', '=', 'village').where('code', 'like', 'SFX-%').orderBy('code').execute()).map((v) => v.id);
  let l = 0;
  let left = 0;
  for (const [v, villageId] of villageIds.entries()) {
    for (let k = 0; k < (PER_VILLAGE[v] ?? 3); k++) {
      const trained = date(year - 2 + (k % 3), 4, 10 + (v % 10));
      if (trained > today) continue;
      const name = `${SURNAMES[(l * 7) % SURNAMES.length]}${GIVEN[(l * 5 + v) % GIVEN.length]}`;
      const id = await inTx((tx) => literates.create(tx, platform, office, office.scope, { ref: `DEMO-FLMBR-${l}`, unitId: villageId, name, role: LITERATE_ROLES[l % LITERATE_ROLES.length], phone: `139${String(10_000_000 + l * 7919).slice(-8)}`, trainedDate: fromDayNumber(trained) }));
      l++;
      if (l % 40 === 7 && trained + 200 <= today) {
        left++;
        await applyTransition(platform, office, LEGAL_LITERATE_WORKFLOW, id, 'remove', { version: 1, date: fromDayNumber(trained + 200), note: '外出务工，不再担任法律明白人' });
      }
    }
  }
  counts.literates = l;

  // 民主法治示范村（社区）.
  for (const [i, [ref, level, namedYear, recheck]] of VILLAGES.entries()) {
    const villageId = villageIds[(i * 3) % villageIds.length]!;
    if (namedYear > year) continue;
    const id = await inTx((tx) => createModelVillage(tx, platform, office, office.scope, { ref, unitId: villageId, level, namedYear }));
    counts.villages++;
    const last = Math.min(today - 30, date(year - 1, 11, 10 + i));
    if (recheck === 'retain') await applyTransition(platform, office, MODEL_VILLAGE_WORKFLOW, id, 'retain', { version: 1, date: fromDayNumber(last), note: '复核合格，保留命名' });
    if (recheck === 'revoke') await applyTransition(platform, office, MODEL_VILLAGE_WORKFLOW, id, 'revoke', { version: 1, date: fromDayNumber(last), note: '复核不合格（发生重大群体性事件），撤销命名' });
  }

  // 学法: four standing-meeting sessions and six Party-group sessions a year, two trainings, one exam.
  let s = 0;
  const TOPICS = ['学习贯彻习近平法治思想', '学习《中华人民共和国行政复议法》', '学习《重大行政决策程序暂行条例》', '学习《行政执法监督条例》', '学习《中华人民共和国民法典》', '学习《优化营商环境条例》'];
  for (const y of [year - 2, year - 1, year]) {
    const plan: [RecordInput<typeof STUDY_SESSION>['kind'], number, number, number][] = [
      ...[2, 5, 8, 11].map((m) => ['standing_meeting', m, 15, 28] as [RecordInput<typeof STUDY_SESSION>['kind'], number, number, number]),
      ...[1, 3, 5, 7, 9, 11].map((m) => ['party_group', m, 22, 16] as [RecordInput<typeof STUDY_SESSION>['kind'], number, number, number]),
      ['training', 6, 18, 126],
      ['training', 10, 20, 98],
      ['exam', 12, 5, 215],
    ];
    for (const [i, [kind, m, d, attendance]] of plan.entries()) {
      const day = date(y, m, d);
      if (day > today) continue;
      await inTx((tx) => sessions.create(tx, platform, office, office.scope, { ref: `DEMO-XF-${s}`, unitId: units.get(kind === 'standing_meeting' || kind === 'exam' || kind === 'training' ? 'SFX' : 'SFX-D01')!, date: fromDayNumber(day), kind, topic: kind === 'exam' ? `${y}年度领导干部法治理论考试` : kind === 'training' ? `${y}年领导干部法治专题培训班（第${i - 9}期）` : TOPICS[i % TOPICS.length]!, attendance, passed: kind === 'exam' ? attendance - 3 : undefined, speaker: kind === 'standing_meeting' ? '县司法局局长' : undefined }));
      s++;
    }
  }
  counts.sessions = s;
  print(`普法学法演示数据：普法责任清单 ${counts.duties} 份，普法活动 ${counts.activities} 场，法律明白人 ${counts.literates} 人（在册 ${counts.literates - left} 人），民主法治示范村（社区） ${counts.villages} 个，学法活动 ${counts.sessions} 次（${year - 2}—${year} 年）。`);
}
