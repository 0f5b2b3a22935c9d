import { SERVICE_ITEM_WORKFLOW, SERVICE_RATING_WORKFLOW } from '../../../shared/schemas/services.ts';
import type { ModuleHelp } from '../../help/types.ts';

export const help: ModuleHelp = {
  key: 'services',
  title: '政务服务与好差评',
  paths: ['/service-items', '/service-ratings'],
  purpose: '维护政务服务事项清单（事项编码、名称、实施单位、法定时限和承诺时限，以及最多跑一次、网上可办、零跑腿、即办、告知承诺等标识），导入各事项的月度办件量和好差评。差评自动生成整改，须回访、整改并由法治办核验办结。系统统计事项数、最多跑一次比例、网办率、时限压缩率、好评率和差评整改率。',
  duties: [
    { who: '单位联络员、单位负责人', does: '维护本单位事项清单，对差评回访、整改并提交整改情况；认为是恶意差评的可以申诉。' },
    { who: '法治办工作人员（政务服务管理机构）', does: '导入办件量和评价，核验差评整改，裁定申诉。' },
  ],
  workflows: [
    { def: SERVICE_ITEM_WORKFLOW, intro: '清单调整时，原事项移出清单，新版本自调整之日起列入；评价日期须在事项在册期间内。' },
    { def: SERVICE_RATING_WORKFLOW, intro: '差评（不满意、非常不满意）登记后开始计算整改期限{{services.bad_rating_fix}}，自评价之日起算。', steps: { rectify: '写明整改情况并上传材料。', appeal: '认为属于恶意差评的，提交申诉和证据，由法治办裁定；申诉成立的，该差评作废。' } },
  ],
  rules: ['services.bad_rating_fix'],
  imports: { types: ['service_items', 'service_cases', 'service_ratings'], text: '事项清单、月度办件量和好差评一般从省政务服务平台导出后按模板导入；办件量和评价按事项编码关联。' },
  faq: [{ q: '时限压缩率怎么算？', a: '1 − 各事项承诺时限之和 ÷ 法定时限之和，只计同时有两种时限的事项。' }],
};
