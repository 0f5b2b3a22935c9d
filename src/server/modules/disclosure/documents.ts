// The reply to a disclosure request (政府信息公开条例 art. 36), default wording.
import type { DocumentDef } from '../../../shared/schemas/documents.ts';
import { DISCLOSURE_RECORD_TYPE } from '../../../shared/schemas/disclosure.ts';

export const DISCLOSURE_DOCUMENTS: readonly DocumentDef[] = [
  {
    key: 'foi_reply',
    title: '政府信息公开申请答复书',
    recordType: DISCLOSURE_RECORD_TYPE,
    statuses: ['replied'],
    paragraphs: [
      '政府信息公开申请答复书',
      '{案号}',
      '{申请人}：',
      '本机关于{收到日期}收到你（单位）提出的政府信息公开申请，申请获取“{申请内容}”的政府信息。',
      '经审查，根据《中华人民共和国政府信息公开条例》第三十六条的规定，答复如下：{答复类型}。',
      '如对本答复不服，可以自收到本答复书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。',
      '{受理机关}',
      '{成文日期}',
    ],
  },
];
