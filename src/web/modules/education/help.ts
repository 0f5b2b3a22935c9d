import { LEGAL_LITERATE_WORKFLOW, MODEL_VILLAGE_WORKFLOW, PUFA_ACTIVITY_WORKFLOW, PUFA_DUTY_WORKFLOW, STUDY_SESSION_WORKFLOW } from '../../../shared/schemas/education.ts';
import type { ModuleHelp } from '../../help/types.ts';

export const help: ModuleHelp = {
  key: 'education',
  title: '普法与学法',
  paths: ['/pufa-duties', '/pufa-activities', '/legal-literates', '/model-villages', '/study-sessions'],
  purpose: '落实“谁执法谁普法”普法责任制：登记各单位的普法责任清单和普法活动（受众人数），村（社区）法律明白人名册，民主法治示范村（社区）及其复核，以及政府常务会议会前学法、领导干部法治培训和法治理论考试等学法活动。系统统计普法活动数、受众、法律明白人、示范村和学法次数。',
  duties: [
    { who: '单位联络员', does: '登记本单位普法责任清单、普法活动和学法活动；乡镇联络员登记本乡镇村（社区）的法律明白人。' },
    { who: '法治办工作人员', does: '年终评议各单位普法责任履职情况，登记示范村命名并按期复核。' },
  ],
  workflows: [
    { def: PUFA_DUTY_WORKFLOW, intro: '每个单位每年一份普法责任清单，写明本单位执行的法律法规和计划开展的普法活动，年终由法治办评议。' },
    { def: PUFA_ACTIVITY_WORKFLOW, intro: '每次普法活动登记日期、形式和受众人数，照片等材料作为台账材料上传。' },
    { def: LEGAL_LITERATE_WORKFLOW, intro: '法律明白人按村（社区）登记，手机号码加密保存、列表中脱敏显示；不再担任的退出名册。' },
    { def: MODEL_VILLAGE_WORKFLOW, intro: '示范村（社区）命名后，每{{pufa.model_village_recheck}}复核一次；复核后保留或撤销命名。' },
    { def: STUDY_SESSION_WORKFLOW, intro: '学法活动登记类别、日期和参加人次；法治理论考试登记参考和合格人数。' },
  ],
  rules: ['pufa.model_village_recheck'],
  imports: { types: ['pufa_activities', 'legal_literates', 'model_villages', 'study_sessions'], text: '普法活动、法律明白人、示范村和学法活动都可按模板批量导入；村（社区）填单位编码，受众人数、参加人次填非负整数。' },
  faq: [{ q: '法律明白人的手机号码谁能看到？', a: '列表中只显示脱敏号码；法治办工作人员可以查看完整号码，每次查看都记入审计日志。' }],
};
