import { DISCLOSURE_WORKFLOW } from '../../../shared/schemas/disclosure.ts';
import { FOI_REPORT_WORKFLOW } from '../../../shared/schemas/disclosure-report.ts';
import type { ModuleHelp } from '../../help/types.ts';

export const help: ModuleHelp = {
  key: 'disclosure',
  title: '政府信息公开',
  paths: ['/foi'],
  purpose:
    '办理依申请公开政府信息，并生成政府信息公开工作年度报告。每件申请从收到之日起按《中华人民共和国政府信息公开条例》（2019年修订）计算答复期限，补正、征求第三方意见、缴纳信息处理费期间按规定暂停或重新计算。\n年度报告的统计表（国办公开办函〔2021〕30号格式）由本单位台账记录自动生成，审定时定稿；部门、乡镇每年1月31日前，县政府每年3月31日前向社会公开上一年度报告。',
  duties: [
    { who: '单位联络员', does: '登记本单位收到的申请，一次性告知补正、征求第三方意见、作出答复，起草年度报告并送主要负责人审定。' },
    { who: '单位负责人', does: '审定本单位年度报告，批准延长答复期限。' },
    { who: '法治办工作人员', does: '办理县政府收到的申请，督促各单位按期答复，审核并公开县政府年度报告，维护行政事业性收费台账。' },
  ],
  workflows: [
    {
      def: DISCLOSURE_WORKFLOW,
      intro: '登记申请后，答复期限为{{foi.reply}}，自收到申请之日起计算。门户网站提交的申请自动登记，申请人凭查询码查看进度。',
      steps: {
        request_supplement: '申请内容不明确的，在{{foi.supplement_notice}}内一次性告知申请人补正，写明需要补正的事项；答复期限暂停。',
        supplement_received: '收到补正后的申请，答复期限自收到之日起重新计算。',
        consult: '涉及商业秘密、个人隐私等可能损害第三方合法权益的，书面征求第三方意见，第三方应在{{foi.third_party}}内提出；征求意见时间不计入答复期限。',
        charge_notice: '申请数量、频次明显超过合理范围的，可以收取信息处理费；缴费期限为{{foi.payment}}，缴费期间不计入答复期限。',
        reply: '答复时选择答复类型和办理结果（年度报告表三的情形）；答复书文号按编号规则自动编号。',
      },
    },
    {
      def: FOI_REPORT_WORKFLOW,
      intro: '在“信息公开年报”中起草本单位上一年度的报告：统计表由台账自动生成，正文各部分由联络员填写；主要负责人审定后定稿，再向社会公开。',
    },
  ],
  rules: ['foi.reply', 'foi.supplement_notice', 'foi.third_party', 'foi.payment'],
  imports: { types: ['foi_requests', 'fee_items'], text: '年度中途启用系统的，可将已收到的申请按模板批量导入；已答复或不再处理的申请须填写办理结果，申请人类型决定年度报告表三的分列。行政事业性收费台账也可批量导入。' },
  faq: [
    { q: '答复期限能延长吗？', a: '需要延长的，经政府信息公开工作机构负责人同意并告知申请人，可延长一次，延长后的日期在申请页面显示“经批准延长”。' },
    { q: '申请人逾期不补正怎么办？', a: '在申请页面选择“不再处理（逾期未补正、未缴费）”，并写明原因；该申请计入年度报告表三的“其他处理”。' },
    { q: '年度报告里的数字能改吗？', a: '统计表由台账记录生成，不能手工修改。数字不对的，请更正对应的申请记录；报告审定后定稿，之后再改记录不影响已审定的报告。' },
  ],
};
