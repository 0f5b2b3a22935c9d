import { CONSULTATION_WORKFLOW, LEGAL_AID_WORKFLOW, NOTARIZATION_WORKFLOW, STATION_WORKFLOW } from '../../../shared/schemas/legal-services.ts';
import type { ModuleHelp } from '../../help/types.ts';

export const help: ModuleHelp = {
  key: 'legal-services',
  title: '公共法律服务',
  paths: ['/legal-aid', '/notarizations', '/legal-consultations', '/legal-service-stations'],
  purpose: '登记法律援助案件（申请、决定给予或不予援助、结案），按月登记公证办理量和法律咨询量，维护县、乡、村三级公共法律服务站点。系统统计法律援助案件数、公证办件数等指标。',
  duties: [
    { who: '法治办工作人员（司法局）', does: '审查法律援助申请并作出决定，登记结案；维护服务站点；登记或导入公证、咨询月度数量。' },
    { who: '乡镇联络员', does: '登记本乡镇站点受理的法律咨询，协助转交法律援助申请。' },
  ],
  workflows: [
    { def: LEGAL_AID_WORKFLOW, intro: '收到法律援助申请后登记，审查后决定给予或不予法律援助（不予援助的须写明理由）；给予援助的案件办结后结案。' },
    { def: NOTARIZATION_WORKFLOW, intro: '公证办理件数按月、按公证机构所在单位登记，可分公证类别。' },
    { def: CONSULTATION_WORKFLOW, intro: '法律咨询人次按月、按服务单位和咨询渠道登记。' },
    { def: STATION_WORKFLOW, intro: '公共法律服务中心（站、室）登记名称、层级和所在单位；撤并的站点保留记录。' },
  ],
  rules: [],
  imports: { types: ['legal_aid_cases', 'notarizations'], text: '法律援助案件和公证月度统计可按模板批量导入；月份格式为 YYYY-MM。' },
  faq: [{ q: '不予法律援助要写理由吗？', a: '要。选择“决定不予法律援助”时须写明理由，并将决定书作为台账材料上传。' }],
};
