// The demo county's plans: last year's (nearly all done) and this year's 32 tasks across departments
// and towns, in every state, dated relative to today. Idempotent by ref.
import type { Platform } from '../../kernel/platform.ts';
import { actingAs } from '../../kernel/auth/acting-as.ts';
import { applyTransition } from '../../kernel/workflow/engine.ts';
import { chinaToday, fromDayNumber, toDayNumber } from '../../kernel/calendar/days.ts';
import { BlobStore, checkFileType } from '../../kernel/attachments/store.ts';
import { newId, nowIso } from '../../kernel/ids.ts';
import { TASK_WORKFLOW } from '../../../shared/schemas/plans.ts';
import { createPlan, insertTask, reportProgress } from './plans.ts';
import { unitIdsByCode } from '../../kernel/demo.ts';

const TASKS: [string, string][] = [
  ['健全依法决策机制', '制定并公布年度重大行政决策事项目录，严格履行公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序。'],
  ['落实行政规范性文件合法性审核', '行政规范性文件一律经合法性审核，审核时间不少于5个工作日，按时报送备案。'],
  ['开展行政规范性文件清理', '对现行有效的行政规范性文件开展全面清理，及时修改、废止不符合上位法的文件。'],
  ['深化“三项制度”', '全面推行行政执法公示、执法全过程记录、重大执法决定法制审核制度。'],
  ['规范行政执法证件管理', '开展执法人员资格清理，未取得执法证件的人员不得从事执法活动。'],
  ['开展行政执法案卷评查', '每半年开展一次案卷评查，评查结果纳入法治政府建设考评。'],
  ['推进综合行政执法改革', '厘清乡镇（街道）综合行政执法事项清单，完善执法协作机制。'],
  ['提升行政复议办案质量', '落实行政复议决定书网上公开，加强行政复议案件繁简分流。'],
  ['落实行政机关负责人出庭应诉', '被诉行政机关负责人出庭应诉率不低于90%，并出庭出声。'],
  ['加强府院联动', '建立行政争议实质性化解联席会议机制，每季度召开一次。'],
  ['完善矛盾纠纷多元化解', '推进人民调解、行政调解、司法调解“三调联动”，矛盾纠纷调解成功率不低于95%。'],
  ['推进村（社区）法律顾问全覆盖', '每个村（社区）配备法律顾问，每月至少开展一次法律服务。'],
  ['实施“法律明白人”培养工程', '每个村（社区）培养不少于5名“法律明白人”，建立培训档案。'],
  ['落实“谁执法谁普法”责任制', '制定年度普法责任清单，开展以案释法活动不少于4次。'],
  ['开展领导干部学法', '政府常务会议会前学法不少于4次，组织领导干部旁听庭审。'],
  ['推行行政执法“三张清单”', '制定不予处罚、从轻处罚、减轻处罚事项清单并向社会公开。'],
  ['优化法治化营商环境', '开展涉企行政执法专项检查，规范涉企检查频次。'],
  ['规范政府信息公开', '依申请公开按期答复率达到100%，完善主动公开目录。'],
  ['办理人大建议政协提案', '按期办复人大代表建议和政协委员提案，满意率不低于95%。'],
  ['加强合法性审查', '政府合同、重大决策在提交前一律经司法局合法性审查。'],
  ['加强公职律师队伍建设', '党政机关公职律师设立率达到100%，发挥公职律师作用。'],
  ['推进政务服务标准化', '政务服务事项实现“最多跑一次”，网上可办率达到95%以上。'],
  ['落实政务服务“好差评”', '差评事项15个工作日内整改回访，整改率100%。'],
  ['加强审计监督', '开展重点领域专项审计，审计发现问题按期整改。'],
  ['推进法治乡镇（街道）建设', '开展法治乡镇（街道）创建，建立乡镇合法性审查机制。'],
  ['开展民主法治示范村创建', '新创建县级民主法治示范村（社区）不少于5个。'],
  ['落实党政主要负责人述法', '党政主要负责人年底前完成年度述法，述法报告报县委依法治县办。'],
  ['编制法治政府建设年度报告', '按时向社会公开法治政府建设年度报告。'],
  ['加强安全生产执法', '开展安全生产专项执法检查，依法查处违法行为。'],
  ['推进生态环境依法治理', '落实生态环境执法“双随机、一公开”，公开率100%。'],
  ['规范城市管理执法', '推行柔性执法，制定城市管理轻微违法行为免罚清单。'],
  ['加强食品药品安全执法', '开展食品安全抽检，抽检不合格案件按期办结。'],
];
const LEAD_UNITS = ['SFX-D01', 'SFX-D01', 'SFX-D01', 'SFX-D01', 'SFX-D01', 'SFX-D01', 'SFX-D25', 'SFX-D01', 'SFX-D01', 'SFX-D01', 'SFX-T01', 'SFX-D01', 'SFX-T04', 'SFX-D03', 'SFX-D01', 'SFX-D21', 'SFX-D21', 'SFX-D28', 'SFX-D01', 'SFX-D01', 'SFX-D01', 'SFX-D26', 'SFX-D28', 'SFX-D20', 'SFX-T01', 'SFX-T02', 'SFX-D01', 'SFX-D01', 'SFX-D19', 'SFX-D10', 'SFX-D25', 'SFX-D21'];
const CO_UNITS = ['SFX-D03', 'SFX-D21', 'SFX-T01'];

function day(offset: number): string {
  return fromDayNumber(toDayNumber(chinaToday()) + offset);
}

