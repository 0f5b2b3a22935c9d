import { CAMPAIGN_WORKFLOW, CASE_WORKFLOW, COMPLAINT_WORKFLOW, OFFICER_WORKFLOW, SUPERVISION_WORKFLOW } from '../../../shared/schemas/enforcement.ts';
import type { ModuleHelp } from '../../help/types.ts';

export const help: ModuleHelp = {
  key: 'enforcement',
  title: '行政执法与执法监督',
  paths: ['/enforcement'],
  purpose: '管理执法主体及其权责清单（含赋予乡镇的事项）、执法人员和执法证、四张清单（不予处罚、从轻处罚、减轻处罚、不予实施行政强制）和检查事项目录；登记行政检查、处罚、强制、许可案件，落实行政执法三项制度：执法决定公示、执法全过程记录、重大执法决定法制审核。司法局依《行政执法监督条例》（国务院令第825号）开展执法监督、案卷评查，受理执法投诉举报，登记两法衔接移送案件。',
  duties: [
    { who: '执法人员', does: '登记本主体的执法案件（每案至少两名持有效执法证的执法人员），上传全过程记录，重大案件提交法制审核，作出决定后按期公示。' },
    { who: '单位联络员、单位负责人（执法部门）', does: '维护本单位执法主体、执法人员和清单，出具本单位法制审核意见，报送执法监督整改情况，答复投诉举报。' },
    { who: '法治办工作人员（司法局）、督察员', does: '开展执法监督，制发监督意见书和决定书，组织案卷评查，核查整改，统计执法数据。' },
  ],
  workflows: [
    {
      def: CASE_WORKFLOW,
      intro: '行政处罚案件自立案之日起{{enforcement.penalty_decide}}内作出决定（法律、法规、规章另有规定的除外）。作出决定后开始计算公示期限：行政许可、行政处罚决定{{enforcement.disclosure_penalty_licence}}，其他执法决定{{enforcement.disclosure}}。已公开的决定被撤销、确认违法或要求重新作出的，{{enforcement.disclosure_withdraw}}内撤下原信息。',
      steps: { submit_review: '重大执法决定作出前必须经法制审核；未经审核不能作出决定。', decide: '对本主体不予处罚清单中的事项作出处罚的，须写明理由。' },
    },
    { def: OFFICER_WORKFLOW, intro: '执法人员登记身份证号码（加密保存）、执法证号和有效期；执法证过期或人员离岗的，不能被安排办理案件。' },
    { def: SUPERVISION_WORKFLOW, intro: '发现问题的，制发行政执法监督意见书，被监督单位自收到之日起{{enforcement.supervision_correct}}内整改并报送整改情况；逾期未整改或整改不到位的，制发行政执法监督决定书。' },
    { def: CAMPAIGN_WORKFLOW, intro: '案卷评查按批次开展：抽取案卷，按评分表逐项打分，评定合格与否，登记发现的问题。' },
    { def: COMPLAINT_WORKFLOW, intro: '投诉举报自收到之日起计算答复期限{{enforcement.complaint_reply}}。' },
  ],
  rules: ['enforcement.penalty_decide', 'enforcement.disclosure', 'enforcement.disclosure_penalty_licence', 'enforcement.disclosure_withdraw', 'enforcement.supervision_correct', 'enforcement.complaint_reply'],
  imports: { types: ['enforcement_bodies', 'enforcement_officers', 'enforcement_list_items', 'enforcement_cases', 'file_reviews'], text: '依次导入执法主体、执法人员、清单事项和执法案件；执法证号全县唯一，有效期至须晚于发证日期；案件的法制审核日期、决定日期不能早于立案日期。案卷评查结果也可导入。' },
  faq: [
    { q: '为什么选不到某位执法人员？', a: '执法证已过期、被注销或人员已离岗的，不能安排办理案件；请先在执法人员页面核实其执法证。' },
    { q: '公示期限从哪天算？', a: '从执法决定作出之日起计算；行政许可、行政处罚和其他决定的期限不同，案件页面显示适用的期限和依据。' },
  ],
};
