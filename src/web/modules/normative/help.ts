import { CLEANUP_WORKFLOW, LEGAL_REVIEW_WORKFLOW, NORMDOC_WORKFLOW } from '../../../shared/schemas/normative.ts';
import type { ModuleHelp } from '../../help/types.ts';

export const help: ModuleHelp = {
  key: 'normative',
  title: '规范性文件与合法性审查',
  paths: ['/normative-docs', '/legal-reviews', '/normdoc-cleanups', '/legal-advisors', '/normdoc-check-rules'],
  purpose: '管理行政规范性文件的全过程：起草单位提交合法性审查（制定主体、权限、内容、程序四个方面），系统按预审规则提示草案中可能违法设定许可、处罚、强制、收费，减损权利增加义务，排除限制竞争，缺少有效期等问题（提示只辅助审核，不代替审核）；经集体审议后统一登记、统一编号、统一公布（三统一），公布后报上一级政府和本级人大常委会备案；定期清理。另登记政府合同、常务会议题、会议纪要、重大执法决定等其他涉法事务的合法性审查，以及法律顾问、公职律师名册和服务记录。',
  duties: [
    { who: '起草单位（单位联络员、单位负责人）', does: '登记草案并提交合法性审查，按审查意见修改，公布后按期报送备案。' },
    { who: '合法性审核员、法治办工作人员', does: '出具合法性审查意见（逐条处理预审提示），退回修改；统一登记、编号、公布；登记备案审查意见；组织文件清理；维护预审规则。' },
    { who: '法律顾问', does: '参与合法性审查，服务记录登记在其名下。' },
  ],
  workflows: [
    {
      def: NORMDOC_WORKFLOW,
      intro: '文件公布后同时开始两个备案期限：报上一级人民政府备案和报本级人大常委会备案，各为{{normdoc.filing}}，自公布之日起计算。有效期一般不超过5年，暂行、试行的不超过2年。',
      steps: { review: '审查意见须逐条处理系统的预审提示（采纳或说明不采纳的理由）。', publish: '统一登记、编号并公布，登记文号和公布日期。' },
    },
    { def: LEGAL_REVIEW_WORKFLOW, intro: '收到送审材料之日起按事项类别计算审查期限：政府合同{{legal_review.contract}}，常务会议题{{legal_review.topic}}，会议纪要{{legal_review.minutes}}，重大执法决定法制审核{{legal_review.enforcement}}，其他涉法事务{{legal_review.other}}。' },
    { def: CLEANUP_WORKFLOW, intro: '清理时选定公布日期截至某日的现行有效文件，逐件作出保留、修改、废止或宣布失效的结论并说明理由，完成后公布清理结果。' },
  ],
  rules: ['normdoc.filing', 'legal_review.contract', 'legal_review.topic', 'legal_review.minutes', 'legal_review.enforcement', 'legal_review.other'],
  imports: { types: ['normative_docs', 'legality_reviews', 'cleanups', 'cleanup_items', 'advisors', 'advisor_engagements'], text: '存量规范性文件、审查事项、清理及其结果、法律顾问及服务记录都可按模板导入；文件的公布日期不能早于合法性审查完成日期，有效期至不能早于公布日期。' },
  faq: [
    { q: '预审提示一定是违法吗？', a: '不是。预审规则按关键词提示可能的问题并注明依据，是否违法由审核人员判断；不采纳的写明理由即可。' },
    { q: '备案期限依据哪里的规定？', a: '由各省的规范性文件备案规定确定，默认按公布之日起计算；本省规定不同的，法治办可在“法定期限规则”中调整。' },
  ],
};
