import { REVIEW_WORKFLOW } from '../../../shared/schemas/reconsideration.ts';
import type { ModuleHelp } from '../../help/types.ts';

export const help: ModuleHelp = {
  key: 'reconsideration',
  title: '行政复议',
  paths: ['/review'],
  purpose:
    '登记和办理本级行政复议机关收到的行政复议申请：从收到申请、审查受理、通知补正，到发送申请书副本、收取被申请人答复、调解和解，直至作出复议决定或终止。系统按《中华人民共和国行政复议法》（2023年修订）为每个案件同时计算受理审查、发送副本、被申请人答复和复议决定等期限，临期亮黄牌、逾期亮红牌，并自动统计收案、受理、调解、纠错和按期办结等指标。\n门户网站提交的复议申请会自动进入台账；窗口、邮寄收到的申请由法治办登记。',
  duties: [
    { who: '法治办工作人员（复议机构）', does: '登记申请，审查受理或不予受理，通知补正，发送副本，登记被申请人答复，组织调解，作出复议决定或终止，上传台账材料。' },
    { who: '单位联络员、单位负责人（被申请人）', does: '查看本单位作为被申请人的案件，按期提交书面答复和作出行政行为的证据、依据。' },
    { who: '县领导', does: '在驾驶舱查看收案、纠错率和按期办结率。' },
  ],
  workflows: [
    {
      def: REVIEW_WORKFLOW,
      intro: '登记申请（收到日期即申请到达之日）后，系统开始计算受理审查期限{{review.accept}}；期满未作出决定的视为受理。受理后同时开始发送副本期限和复议决定期限，适用简易程序的按简易程序的期限计算。',
      steps: {
        request_supplement: '申请材料不齐全或表述不清楚的，在{{review.supplement_notice}}内书面通知补正，写明需要补正的事项；补正期间受理审查暂停计时，申请人补正期限为{{review.supplement}}。',
        accept: '受理时选择普通程序或简易程序；案号按法治办设定的编号规则自动编号。',
        send_copy: '普通程序自受理之日起{{review.notify_respondent}}内、简易程序{{review.simple_notify}}内向被申请人发送申请书副本。',
        reply_received: '被申请人应在收到副本之日起{{review.respondent_reply}}内（简易程序{{review.simple_reply}}内）提出书面答复。',
        decide: '普通程序自受理之日起{{review.decide}}内作出决定，简易程序{{review.decide_simple}}内；撤销、变更、确认违法、责令履行、确认无效计为纠错。',
      },
    },
  ],
  rules: ['review.accept', 'review.supplement_notice', 'review.supplement', 'review.notify_respondent', 'review.respondent_reply', 'review.simple_notify', 'review.simple_reply', 'review.decide', 'review.decide_simple'],
  imports: { types: ['review_cases'], text: '往年或其他系统中的复议案件可按模板批量导入：每行一个案件，“外部编号”在本单位内唯一，再次导入同一编号会更新原案件。已受理的案件须填写审理程序；日期格式为 YYYY-MM-DD，结案日期不能早于受理日期。' },
  faq: [
    { q: '复议决定期限可以延长吗？', a: '情况复杂的，经行政复议机构负责人批准可以延长一次。在案件页面的期限处申请延长并写明理由，批准后系统按延长后的日期重新亮灯。' },
    { q: '通知补正后期限怎么算？', a: '补正期间受理审查期限暂停，收到补正材料后恢复计算；申请人逾期不补正的，视为放弃申请，可在案件中登记。' },
    { q: '为什么案件显示“视为受理”？', a: '受理审查期限届满仍未作出受理或不予受理决定的，按法律规定视为受理，请尽快补登受理并发送副本。' },
  ],
};
