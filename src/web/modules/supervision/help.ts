import { FINDING_WORKFLOW } from '../../../shared/schemas/supervision.ts';
import type { ModuleHelp } from '../../help/types.ts';

export const help: ModuleHelp = {
  key: 'supervision',
  title: '法治督察与整改',
  paths: ['/inspections', '/findings', '/notices'],
  purpose: '登记书面、实地、专项和暗访督察，记录督察发现的问题，由被督察单位整改、法治办回头看核查销号，形成整改闭环。重大问题约谈单位负责人；逾期未整改的问题发通报或督办单。所有问题同时进入问题池。',
  duties: [
    { who: '法治办工作人员、督察员', does: '安排督察，登记发现的问题和整改期限，回头看核查销号或退回重新整改，约谈，印发通报和督办单。' },
    { who: '单位联络员、单位负责人', does: '制定整改措施，按期报送整改结果和佐证材料。' },
  ],
  workflows: [
    {
      def: FINDING_WORKFLOW,
      intro: '问题的整改期限由督察组确定，按登记的整改期限计时（不顺延节假日）；问题只有经核查销号才算整改完成。',
      steps: { rectify: '报送整改结果须上传整改佐证材料。', verify: '回头看核查确认整改到位后销号。', reopen: '核查未通过的，写明原因退回重新整改。' },
    },
  ],
  rules: [],
  imports: { types: ['inspections', 'findings'], text: '先导入督察，再导入问题（按督察的外部编号关联）；整改期限不能早于督察日期。' },
  faq: [{ q: '什么时候要约谈？', a: '严重程度为“重大”的问题，须约谈被督察单位负责人，并在问题页面登记约谈日期和约谈人。' }],
};
