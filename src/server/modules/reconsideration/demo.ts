// The demo county's reconsideration cases over three years, in every state, worked through the same
// workflow as in the UI (dates back-dated). Idempotent: cases are recognised by their ref.
import type { Platform } from '../../kernel/platform.ts';
import { applyTransition } from '../../kernel/workflow/engine.ts';
import { chinaToday, fromDayNumber, toDayNumber } from '../../kernel/calendar/days.ts';
import { REVIEW_WORKFLOW } from '../../../shared/schemas/reconsideration.ts';
import { createCase } from './reconsideration.ts';
import { demoStart } from '../../kernel/demo.ts';

type Step = [key: string, afterReceived: number, values?: Record<string, unknown>, note?: string];

const RESPONDENTS: [string, string, string][] = [
  ['SFX-D21', '示范县市场监督管理局', '行政处罚决定（罚款）'],
  ['SFX-D05', '示范县公安局', '治安管理处罚决定（行政拘留）'],
  ['SFX-D09', '示范县自然资源局', '责令限期拆除决定'],
  ['SFX-D08', '示范县人力资源和社会保障局', '工伤认定决定'],
  ['SFX-D25', '示范县城市管理综合执法局', '行政强制拆除'],
  ['SFX-T01', '示范县城关镇人民政府', '政府信息公开答复'],
];
const APPLICANTS = ['张某', '李某', '王某', '刘某', '陈某', '杨某', '赵某', '黄某', '周某', '吴某', '某商贸有限公司', '某建筑工程有限公司'];

/** Scripts for closed cases (past years) and for this year's cases in every state. */
const CLOSED: Step[][] = [
  [['accept', 3, { procedure: 'normal' }], ['send_copy', 6], ['reply_received', 15], ['decide', 50, { outcome: 'maintained' }]],
  [['accept', 4, { procedure: 'normal' }], ['send_copy', 7], ['reply_received', 16], ['decide', 58, { outcome: 'revoked' }]],
  [['accept', 2, { procedure: 'simple' }], ['send_copy', 4], ['reply_received', 9], ['decide', 25, { outcome: 'maintained' }]],
  [['accept', 3, { procedure: 'normal' }], ['mediate', 20], ['terminate', 35, { outcome: 'mediated' }]],
  [['request_supplement', 2, undefined, '申请书未载明具体复议请求'], ['supplement_received', 9], ['accept', 12, { procedure: 'normal' }], ['send_copy', 15], ['decide', 62, { outcome: 'confirmed_illegal' }]],
  [['reject', 4, undefined, '申请超过法定申请期限']],
  [['accept', 3, { procedure: 'normal' }], ['terminate', 30, { outcome: 'withdrawn' }]],
  [['accept', 5, { procedure: 'normal' }], ['send_copy', 8], ['reply_received', 17], ['decide', 55, { outcome: 'dismissed' }]],
  [['accept', 3, { procedure: 'normal' }], ['mediate', 18], ['terminate', 28, { outcome: 'settled' }]],
  [['accept', 4, { procedure: 'normal' }], ['send_copy', 6], ['reply_received', 14], ['decide', 80, { outcome: 'altered' }]],
];
const CURRENT: [receivedDaysAgo: number, Step[]][] = [
  [1, []],
  [9, [['request_supplement', 2, undefined, '缺少原行政行为的决定书复印件']]],
  [40, [['accept', 3, { procedure: 'normal' }], ['send_copy', 6]]],
  [70, [['accept', 4, { procedure: 'normal' }], ['send_copy', 7], ['reply_received', 15]]],
  [25, [['accept', 2, { procedure: 'normal' }], ['mediate', 15]]],
  [20, [['accept', 3, { procedure: 'simple' }], ['send_copy', 5], ['reply_received', 10], ['decide', 18, { outcome: 'ordered_to_perform' }]]],
  [30, [['reject', 4, undefined, '不属于行政复议受理范围']]],
];

export async function loadDemoReview(platform: Platform, print: (line: string) => void): Promise<void> {
  const demo = await demoStart(platform, print, { table: 'review_cases', ref: 'DEMO-REVIEW-0', title: '行政复议' });
  if (!demo) return;
  const { office, units, today } = demo;
  let n = 0;
  const run = async (received: number, steps: Step[]) => {
    const [respondentCode, respondent, act] = RESPONDENTS[n % RESPONDENTS.length]!;
    const applicant = APPLICANTS[n % APPLICANTS.length]!;
    const id = await platform.db.transaction().execute((tx) =>
      createCase(tx, platform, office, office.scope, {
        unitId: units.get('SFX')!,
        applicantName: applicant,
        applicantKind: applicant.includes('公司') ? 'organisation' : 'person',
        respondent,
        respondentUnitId: units.get(respondentCode) ?? null,
        act,
        concernsDisclosure: act.includes('政府信息公开'),
        receivedDate: fromDayNumber(received),
        channel: (['window', 'mail', 'online'] as const)[n % 3]!,
      }),
    );
    await platform.db.updateTable('review_cases').set({ ref: `DEMO-REVIEW-${n}` }).where('id', '=', id).execute();
    n++;
    for (const [key, after, values, note] of steps) {
      const date = fromDayNumber(Math.min(received + after, today));
      const { version } = await platform.db.selectFrom('review_cases').select('version').where('id', '=', id).executeTakeFirstOrThrow();
      await applyTransition(platform, office, REVIEW_WORKFLOW, id, key, { version, values, note: note ?? (key === 'mediation_failed' ? '调解未达成协议' : undefined), date });
    }
  };
  const year = Number(chinaToday().slice(0, 4));
  for (const y of [year - 2, year - 1]) {
    for (const [i, steps] of CLOSED.entries()) await run(toDayNumber(`${y}-${String(1 + i).padStart(2, '0')}-1${i % 10}`), steps);
  }
  for (const [ago, steps] of CURRENT) await run(today - ago, steps);
  print(`行政复议演示数据：${n} 件（${year - 2}—${year} 年，各状态）。`);
}
