import { AUDIT_FINDING_WORKFLOW, AUDIT_PROJECT_WORKFLOW } from '../../../shared/schemas/audits.ts';
import type { ModuleHelp } from '../../help/types.ts';

export const help: ModuleHelp = {
  key: 'audits',
  title: '审计项目与问题整改',
  paths: ['/audits', '/audit-findings'],
  purpose: '登记审计机关对本县各单位的审计项目（经济责任、政策跟踪、预算执行、投资、专项审计）和审计发现的问题，被审计单位按期整改并报送整改结果，法治办核查销号。问题同时进入问题池。',
  duties: [
    { who: '法治办工作人员', does: '登记或导入审计项目和发现的问题，核查整改结果，销号或退回重新整改。' },
    { who: '单位联络员、单位负责人（被审计单位）', does: '按期报送整改结果和佐证材料。' },
  ],
  workflows: [
    { def: AUDIT_PROJECT_WORKFLOW, intro: '审计项目按审计报告登记，一个项目下登记多个发现的问题。' },
    { def: AUDIT_FINDING_WORKFLOW, intro: '问题登记后开始计算整改期限{{audits.rectify}}，自审计报告日期起算。', steps: { rectify: '报送整改结果须上传整改佐证材料。', verify: '核查确认整改到位后销号，计入整改完成。' } },
  ],
  rules: ['audits.rectify'],
  imports: { types: ['audit_projects', 'audit_findings'], text: '先导入审计项目，再导入问题（按项目的外部编号关联）；涉及金额以分为单位填写整数，无金额的管理问题可不填。' },
  faq: [{ q: '整改期限与审计决定书不一致怎么办？', a: '整改期限按本地规定执行，法治办可在“法定期限规则”中调整；调整后未结问题的期限自动重新计算。' }],
};
