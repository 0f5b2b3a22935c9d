// The demo county's assessment: the shipped template (a draft), last year's scheme final (its
// results frozen, the figures assessment.* drawn from it), and this year's scheme built from the
// template with its preliminary results released: self-scores, assessors' scores, a bonus, a
// veto, an objection answered (upheld) and one waiting, within the window; 述法 reports in every
// state. Idempotent: it loads once.
import type { Platform } from '../../kernel/platform.ts';
import type { RequestContext } from '../../kernel/auth/context.ts';
import { demoStart } from '../../kernel/demo.ts';
import { actingAs } from '../../kernel/auth/acting-as.ts';
import { applyTransition } from '../../kernel/workflow/engine.ts';
import { fromDayNumber } from '../../kernel/calendar/days.ts';
import { REPORT_WORKFLOW, SCHEME_WORKFLOW } from '../../../shared/schemas/assessment.ts';
import { addLine, copyScheme, createScheme, engineLines, loadScheme, schemeLines } from './schemes.ts';
import { assessedUnits, setScore } from './scores.ts';
import { answerObjection, createObjection } from './objections.ts';
import { createReport } from './reports.ts';
import { TEMPLATE_LINES } from './template.ts';

const WEIGHTS = '部门:0.03;乡镇:0.04';

/** A deterministic spread of scores: unit i, line j → a share of the points (a few strong units, a few weak ones). */
const share = (i: number, j: number) => (i % 4 === 0 ? 0.9 : i % 9 === 5 ? 0.35 : 0.6) + (((i * 7 + j * 13) % 9) * (i % 4 === 0 ? 0.0125 : 0.05));
const half = (n: number) => Math.round(n * 2) / 2;

async function buildTemplate(platform: Platform, office: RequestContext, year: number, title: string, ref: string): Promise<string> {
  const id = await platform.db.transaction().execute((tx) => createScheme(tx, platform, office, { ref, title, year, unitId: office.unitId, fullPoints: 100, categoryWeights: WEIGHTS }));
  const ids = new Map<string, string>();
  for (const [n, line] of TEMPLATE_LINES.entries()) {
    const { parent, ...input } = line;
    ids.set(line.code, await platform.db.transaction().execute((tx) => addLine(tx, platform, office, id, { ...input, parentId: parent ? ids.get(parent)! : null, sortOrder: n + 1, ref: `${ref}-${line.code}` })));
  }
  return id;
}

async function transition(platform: Platform, office: RequestContext, id: string, key: string, date: string) {
  const s = await loadScheme(platform.db, id);
  await applyTransition(platform, office, SCHEME_WORKFLOW, id, key, { version: s.version, date });
}

/** Scores every unit on the manual lines (and a few bonuses and deductions). */
async function scoreAll(platform: Platform, office: RequestContext, id: string, self: boolean) {
  const scheme = await loadScheme(platform.db, id);
  const units = await assessedUnits(platform.db, scheme);
  const leaves = engineLines(await schemeLines(platform.db, id));
  await platform.db.transaction().execute(async (tx) => {
    for (const [i, u] of units.entries()) {
      for (const [j, l] of leaves.entries()) {
        if (l.categories?.length && !l.categories.includes(u.category)) continue;
        if (l.method === 'manual') {
          const score = half(l.points * share(i, j));
          if (self) await setScore(tx, platform, office, id, { unitId: u.unitId, lineId: l.id, score: Math.min(l.points, score + 0.5), reason: '按要求落实，材料已上传' }, 'self');
          await setScore(tx, platform, office, id, { unitId: u.unitId, lineId: l.id, score, reason: score < l.points ? '佐证材料不完整，酌情扣分' : null }, 'assessor');
        }
        if (l.method === 'bonus' && i % 6 === 1) await setScore(tx, platform, office, id, { unitId: u.unitId, lineId: l.id, score: 1.5, reason: '经验做法获省司法厅推广' }, 'assessor');
        if (l.method === 'deduction' && !l.indicator && i % 5 === 2) await setScore(tx, platform, office, id, { unitId: u.unitId, lineId: l.id, score: 1, reason: '督察问题 1 项逾期未整改' }, 'assessor');
      }
    }
  });
  return { units, leaves };
}

