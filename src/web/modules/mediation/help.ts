import { DISPUTE_WORKFLOW } from '../../../shared/schemas/mediation.ts';
import type { ModuleHelp } from '../../help/types.ts';

export const help: ModuleHelp = {
  key: 'mediation',
  title: '矛盾纠纷调解',
  paths: ['/disputes'],
  purpose: '登记调解组织和人民调解、行政调解、司法调解受理的矛盾纠纷（三调联动），记录调解员（律师参与的单独标注）、调解结果、调解协议和回访。系统统计纠纷数、调解成功数和成功率、回访率、律师参与次数。',
  duties: [
    { who: '乡镇（街道）联络员', does: '登记本乡镇及村（社区）调委会受理的纠纷，登记调解结果、协议和回访。' },
    { who: '法治办工作人员', does: '维护调解组织名册，查看全县调解情况，跟踪转其他途径处理的纠纷。' },
  ],
  workflows: [{ def: DISPUTE_WORKFLOW, intro: '受理纠纷后登记，开始调解；结案时选择调解成功、调解不成功或转其他途径，调解成功的上传调解协议。结案后进行回访并登记回访结果。', steps: { revisit: '回访日期不能早于结案日期；回访率按已结案纠纷中已回访的比例计算。' } }],
  rules: [],
  imports: { types: ['mediation_orgs', 'disputes'], text: '先导入调解组织，再导入纠纷；纠纷的受理单位填村（社区）或乡镇的单位编码，已结案的须填写结案日期。' },
  faq: [{ q: '一个纠纷先人民调解、后转司法调解，怎么登记？', a: '原纠纷结案时选择“转其他途径”，再按新的调解途径登记一件，并在说明中注明关联的纠纷。' }],
};
