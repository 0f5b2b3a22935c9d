import { REPORT_WORKFLOW, SCHEME_WORKFLOW } from '../../../shared/schemas/assessment.ts';
import type { ModuleHelp } from '../../help/types.ts';

export const help: ModuleHelp = {
  key: 'assessment',
  title: '法治建设考评与述法',
  paths: ['/assessment'],
  purpose: '制定年度法治政府建设考评方案（指标树、分值、适用的单位类别、计分方法），对各部门、乡镇打分：计算类指标由系统按台账数据自动计分，人工指标由考评人员打分并写明理由。初评结果公布后，被考评单位可在异议期内提出一次异议，法治办答复后确定最终结果。单位负责人的述法报告也在此提交和评议。',
  duties: [
    { who: '法治办工作人员', does: '制定、发布考评方案，组织打分，公布初评结果，答复异议，确定最终结果；退回或评议述法报告。' },
    { who: '督察员', does: '按方案对人工指标打分，评议述法报告。' },
    { who: '单位联络员、单位负责人', does: '查看本单位得分，在异议期内提出异议；提交本单位负责人的述法报告。' },
  ],
  workflows: [
    { def: SCHEME_WORKFLOW, intro: '方案发布后开始打分；公布初评结果时开始计算异议期{{assessment.objection}}，异议期满并答复全部异议后确定最终结果。' },
    { def: REPORT_WORKFLOW, intro: '单位负责人的述法报告写明履行推进法治建设第一责任人职责的情况，提交后由法治办或督察员评议，内容不全的退回修改。' },
  ],
  rules: ['assessment.objection'],
  imports: { types: ['assessment_schemes', 'assessment_lines', 'assessment_scores'], text: '方案、指标和评分都可批量导入：先导入方案，再导入指标（按方案关联，最多三级），再导入人工评分。类别权重写作“部门:0.03;乡镇:0.04”。' },
  faq: [{ q: '方案能沿用去年的吗？', a: '可以。打开上一年度的方案，复制为下一年度方案（含指标、分值、公式和适用类别），新方案为编制中，再按今年的要求修改。' }],
};
