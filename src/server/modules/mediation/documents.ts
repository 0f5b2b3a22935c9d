// The mediation agreement (人民调解法 art. 29), default wording.
import type { DocumentDef } from '../../../shared/schemas/documents.ts';
import { DISPUTE_RECORD_TYPE } from '../../../shared/schemas/mediation.ts';

export const MEDIATION_DOCUMENTS: readonly DocumentDef[] = [
  {
    key: 'dispute_agreement',
    title: '人民调解协议书',
    recordType: DISPUTE_RECORD_TYPE,
    statuses: ['closed', 'revisited'],
    paragraphs: [
      '人民调解协议书',
      '{案号}',
      '当事人：{当事人}',
      '纠纷类型：{纠纷类型}',
      '纠纷简要情况：{纠纷简况}',
      '经调解，自愿达成如下协议：{调解协议}',
      '履行方式、时限：按上述协议履行。',
      '本协议一式三份，当事人、人民调解委员会各持一份。',
      '调解员：{调解员}',
      '{单位}',
      '{成文日期}',
    ],
  },
];
