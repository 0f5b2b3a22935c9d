// The demo county's inspections, with findings in every state (one overdue, one reopened, a major one
// with its interview), a circular and a supervision notice. Dated relative to today; idempotent by ref.
import type { Platform } from '../../kernel/platform.ts';
import type { RequestContext } from '../../kernel/auth/context.ts';
import { actingAs } from '../../kernel/auth/acting-as.ts';
import { applyTransition } from '../../kernel/workflow/engine.ts';
import { chinaToday, fromDayNumber, toDayNumber } from '../../kernel/calendar/days.ts';
import { checkFileType } from '../../kernel/attachments/store.ts';
import { newId, nowIso } from '../../kernel/ids.ts';
import { FINDING_WORKFLOW } from '../../../shared/schemas/supervision.ts';
import { addInterview, createInspection, createNotice, insertFinding } from './supervision.ts';
import { demoStart } from '../../kernel/demo.ts';

const day = (offset: number) => fromDayNumber(toDayNumber(chinaToday()) + offset);

export async function loadDemoSupervision(platform: Platform, print: (line: string) => void): Promise<void> {
  const demo = await demoStart(platform, print, { table: 'inspections', ref: 'DEMO-INS-1', title: '法治督察' });
  if (!demo) return;
  const { office, units, store } = demo;
  const inspector = await actingAs(platform, 'ducha_li');
  const unit = (code: string) => units.get(code)!;

  const [written, onsite, special] = await platform.db.transaction().execute(async (tx) => [
    await createInspection(tx, platform, inspector, { ref: 'DEMO-INS-1', organiserId: office.unitId, title: '上半年法治政府建设书面督察', kind: 'written', date: day(-100), targetUnitIds: [unit('SFX-D03'), unit('SFX-D21'), unit('SFX-T01')], inspectors: '李督察、王法治', checklist: [{ item: '年度法治政府建设工作要点', kind: 'required' }, { item: '主要负责人述法', kind: 'required' }, { item: '法治宣传特色做法', kind: 'optional' }], summary: '各单位按要求报送了书面材料，总体落实较好。' }),
    await createInspection(tx, platform, inspector, { ref: 'DEMO-INS-2', organiserId: office.unitId, title: '行政执法“三项制度”实地督察', kind: 'onsite', date: day(-45), targetUnitIds: [unit('SFX-D21'), unit('SFX-D25'), unit('SFX-D03')], inspectors: '李督察、赵审核', checklist: [{ item: '执法公示', kind: 'required' }, { item: '全过程记录', kind: 'required' }, { item: '重大执法决定法制审核', kind: 'required' }] }),
    await createInspection(tx, platform, inspector, { ref: 'DEMO-INS-3', organiserId: office.unitId, title: '行政复议决定履行情况专项督察', kind: 'special', date: day(-15), targetUnitIds: [unit('SFX-T01'), unit('SFX-T04')], inspectors: '李督察' }),
  ]);
  await platform.db.transaction().execute((tx) =>
    createInspection(tx, platform, inspector, { ref: 'DEMO-INS-4', organiserId: office.unitId, title: '窗口单位依法行政暗访', kind: 'unannounced', date: day(-3), targetUnitIds: [unit('SFX-D26')], inspectors: '暗访组' }),
  );

  const finding = (inspectionId: string, unitCode: string, description: string, severity: 'general' | 'major', dueOffset: number) =>
    platform.db.transaction().execute((tx) => insertFinding(tx, platform, inspector, { inspectionId, unitId: unit(unitCode), description, severity, dueDate: day(dueOffset) }));
  const act = async (ctx: RequestContext, id: string, key: string, extra: { note?: string; values?: Record<string, unknown>; date?: string } = {}) => {
    const { version } = await platform.db.selectFrom('findings').select('version').where('id', '=', id).executeTakeFirstOrThrow();
    await applyTransition(platform, ctx, FINDING_WORKFLOW, id, key, { version, ...extra });
  };
  const evidence = async (id: string, unitCode: string, by: RequestContext) => {
    const buffer = Buffer.from('整改情况报告（演示材料）\n', 'utf8');
    const filename = '整改情况报告.txt';
    await platform.db.insertInto('attachments').values({ id: newId(), content_hash: store.put(buffer), size: buffer.length, mime: await checkFileType(filename, buffer), filename, record_type: FINDING_WORKFLOW.recordType, record_id: id, unit_id: unit(unitCode), uploaded_by: by.id, uploaded_at: nowIso() }).execute();
  };
  const jyj = await actingAs(platform, 'jyj_liaison');
  const cgz = await actingAs(platform, 'cgz_liaison');
  const scj = await actingAs(platform, 'lly_sfx_d21');

  // Written inspection: one verified, one verified major with an interview.
  const f1 = await finding(written, 'SFX-D03', '年度法治政府建设工作要点未按时印发', 'general', -70);
  await act(jyj, f1, 'start', { values: { measures: '已印发工作要点并建立按季调度机制' }, date: day(-90) });
  await evidence(f1, 'SFX-D03', jyj);
  await act(jyj, f1, 'rectify', { values: { measures: '工作要点已印发并公开' }, date: day(-80) });
  await act(inspector, f1, 'verify', { values: { followupResult: '回头看核查：文件已印发、已公开，整改到位' }, date: day(-60) });
  const f2 = await finding(written, 'SFX-T01', '主要负责人未履行年度述法', 'major', -60);
  await addInterview(platform, office, f2, { heldOn: day(-95), interviewee: '城关镇镇长', conductedBy: '县委依法治县办副主任', notes: '指出问题，要求一个月内完成述法并建立提醒机制' });
  await evidence(f2, 'SFX-T01', cgz);
  await act(cgz, f2, 'rectify', { values: { measures: '已在镇党委会议上完成述法，述法报告已报送' }, date: day(-70) });
  await act(office, f2, 'verify', { values: { followupResult: '回头看：述法报告已报送，建立年度提醒' }, date: day(-50) });

  // On-site inspection: rectifying, rectified waiting for verification, reopened, and an overdue one.
  const f3 = await finding(onsite, 'SFX-D21', '执法全过程记录不完整，部分现场检查无音像记录', 'general', 20);
  await act(scj, f3, 'start', { values: { measures: '为执法人员配发执法记录仪，每周抽查音像记录' }, date: day(-30) });
  const f4 = await finding(onsite, 'SFX-D25', '行政执法决定未在7个工作日内公示', 'general', 5);
  await evidence(f4, 'SFX-D25', office);
  await act(await actingAs(platform, 'lly_sfx_d25'), f4, 'rectify', { values: { measures: '已补充公示，建立公示台账' }, date: day(-5) });
  const f5 = await finding(onsite, 'SFX-D03', '重大执法决定未经法制审核即作出', 'major', -5);
  await evidence(f5, 'SFX-D03', jyj);
  await act(jyj, f5, 'rectify', { values: { measures: '已对涉及决定补充法制审核' }, date: day(-20) });
  await act(inspector, f5, 'reopen', { note: '回头看发现仍有2件未审核，且未约谈负责人', date: day(-12) });
  await finding(onsite, 'SFX-D21', '行政处罚裁量基准未公开', 'general', -10);

  // Special inspection: open findings, one due soon.
  await finding(special, 'SFX-T01', '行政复议决定未按期履行', 'major', 3);
  await finding(special, 'SFX-T04', '履行情况未向复议机关报告', 'general', 25);

  await createNotice(platform, office, { kind: 'circular', title: '关于上半年法治政府建设督察情况的通报', content: '上半年书面督察共发现问题2个，已全部整改销号。城关镇主要负责人未履行述法，已约谈并整改。', issuedDate: day(-55), inspectionId: written });
  await createNotice(platform, office, { kind: 'supervision', title: '关于重大执法决定法制审核问题的督办单', content: '请于5个工作日内完成整改，并报送整改结果及台账材料。', issuedDate: day(-11), findingId: f5 });
  print('法治督察演示数据：督察 4 次，问题 8 个（各状态），约谈 1 次，通报 1 份，督办单 1 份。');
}
