import { MATTER_WORKFLOW } from '../../../shared/schemas/matters.ts';
import type { ModuleHelp } from '../../help/types.ts';

export const help: ModuleHelp = {
  key: 'matters',
  title: '交办事项',
  paths: ['/matters'],
  purpose: '法治办向各单位交办具体工作事项（如督办件、材料报送），承办单位按期报送办理情况，法治办审核办结。逾期未办结的事项亮红牌并督办。',
  duties: [
    { who: '法治办工作人员', does: '交办事项、选择期限规则，审核办理情况（通过或退回重办），必要时暂缓或撤销。' },
    { who: '单位联络员、单位负责人', does: '在我的待办中查看交办事项，按期报送办理情况和材料。' },
  ],
  workflows: [{ def: MATTER_WORKFLOW, intro: '交办时选择期限规则，默认{{matter.reply}}，自交办之日起计算。', steps: { reply: '写明办理情况并上传材料。', return: '退回时写明原因，期限继续计算。' } }],
  rules: ['matter.reply'],
  faq: [{ q: '事项暂缓后期限怎么算？', a: '暂缓期间期限暂停，恢复办理后继续计算。' }],
};
