// The demo county's major decisions: last year's and this year's catalogs (consented, one item added
// with its reason, one withdrawn), decisions in every state — one decided with every procedure,
// published, reported on and post-evaluated; a consultation open now on the portal with comments
// (some answered) and a hearing announced; one decided this year; one terminated; an unlisted urgent
// one. Every decided decision has evidence files (证明材料) for each applicable procedure.
import type { Platform } from '../../kernel/platform.ts';
import type { RequestContext } from '../../kernel/auth/context.ts';
import { applyTransition } from '../../kernel/workflow/engine.ts';
import { fromDayNumber } from '../../kernel/calendar/days.ts';
import { demoStart } from '../../kernel/demo.ts';
import { checkFileType } from '../../kernel/attachments/store.ts';
import { newId, nowIso } from '../../kernel/ids.ts';
import { COMMENT_WORKFLOW, DECISION_WORKFLOW, CATALOG_WORKFLOW, PROCEDURE_RECORD_TYPE, procedureRecordId, type Procedure } from '../../../shared/schemas/decisions.ts';
import { addEvent, addImplementationReport, createCatalogItem, createComment, createDecision, publishCommentSummary, recordProcedure } from './decisions.ts';

const DRAFT = (title: string) =>
  `${title}（征求意见稿）\n\n第一条 为规范相关工作，保障公众合法权益，根据有关法律法规，结合本县实际，制定本方案。\n第二条 本方案适用于本县行政区域内的相关活动。\n第三条 县人民政府有关部门按照职责分工负责实施。\n\n起草说明：本方案经前期调研、部门会商形成征求意见稿，现向社会公开征求意见。`;

