import { CATALOG_WORKFLOW, COMMENT_WORKFLOW, DECISION_WORKFLOW, PROCEDURE_WORKFLOW } from '../../../shared/schemas/decisions.ts';
import type { ModuleHelp } from '../../help/types.ts';

export const help: ModuleHelp = {
  key: 'decisions',
  title: '重大行政决策',
  paths: ['/decision-catalog', '/decisions', '/decision-comments'],
  purpose: '按《重大行政决策程序暂行条例》（2019年）管理重大行政决策：每年的决策事项目录经同级党委同意后向社会公布；每项决策依次履行公众参与、专家论证、风险评估、合法性审查和集体讨论决定五项法定程序（不适用的须说明理由），全部履行并留存材料后才能作出决策；决策公布、执行后开展后评估。征求意见稿在门户网站公布，公众意见逐条处理并公布采纳情况。',
  duties: [
    { who: '决策承办单位（单位联络员、单位负责人）', does: '登记决策，逐项登记五项程序及材料，处理公众意见，作出、公布决策并组织后评估。' },
    { who: '法治办工作人员', does: '编制年度决策事项目录，开展合法性审查，督促各项程序依法履行。' },
    { who: '社会公众', does: '在门户网站对征求意见稿提出意见。' },
  ],
  workflows: [
    { def: CATALOG_WORKFLOW, intro: '目录事项按年度登记；目录公布后增补事项的，须说明理由。' },
    {
      def: DECISION_WORKFLOW,
      intro: '公众参与：征求意见期限{{decision.public_comment}}，因情况紧急等原因缩短的须填写理由；合法性审查：应保证审查机构的审查时间{{decision.legality_review}}。未经合法性审查或经审查不合法的，不得提交集体讨论。',
      steps: { decide: '五项程序中适用的每一项都有记录和材料，且合法性审查已完成，才能作出决策；集体讨论中的不同意见须如实记录。', evaluate: '决策执行一段时间后开展后评估，登记评估完成日期和结论。' },
    },
    { def: PROCEDURE_WORKFLOW, intro: '听证会、专家论证会、征求意见会等程序活动单独登记举行日期和参加人员；听证会应提前公告时间、地点和拟听证事项。' },
    { def: COMMENT_WORKFLOW, intro: '门户网站收到的公众意见自动登记，承办单位逐条处理（采纳、部分采纳、不予采纳并说明理由）。' },
  ],
  rules: ['decision.public_comment', 'decision.legality_review'],
  imports: { types: ['decision_catalog_items', 'decisions', 'decision_events'], text: '目录事项、决策和程序活动（听证会、专家论证会、征求意见会）可按模板导入；决策按目录事项的外部编号关联，各程序日期不能晚于决策日期。' },
  faq: [
    { q: '某项程序不适用怎么办？', a: '在决策页面将该程序标记为不适用并写明理由；合法性审查不能标记为不适用。' },
    { q: '征求意见期限能短于规定吗？', a: '因情况紧急等原因需要缩短的，须填写缩短理由，系统才会接受。' },
  ],
};