export async function loadDemoAssessment(platform: Platform, print: (line: string) => void): Promise<void> {
  const start = await demoStart(platform, print, { table: 'assessment_schemes', ref: 'KP-TPL', title: '法治政府建设考评' });
  if (!start) return;
  const { office, today } = start;
  const year = Number(fromDayNumber(today).slice(0, 4));
  const ago = (n: number) => fromDayNumber(today - n);

  await buildTemplate(platform, office, year, '法治政府建设考评指标模板（依据《法治政府建设实施纲要（2021—2025年）》九个方面）', 'KP-TPL');
  const template = (await platform.db.selectFrom('assessment_schemes').select('id').where('ref', '=', 'KP-TPL').executeTakeFirstOrThrow()).id;

  // Last year: final.
  const last = await platform.db.transaction().execute((tx) => copyScheme(tx, platform, office, template, { year: year - 1, title: `示范县${year - 1}年度法治政府建设考评方案` }));
  await platform.db.updateTable('assessment_schemes').set({ ref: `KP-${year - 1}` }).where('id', '=', last).execute();
  await transition(platform, office, last, 'publish', `${year - 1}-11-01`);
  await transition(platform, office, last, 'start_scoring', `${year - 1}-12-01`);
  const lastScored = await scoreAll(platform, office, last, false);
  const lastVeto = lastScored.leaves.find((l) => l.method === 'veto')!;
  const lastVetoed = lastScored.units.find((u) => u.unitCode === 'SFX-D12') ?? lastScored.units[5]!;
  await platform.db.transaction().execute((tx) => setScore(tx, platform, office, last, { unitId: lastVetoed.unitId, lineId: lastVeto.id, score: 1, reason: '发生违法行政行为被上级通报并追责' }, 'assessor'));
  await transition(platform, office, last, 'release', `${year}-01-10`);
  await transition(platform, office, last, 'finalize', `${year}-01-24`);

  // This year: preliminary results released two days ago, objections open.
  const id = await platform.db.transaction().execute((tx) => copyScheme(tx, platform, office, template, { year, title: `示范县${year}年度法治政府建设考评方案` }));
  await platform.db.updateTable('assessment_schemes').set({ ref: `KP-${year}` }).where('id', '=', id).execute();
  await transition(platform, office, id, 'publish', ago(30));
  const { units, leaves } = await scoreAll(platform, office, id, true);
  await transition(platform, office, id, 'start_scoring', ago(10));
  const veto = leaves.find((l) => l.method === 'veto')!;
  const vetoed = units.find((u) => u.unitCode === 'SFX-D07') ?? units[3]!;
  await platform.db.transaction().execute((tx) => setScore(tx, platform, office, id, { unitId: vetoed.unitId, lineId: veto.id, score: 1, reason: '年内发生违法强制拆除被法院确认违法并追责，造成不良影响' }, 'assessor'));
  await transition(platform, office, id, 'release', ago(1));
  // Objections: one upheld with a changed score, one waiting for the answer.
  const manual = leaves.filter((l) => l.method === 'manual' && !l.categories?.length);
  const objector = units.find((u) => u.unitCode === 'SFX-D03') ?? units[0]!;
  const town = units.find((u) => u.unitCode === 'SFX-T01') ?? units[units.length - 1]!;
  const asUnit = async (username: string) => actingAs(platform, username).catch(() => office);
  const jyj = await asUnit('jyj_liaison');
  const cgz = await asUnit('cgz_liaison');
  const first = await platform.db.transaction().execute((tx) => createObjection(tx, platform, jyj, id, { unitId: objector.unitId, lineId: manual[0]!.id, reason: '权责清单已于 6 月调整并在政府网站公开，佐证材料已补充上传，请予复核。' }));
  await platform.db.transaction().execute((tx) => answerObjection(tx, platform, office, first, { upheld: true, answer: '经复核，补充材料属实，予以采纳。', score: manual[0]!.points }));
  await platform.db.transaction().execute((tx) => createObjection(tx, platform, cgz, id, { unitId: town.unitId, lineId: manual[1]!.id, reason: '本镇合法性审核台账齐全，漏审一件系统计口径不同所致。' }));

  // 述法: submitted and reviewed, submitted, a draft; the rest not yet.
  const reports: [string, string, 'reviewed' | 'submitted' | 'draft'][] = [
    ['SFX-D01', '司法局局长', 'reviewed'],
    ['SFX-D03', '教育局局长', 'submitted'],
    ['SFX-T01', '城关镇镇长', 'draft'],
  ];
  for (const [code, head, state] of reports) {
    const unitId = start.units.get(code);
    if (!unitId) continue;
    const liaison = await asUnit(`lly_${code.toLowerCase().replaceAll('-', '_')}`);
    const rid = await platform.db.transaction().execute((tx) =>
      createReport(tx, platform, liaison, { title: `${head}${year}年度述法报告`, year, unitId, headName: head, content: `一、履行推进法治建设第一责任人职责情况\n本人认真学习贯彻习近平法治思想，${year}年主持召开党组（党委）会议专题研究法治建设 4 次……\n二、存在的不足\n……\n三、下一步打算\n……`, ref: `SF-${year}-${code}` }),
    );
    if (state === 'draft') continue;
    await applyTransition(platform, liaison, REPORT_WORKFLOW, rid, 'submit', { version: 1, date: ago(5) });
    if (state === 'reviewed') await applyTransition(platform, office, REPORT_WORKFLOW, rid, 'review', { version: 2, date: ago(2), values: { comment: '述法内容全面，履职情况较好；建议进一步加强行政执法监督。' } });
  }
  print(`法治政府建设考评演示数据：考评模板 1 套；${year - 1}年度方案已定稿；${year}年度方案初评结果已公布（含一票否决 1 个、异议 2 项），述法报告 ${reports.length} 份。`);
}
