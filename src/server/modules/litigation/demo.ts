// The demo county's lawsuits over three years: won, lost (with its analysis), withdrawn, mediated,
// under way; hearings with and without the agency head. Idempotent by ref.
import type { Platform } from '../../kernel/platform.ts';
import { applyTransition } from '../../kernel/workflow/engine.ts';
import { chinaToday, fromDayNumber, toDayNumber } from '../../kernel/calendar/days.ts';
import { checkFileType } from '../../kernel/attachments/store.ts';
import { newId, nowIso } from '../../kernel/ids.ts';
import { LITIGATION_WORKFLOW } from '../../../shared/schemas/litigation.ts';
import { addHearing, createLitigationCase, setLossAnalysis } from './litigation.ts';
import { demoStart } from '../../kernel/demo.ts';

const DEFENDANTS = ['SFX-D21', 'SFX-D09', 'SFX-D05', 'SFX-D25', 'SFX-T01'];
const CAUSES = ['不服行政处罚决定', '不服房屋征收补偿决定', '不服治安管理处罚', '不服强制拆除行为', '不服政府信息公开答复'];
const PLAINTIFFS = ['某商贸有限公司', '刘某', '陈某', '某置业有限公司', '周某'];
type Script = { days: number; heads: boolean[]; result?: 'won' | 'lost' | 'withdrawn' | 'mediated'; defend: boolean; appeal?: boolean; open?: boolean };
const PAST: Script[] = [
  { days: 120, heads: [true], result: 'won', defend: true },
  { days: 150, heads: [true, false], result: 'lost', defend: true },
  { days: 90, heads: [], result: 'withdrawn', defend: true },
  { days: 100, heads: [true], result: 'mediated', defend: true },
  { days: 130, heads: [true], result: 'won', defend: true },
];
const CURRENT: [daysAgo: number, Script][] = [
  [5, { days: 0, heads: [], defend: false }],
  [40, { days: 0, heads: [true], defend: true }],
  [90, { days: 70, heads: [false], result: 'lost', defend: true }],
  [120, { days: 80, heads: [true], result: 'won', defend: true }],
  [150, { days: 90, heads: [true], result: 'won', defend: true, appeal: true }],
  [60, { days: 45, heads: [true], result: 'mediated', defend: true, open: true }],
];

export async function loadDemoLitigation(platform: Platform, print: (line: string) => void): Promise<void> {
  const demo = await demoStart(platform, print, { table: 'litigation_cases', ref: 'DEMO-LIT-0', title: '行政应诉' });
  if (!demo) return;
  const { office, units, store, today } = demo;
  let n = 0;
  const run = async (filed: number, s: Script) => {
    const unitId = units.get(DEFENDANTS[n % DEFENDANTS.length]!)!;
    const id = await platform.db.transaction().execute((tx) =>
      createLitigationCase(tx, platform, office, office.scope, { unitId, court: '示范县人民法院', plaintiff: PLAINTIFFS[n % PLAINTIFFS.length]!, cause: CAUSES[n % CAUSES.length]!, concernsDisclosure: CAUSES[n % CAUSES.length]!.includes('政府信息公开'), afterReconsideration: n % 10 === 9, filedDate: fromDayNumber(filed), complaintReceivedDate: fromDayNumber(Math.min(filed + 3, today)) }),
    );
    await platform.db.updateTable('litigation_cases').set({ ref: `DEMO-LIT-${n}` }).where('id', '=', id).execute();
    n++;
    const version = async () => (await platform.db.selectFrom('litigation_cases').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
    if (s.defend) {
      const buffer = Buffer.from('行政答辩状（演示材料）\n', 'utf8');
      const filename = '答辩状.txt';
      await platform.db.insertInto('attachments').values({ id: newId(), content_hash: store.put(buffer), size: buffer.length, mime: await checkFileType(filename, buffer), filename, record_type: LITIGATION_WORKFLOW.recordType, record_id: id, unit_id: unitId, uploaded_by: office.id, uploaded_at: nowIso() }).execute();
      await applyTransition(platform, office, LITIGATION_WORKFLOW, id, 'defend', { version: await version(), date: fromDayNumber(Math.min(filed + 12, today)) });
    }
    for (const [i, head] of s.heads.entries()) {
      await addHearing(platform, office, id, { date: fromDayNumber(Math.min(filed + 30 + i * 20, today)), headAppeared: head, headName: head ? '单位主要负责人' : undefined, note: head ? '负责人出庭并发表意见' : '委托律师出庭' });
    }
    if (s.result) {
      await applyTransition(platform, office, LITIGATION_WORKFLOW, id, 'judge', { version: await version(), date: fromDayNumber(Math.min(filed + s.days, today)), values: { result: s.result } });
      if (s.open) return; // judged, not yet closed
      if (s.appeal) {
        await applyTransition(platform, office, LITIGATION_WORKFLOW, id, 'appeal', { version: await version(), note: '原告不服一审判决，提起上诉', date: fromDayNumber(Math.min(filed + s.days + 12, today)) });
        return;
      }
      if (s.result === 'lost') await setLossAnalysis(platform, office, id, { version: await version(), lossAnalysis: '执法程序不规范：未依法告知陈述申辩权利；证据收集不充分。已组织专项培训并修订执法流程。' });
      await applyTransition(platform, office, LITIGATION_WORKFLOW, id, 'close', { version: await version(), date: fromDayNumber(Math.min(filed + s.days + 10, today)) });
    }
  };
  const year = Number(chinaToday().slice(0, 4));
  for (const y of [year - 2, year - 1]) {
    for (const [i, s] of PAST.entries()) if (!(y === year - 2 && i === 4)) await run(toDayNumber(`${y}-0${2 + i}-1${i}`), s);
  }
  for (const [ago, s] of CURRENT) await run(today - ago, s);
  print(`行政应诉演示数据：${n} 件（${year - 2}—${year} 年）。`);
}
