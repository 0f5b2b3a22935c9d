import { LITIGATION_WORKFLOW } from '../../../shared/schemas/litigation.ts';
import type { ModuleHelp } from '../../help/types.ts';

export const help: ModuleHelp = {
  key: 'litigation',
  title: '行政应诉',
  paths: ['/litigation'],
  purpose: '登记本县行政机关作为被告的行政诉讼案件：收到起诉状副本、提交答辩状和证据、开庭（行政机关负责人是否出庭应诉）、裁判结果和上诉。系统按《中华人民共和国行政诉讼法》计算答辩期限，统计案件数及同比变化、负责人出庭应诉率和败诉率；败诉案件须作原因剖析，并进入问题池。',
  duties: [
    { who: '单位联络员、单位负责人（被告单位）', does: '登记本单位案件，按期提交答辩状和证据，登记开庭情况和裁判结果。' },
    { who: '法治办工作人员', does: '督促答辩和负责人出庭应诉，审核结案，分析败诉原因。' },
    { who: '县领导', does: '查看负责人出庭应诉率、败诉率。' },
  ],
  workflows: [
    {
      def: LITIGATION_WORKFLOW,
      intro: '登记案件时填写收到起诉状副本的日期，系统据此计算答辩期限：收到之日起{{litigation.defence}}内向人民法院提交证据、依据并提出答辩状。',
      steps: {
        defend: '答辩状和证据目录作为台账材料上传。',
        judge: '登记胜诉、败诉、原告撤诉或调解结案；败诉的须填写败诉原因剖析。',
      },
    },
  ],
  rules: ['litigation.defence'],
  imports: { types: ['litigation_cases', 'litigation_hearings'], text: '先导入案件，再导入开庭记录（开庭记录按案件的外部编号关联）。开庭日期不能早于立案日期；负责人出庭情况填写“是”或“否”。' },
  faq: [
    { q: '负责人出庭应诉率怎么算？', a: '当年开庭的庭次中，行政机关负责人出庭的庭次所占比例；每次开庭单独登记。' },
    { q: '案件上诉后怎么登记？', a: '在案件页面选择“提起或应对上诉”，二审裁判后再登记结果。' },
  ],
};