export async function loadDemoDecisions(platform: Platform, print: (line: string) => void): Promise<void> {
  const demo = await demoStart(platform, print, { table: 'decision_catalog_items', ref: 'DEMO-DML-1', title: '重大行政决策' });
  if (!demo) return;
  const { office, units, today, store } = demo;
  const y = Number(fromDayNumber(today).slice(0, 4));
  const tx = <T>(work: (t: any) => Promise<T>) => platform.db.transaction().execute(work);
  const ver = async (id: string) => (await platform.db.selectFrom('decisions').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
  const unit = (code: string) => units.get(code)!;

  const item = (ref: string, year: number, title: string, code: string, plannedDate: string, consentDate: string, addedReason?: string) =>
    tx((t) => createCatalogItem(t, platform, office, office.scope, { ref, year, title, unitId: unit(code), plannedDate, consentDate, addedReason }));
  const decision = (ref: string, year: number, title: string, code: string, catalogItemId: string | null, unlistedReason?: string) =>
    tx((t) => createDecision(t, platform, office, office.scope, { ref, year, title, unitId: unit(code), catalogItemId, unlistedReason, summary: `${title}，涉及群众切身利益，列为重大行政决策事项。` }));
  const proc = async (id: string, p: Procedure, body: Record<string, unknown>) => {
    const version = await ver(id);
    return tx((t) => recordProcedure(t, platform, office, office.scope, id, p, { version, ...body }));
  };
  const summary = async (id: string, date: string) => {
    const version = await ver(id);
    await tx((t) => publishCommentSummary(t, platform, office, office.scope, id, version, date));
  };
  const step = async (ctx: RequestContext, id: string, key: string, date: string, values?: Record<string, unknown>, note?: string) =>
    applyTransition(platform, ctx, DECISION_WORKFLOW, id, key, { version: await ver(id), date, values, note });
  const comment = async (decisionId: string, receivedDate: string, content: string, channel: 'online' | 'letter' | 'email' | 'meeting', commenterName?: string, answer?: [string, string, string]) => {
    const id = await tx((t) => createComment(t, platform, office, office.scope, { decisionId, receivedDate, content, channel, commenterName }));
    if (answer) {
      const { version } = await platform.db.selectFrom('decision_comments').select('version').where('id', '=', id).executeTakeFirstOrThrow();
      await applyTransition(platform, office, COMMENT_WORKFLOW, id, 'answer', { version, date: answer[0], values: { answer: answer[1], answerReason: answer[2] } });
    }
  };
  /** An evidence file (证明材料) of a procedure, in the decision's unit, as an upload stores it. */
  const evidence = async (decisionId: string, code: string, p: Procedure, filename: string, text: string) => {
    const buffer = Buffer.from(text, 'utf8');
    await platform.db.insertInto('attachments').values({ id: newId(), content_hash: store.put(buffer), size: buffer.length, mime: await checkFileType(filename, buffer), filename, record_type: PROCEDURE_RECORD_TYPE, record_id: procedureRecordId(decisionId, p), unit_id: unit(code), uploaded_by: office.id, uploaded_at: nowIso() }).execute();
  };
  const d = (year: number, md: string) => `${year}-${md}`;
  const last = y - 1;
  /** This year's steps are counted back from today, so that none is in the future whenever the demo is loaded. */
  const ago = (days: number) => fromDayNumber(today - days);

  // Last year's catalog.
  const i1 = await item('DEMO-DML-1', last, '城区停车收费标准调整', 'SFX-D02', d(last, '09-30'), d(last, '02-20'));
  const i2 = await item('DEMO-DML-2', last, '县城污水处理费调整', 'SFX-D11', d(last, '10-31'), d(last, '02-20'));
  const i3 = await item('DEMO-DML-3', last, '农村集体经营性建设用地入市办法', 'SFX-D09', d(last, '12-31'), d(last, '02-20'));
  const i4 = await item('DEMO-DML-4', last, '校外培训机构管理办法', 'SFX-D03', d(last, '12-31'), d(last, '06-18'), '根据上级部署新增，经县委同意增补列入目录');
  await applyTransition(platform, office, CATALOG_WORKFLOW, i3, 'withdraw', { version: 1, date: d(last, '08-15'), values: { withdrawnReason: '上级出台统一办法，本县不再单独制定' } });

  // 1. Every procedure, decided, published, reported on, post-evaluated.
  const a = await decision('DEMO-JC-1', last, '城区停车收费标准调整', 'SFX-D02', i1);
  await proc(a, 'public_participation', { draftText: DRAFT('城区停车收费标准调整方案'), commentStart: d(last, '03-01'), commentEnd: d(last, '03-31') });
  await tx((t) => addEvent(t, platform, office, office.scope, a, { kind: 'hearing', noticeDate: d(last, '03-05'), date: d(last, '03-18'), participants: 21, participantList: '消费者代表9名、经营者代表5名、人大代表政协委员3名、专家2名、有关部门2名', record: '听证会由县发改局主持，听证参加人围绕收费标准、免费时长等发表意见。' }));
  await tx((t) => addEvent(t, platform, office, office.scope, a, { kind: 'comment_meeting', date: d(last, '03-22'), participants: 15, participantList: '社区居民代表、商户代表', record: '在城关镇东关社区召开座谈会。' }));
  await comment(a, d(last, '03-05'), '建议免费停车时长由15分钟延长至30分钟，方便接送学生。', 'online', undefined, [d(last, '04-10'), 'adopted', '已将学校周边路段免费时长调整为30分钟。']);
  await comment(a, d(last, '03-12'), '夜间停车收费偏高，建议夜间按次收费。', 'letter', '李某', [d(last, '04-10'), 'partly', '夜间（20:00—次日8:00）按次收费，但收费标准维持测算结果。']);
  await comment(a, d(last, '03-20'), '建议取消所有路内停车收费。', 'meeting', '王某', [d(last, '04-10'), 'rejected', '路内停车收费是调节停车需求的必要手段，取消将加剧停车难。']);
  await summary(a, d(last, '04-12'));
  await proc(a, 'expert', { expertSessionDate: d(last, '04-15'), experts: '交通规划专家张某、价格专家刘某、法律顾问陈某', expertOpinion: '方案测算依据充分，建议分区域差别定价，设置过渡期。' });
  await proc(a, 'risk', { riskAssessmentDate: d(last, '04-25'), riskLevel: 'low', riskAssessor: '县社会稳定风险评估中心', riskReport: '经问卷调查和走访，群众总体支持，风险等级为低。', riskMeasures: '设置三个月过渡期，加强宣传解释。' });
  await proc(a, 'legality', { legalitySubmittedDate: d(last, '05-06'), legalityDueDate: d(last, '05-20'), legalityReviewerKind: 'law_office', legalityReviewer: '县司法局', legalityReviewDate: d(last, '05-16'), legalityConclusion: 'amend', legalityOpinion: '第五条收费依据应引用现行价格管理规定，修改后合法。' });
  await proc(a, 'deliberation', { meeting: 'standing', meetingName: `县人民政府${last}年第8次常务会议`, deliberationDate: d(last, '05-28'), minutes: '会议听取县发改局关于方案的汇报，原则同意，按审查意见修改后印发。', dissent: '一名参会人员建议延后实施，已记录在案。' });
  // Each procedure's evidence (证明材料), without which 作出决策 is refused.
  await evidence(a, 'SFX-D02', 'public_participation', '听证会笔录.txt', `城区停车收费标准调整听证会笔录\n时间：${last}年3月18日\n听证参加人21名，主要意见：延长免费时长、夜间按次收费。`);
  await evidence(a, 'SFX-D02', 'public_participation', '意见采纳情况说明.txt', '城区停车收费标准调整方案征求意见采纳情况\n收到意见3条：采纳1条、部分采纳1条、不采纳1条，理由已在门户网站公布。');
  await evidence(a, 'SFX-D02', 'expert', '专家论证意见.txt', '城区停车收费标准调整方案专家论证意见\n方案测算依据充分，建议分区域差别定价，设置过渡期。');
  await evidence(a, 'SFX-D02', 'risk', '风险评估报告.txt', '城区停车收费标准调整社会稳定风险评估报告\n结论：风险等级低，建议设置三个月过渡期。');
  await evidence(a, 'SFX-D02', 'legality', '合法性审查意见书.txt', '关于《城区停车收费标准调整方案》的合法性审查意见\n第五条收费依据应引用现行价格管理规定，修改后合法。');
  await evidence(a, 'SFX-D02', 'deliberation', '常务会议纪要.txt', `县人民政府${last}年第8次常务会议纪要（摘录）\n会议原则同意方案；一名参会人员建议延后实施，已记录在案。`);
  await step(office, a, 'decide', d(last, '05-28'));
  await step(office, a, 'publish', d(last, '06-05'), { publication: '县人民政府门户网站、《示范县政报》' });
  await tx((t) => addImplementationReport(t, platform, office, office.scope, a, { date: d(last, '12-20'), content: '方案自7月1日起实施，城区周转率提高约20%，收到投诉3件均已处理。' }));
  await step(office, a, 'evaluate', ago(5), { postEvalTrigger: '实施满一定期限，按决策要求开展后评估', postEvaluator: '县发展研究中心（第三方）', postEvalConclusion: 'continue', postEvalReport: '停车资源周转明显改善，群众满意度82%，建议继续执行并适时微调学校周边时段。' });

  // 2. Decided and in implementation.
  const b = await decision('DEMO-JC-2', last, '县城污水处理费调整', 'SFX-D11', i2);
  await proc(b, 'public_participation', { draftText: DRAFT('县城污水处理费调整方案'), commentStart: d(last, '05-10'), commentEnd: d(last, '06-10') });
  await comment(b, d(last, '05-20'), '建议对低保家庭减免污水处理费。', 'online', undefined, [d(last, '06-20'), 'adopted', '低保家庭按50%收取。']);
  await summary(b, d(last, '06-22'));
  await proc(b, 'expert', { notApplicable: '收费标准按上级定价成本监审结果确定，无需另行专家论证' });
  await proc(b, 'risk', { riskAssessmentDate: d(last, '07-01'), riskLevel: 'medium', riskAssessor: '县住建局会同县信访局', riskReport: '涉及全县居民，可能引发集中反映，风险等级为中。', riskMeasures: '分两步调整到位，设立咨询电话。' });
  await proc(b, 'legality', { legalitySubmittedDate: d(last, '07-06'), legalityDueDate: d(last, '07-17'), legalityReviewerKind: 'advisor', legalityReviewer: '县政府法律顾问（某律师事务所）', legalityReviewDate: d(last, '07-14'), legalityConclusion: 'legal', legalityOpinion: '程序和内容合法。' });
  await proc(b, 'deliberation', { meeting: 'standing', meetingName: `县人民政府${last}年第11次常务会议`, deliberationDate: d(last, '07-25'), minutes: '会议同意调整方案。' });
  await evidence(b, 'SFX-D11', 'public_participation', '意见采纳情况说明.txt', '县城污水处理费调整方案征求意见采纳情况\n收到意见1条，已采纳：低保家庭按50%收取。');
  await evidence(b, 'SFX-D11', 'risk', '风险评估报告.txt', '县城污水处理费调整社会稳定风险评估报告\n风险等级为中，建议分两步调整到位。');
  await evidence(b, 'SFX-D11', 'legality', '法律顾问审查意见.txt', '关于县城污水处理费调整方案的法律意见书\n程序和内容合法。');
  await evidence(b, 'SFX-D11', 'deliberation', '常务会议纪要.txt', `县人民政府${last}年第11次常务会议纪要（摘录）\n会议同意调整方案。`);
  await step(office, b, 'decide', d(last, '07-25'));
  await step(office, b, 'publish', d(last, '08-01'), { publication: '县人民政府门户网站' });

  // 3. An item added during the year, its decision terminated.
  const c = await decision('DEMO-JC-3', last, '校外培训机构管理办法', 'SFX-D03', i4);
  await step(office, c, 'terminate', d(last, '10-10'), undefined, '上级出台统一管理规定，本县决策事项终止');

  // This year's catalog.
  const consent = d(y, '02-15');
  const j1 = await item('DEMO-DML-5', y, '城区中小学校布局调整规划', 'SFX-D03', d(y, '12-31'), consent);
  const j2 = await item('DEMO-DML-6', y, '老旧小区改造实施方案', 'SFX-D11', d(y, '12-31'), consent);
  const j3 = await item('DEMO-DML-7', y, '城区公交线路优化调整方案', 'SFX-D12', d(y, '09-30'), consent);
  await item('DEMO-DML-8', y, '高标准农田建设规划', 'SFX-D14', d(y, '12-31'), consent);

  // 4. Open for comment now on the portal, with comments (some answered) and a hearing announced.
  const e = await decision('DEMO-JC-4', y, '城区中小学校布局调整规划', 'SFX-D03', j1);
  const start = fromDayNumber(today - 10);
  await proc(e, 'public_participation', { draftText: DRAFT('城区中小学校布局调整规划'), commentStart: start, commentEnd: fromDayNumber(today + 20) });
  await comment(e, fromDayNumber(today - 9), '建议在城东新区增设一所九年一贯制学校，缓解就近入学压力。', 'online', undefined, [fromDayNumber(today - 2), 'adopted', '已在规划中增加城东新区九年一贯制学校一所。']);
  await comment(e, fromDayNumber(today - 7), '撤并农村教学点后，请解决学生上下学交通问题。', 'letter', '赵某', [fromDayNumber(today - 2), 'partly', '开通定制校车线路；个别偏远教学点暂予保留。']);
  await comment(e, fromDayNumber(today - 4), '希望保留老城区第二小学现址。', 'online');
  await comment(e, fromDayNumber(today - 1), '规划应同步考虑学校周边交通组织和停车。', 'email', '某小区业委会');
  await tx((t) => addEvent(t, platform, office, office.scope, e, { kind: 'hearing', noticeDate: fromDayNumber(today - 3), date: fromDayNumber(today + 6), participants: 0, participantList: '听证参加人报名中（家长代表、教师代表、人大代表、政协委员）' }));

  // 5. Comment period over, summary published; expert and risk done; legality review under way.
  const f = await decision('DEMO-JC-5', y, '老旧小区改造实施方案', 'SFX-D11', j2);
  await proc(f, 'public_participation', { draftText: DRAFT('老旧小区改造实施方案'), commentStart: ago(150), commentEnd: ago(120) });
  await comment(f, ago(140), '加装电梯应明确低楼层住户补偿办法。', 'online', undefined, [ago(112), 'adopted', '增加低楼层住户补偿条款。']);
  await comment(f, ago(132), '建议改造资金全部由财政承担。', 'meeting', '居民代表', [ago(112), 'rejected', '按照“谁受益、谁出资”原则，居民合理分担。']);
  await tx((t) => addEvent(t, platform, office, office.scope, f, { kind: 'comment_meeting', date: ago(132), participants: 30, record: '在三个社区召开居民座谈会。' }));
  await summary(f, ago(110));
  await proc(f, 'expert', { expertSessionDate: ago(100), experts: '城市规划专家、结构工程专家、物业管理专家', expertOpinion: '方案可行，建议先行试点。' });
  await tx((t) => addEvent(t, platform, office, office.scope, f, { kind: 'expert', date: ago(100), participants: 5, record: '专家论证会。' }));
  await proc(f, 'risk', { riskAssessmentDate: ago(90), riskLevel: 'medium', riskAssessor: '县社会稳定风险评估中心', riskReport: '涉及多方利益，风险等级为中。', riskMeasures: '一小区一方案，成立居民议事会。' });
  // The evidence so far: the consultation's and the experts'; the risk assessment's report is still to be uploaded.
  await evidence(f, 'SFX-D11', 'public_participation', '居民座谈会记录.txt', '老旧小区改造实施方案居民座谈会记录\n三个社区共30名居民代表参加。');
  await evidence(f, 'SFX-D11', 'expert', '专家论证会纪要.txt', '老旧小区改造实施方案专家论证会纪要\n方案可行，建议先行试点。');
  const sub = fromDayNumber(today - 3);
  await proc(f, 'legality', { legalitySubmittedDate: sub, legalityDueDate: fromDayNumber(today + 20), legalityReviewerKind: 'law_office', legalityReviewer: '县司法局' });

  // 6. Decided this year, expert argumentation not applicable.
  const g = await decision('DEMO-JC-6', y, '城区公交线路优化调整方案', 'SFX-D12', j3);
  await proc(g, 'public_participation', { draftText: DRAFT('城区公交线路优化调整方案'), commentStart: ago(240), commentEnd: ago(205) });
  await comment(g, ago(225), '建议开通至县人民医院的直达线路。', 'online', undefined, [ago(202), 'adopted', '新开8路直达县人民医院。']);
  await summary(g, ago(200));
  await proc(g, 'expert', { notApplicable: '线路调整属技术性较弱的事项，已充分听取公众意见' });
  await proc(g, 'risk', { riskAssessmentDate: ago(190), riskLevel: 'low', riskAssessor: '县交通运输局', riskReport: '风险等级为低。', riskMeasures: '新旧线路并行一个月。' });
  await proc(g, 'legality', { legalitySubmittedDate: ago(188), legalityDueDate: ago(170), legalityReviewerKind: 'law_office', legalityReviewer: '县司法局', legalityReviewDate: ago(180), legalityConclusion: 'legal', legalityOpinion: '合法。' });
  await proc(g, 'deliberation', { meeting: 'standing', meetingName: `县人民政府${y}年第6次常务会议`, deliberationDate: ago(175), minutes: '会议同意方案。' });
  await evidence(g, 'SFX-D12', 'public_participation', '意见采纳情况说明.txt', '城区公交线路优化调整方案征求意见采纳情况\n收到意见1条，已采纳：新开8路直达县人民医院。');
  await evidence(g, 'SFX-D12', 'risk', '风险评估报告.txt', '城区公交线路优化调整风险评估报告\n风险等级为低，新旧线路并行一个月。');
  await evidence(g, 'SFX-D12', 'legality', '合法性审查意见书.txt', '关于城区公交线路优化调整方案的合法性审查意见\n合法。');
  await evidence(g, 'SFX-D12', 'deliberation', '常务会议纪要.txt', `县人民政府${y}年第6次常务会议纪要（摘录）\n会议同意方案。`);
  await step(office, g, 'decide', ago(175));

  // 7. Unlisted and urgent: public participation not applicable.
  const h = await decision('DEMO-JC-7', y, '突发公共卫生事件应急物资储备方案', 'SFX-D17', null, '因应急需要临时启动，未列入年度目录');
  await proc(h, 'public_participation', { notApplicable: '涉及应急物资储备安全，依法不予公开征求意见（条例第九条）' });

  print(`重大行政决策演示数据：${last}、${y} 年目录 8 项，决策 7 项（各状态），正在征求意见 1 项。`);
}
