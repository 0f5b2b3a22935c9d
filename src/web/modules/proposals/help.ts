import { PROPOSAL_WORKFLOW } from '../../../shared/schemas/proposals.ts';
import type { ModuleHelp } from '../../help/types.ts';

export const help: ModuleHelp = {
  key: 'proposals',
  title: '建议提案',
  paths: ['/proposals'],
  purpose: '办理交办给本县各单位的人大代表建议和政协委员提案：交办、答复代表委员、登记满意度。系统从交办之日起计算答复期限，涉及面广、处理难度大的按情况复杂的期限计算，并统计建议提案总数、立案数和按期答复率。',
  duties: [
    { who: '法治办工作人员（或交办部门）', does: '登记交办的建议提案，登记代表委员满意度并办结。' },
    { who: '单位联络员、单位负责人（承办单位）', does: '在期限内答复代表委员，上传答复函。' },
  ],
  workflows: [
    {
      def: PROPOSAL_WORKFLOW,
      intro: '交办后开始计算答复期限：一般{{proposals.reply}}内答复，情况复杂的不超过{{proposals.reply_complex}}。',
      steps: { reply: '答复函作为台账材料上传；答复日期不能早于交办日期。', close: '登记代表委员对答复的满意度（满意、基本满意、不满意）后办结。' },
    },
  ],
  rules: ['proposals.reply', 'proposals.reply_complex'],
  imports: { types: ['proposals'], text: '每年交办的建议提案可按模板一次导入；类别填写人大代表建议或政协委员提案，承办单位填单位编码。' },
  faq: [{ q: '政协提案的答复期限依据什么？', a: '人大代表建议依据代表法，政协提案按本地提案工作规定执行；本地规定不同的，法治办可在“法定期限规则”中调整。' }],
};