export async function loadDemoPlans(platform: Platform, print: (line: string) => void): Promise<void> {
  const existing = new Set((await platform.db.selectFrom('plans').select('ref').where('ref', 'in', ['DEMO-PLAN-LAST', 'DEMO-PLAN-THIS']).execute()).map((p) => p.ref));
  if (existing.size === 2) {
    print('分工方案演示数据：已存在。');
    return;
  }
  const office = await actingAs(platform, 'fzb_wang');
  const units = await unitIdsByCode(platform);
  // The plan year whose March issue lies at least four months back (in January this is last year).
  const year = Number(day(-120).slice(0, 4));
  const store = new BlobStore(platform.config.attachmentsDir);

  // Last year: issued in March, every task done but two (one cancelled, one completed late).
  if (!existing.has('DEMO-PLAN-LAST')) await platform.db.transaction().execute(async (tx) => {
    const planId = await createPlan(tx, platform, office, { ref: 'DEMO-PLAN-LAST', year: year - 1, title: `示范县${year - 1}年法治政府建设重点任务分工方案`, source: `《${year - 1}年推进更高水平法治政府建设重点任务》`, issuedDate: `${year - 1}-03-10` });
    for (const [i, [title, content]] of TASKS.slice(0, 30).entries()) {
      const due = `${year - 1}-${String(6 + (i % 7)).padStart(2, '0')}-${i % 2 ? '30' : '15'}`;
      const cancelled = i === 7;
      await insertTask(tx, platform, office, {
        ref: `DEMO-TASK-LAST-${i + 1}`,
        planId,
        code: String(i + 1),
        title,
        content,
        leadUnitId: units.get(LEAD_UNITS[i]!)!,
        coUnitIds: i % 4 === 0 ? [units.get(CO_UNITS[i % 3]!)!].filter((u) => u !== units.get(LEAD_UNITS[i]!)) : [],
        dueDate: due,
        status: cancelled ? 'cancelled' : 'completed',
        completedDate: cancelled ? null : fromDayNumber(toDayNumber(due) - (i === 12 ? -20 : 5)),
      });
    }
  });

  if (existing.has('DEMO-PLAN-THIS')) return;
  // This year: issued in March; tasks due from two months ago to the year's end.
  const planId = await platform.db.transaction().execute(async (tx) => {
    const id = await createPlan(tx, platform, office, { ref: 'DEMO-PLAN-THIS', year, title: `示范县${year}年法治政府建设重点任务分工方案`, source: `《${year}年推进更高水平法治政府建设重点任务》`, issuedDate: `${year}-03-10` });
    for (const [i, [title, content]] of TASKS.entries()) {
      const dueOffset = -60 + i * 5; // from two months ago onwards
      const due = day(dueOffset) > `${year}-12-31` ? `${year}-12-31` : day(dueOffset);
      const done = dueOffset < -10 && i % 3 !== 1;
      await insertTask(tx, platform, office, {
        ref: `DEMO-TASK-THIS-${i + 1}`,
        planId: id,
        code: String(i + 1),
        title,
        content,
        leadUnitId: units.get(LEAD_UNITS[i]!)!,
        coUnitIds: i % 3 === 0 ? [units.get(CO_UNITS[i % 3]!)!].filter((u) => u !== units.get(LEAD_UNITS[i]!)) : [],
        dueDate: due,
        milestones: [{ title: '制定工作方案', dueDate: `${year}-04-30`, done: true }, { title: '完成并报送总结', dueDate: due }],
        status: done ? 'completed' : 'not_started',
        completedDate: done ? fromDayNumber(toDayNumber(due) - 3) : null,
      });
    }
    return id;
  });

  // Progress on open tasks, and two completions waiting for the law office's confirmation.
  const open = await platform.db.selectFrom('tasks as t').innerJoin('org_units as u', 'u.id', 't.unit_id').select(['t.id', 't.code', 't.version', 'u.code as unit_code']).where('t.plan_id', '=', planId).where('t.status', '=', 'not_started').orderBy('t.due_date').execute();
  for (const [i, t] of open.entries()) {
    if (i % 4 === 3) continue; // some not started at all
    const liaison = await actingAs(platform, `lly_${t.unit_code.toLowerCase().replaceAll('-', '_')}`);
    await reportProgress(platform, liaison, t.id, { text: '已制定工作方案，正在按节点推进。', percent: 30 + (i % 5) * 10, reportedOn: day(-7) });
    if (i === 0 || i === 5) {
      const buffer = Buffer.from(`任务 ${t.code} 完成情况报告（演示材料）\n`, 'utf8');
      const filename = '完成情况报告.txt';
      await platform.db.insertInto('attachments').values({ id: newId(), content_hash: store.put(buffer), size: buffer.length, mime: await checkFileType(filename, buffer), filename, record_type: TASK_WORKFLOW.recordType, record_id: t.id, unit_id: (await platform.db.selectFrom('tasks').select('unit_id').where('id', '=', t.id).executeTakeFirstOrThrow()).unit_id, uploaded_by: liaison.id, uploaded_at: nowIso() }).execute();
      const { version } = await platform.db.selectFrom('tasks').select('version').where('id', '=', t.id).executeTakeFirstOrThrow();
      await applyTransition(platform, liaison, TASK_WORKFLOW, t.id, 'submit', { version, values: { completionNote: '已按方案完成全部工作，材料已上传。' } });
    }
  }
  print(`分工方案演示数据：${year - 1} 年方案 30 项任务，${year} 年方案 ${TASKS.length} 项任务。`);
}
