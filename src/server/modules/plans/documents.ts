// The supervision notice of a task not done on time (督办单), default wording.
import type { DocumentDef } from '../../../shared/schemas/documents.ts';
import { TASK_RECORD_TYPE } from '../../../shared/schemas/plans.ts';

export const PLAN_DOCUMENTS: readonly DocumentDef[] = [
  {
    key: 'task_supervision_notice',
    title: '督办单',
    recordType: TASK_RECORD_TYPE,
    statuses: ['not_started', 'in_progress'],
    paragraphs: [
      '督办单',
      '{牵头单位}：',
      '你单位牵头的“{任务名称}”（任务编号：{任务编号}）应于{完成时限}前完成，目前进度为{进度}%。请抓紧推进，于收到本督办单之日起五个工作日内将推进情况及下一步措施报送本机关。',
      '{县名}全面依法治县委员会办公室',
      '{成文日期}',
    ],
  },
];
