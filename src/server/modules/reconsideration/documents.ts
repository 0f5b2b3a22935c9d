// The notices a reconsideration case produces (行政复议法 art. 30–31, 39), default wording.
import type { DocumentDef } from '../../../shared/schemas/documents.ts';
import { REVIEW_RECORD_TYPE } from '../../../shared/schemas/reconsideration.ts';

export const REVIEW_DOCUMENTS: readonly DocumentDef[] = [
  {
    key: 'review_accept_notice',
    title: '行政复议受理通知书',
    recordType: REVIEW_RECORD_TYPE,
    statuses: ['accepted', 'mediating', 'decided', 'terminated'],
    paragraphs: [
      '行政复议受理通知书',
      '{案号}',
      '{申请人}：',
      '你（单位）不服{被申请人}{被申请的行政行为}，于{收到日期}向本机关提出的行政复议申请，经审查，符合《中华人民共和国行政复议法》第三十条规定的受理条件，本机关决定自{受理日期}起予以受理。',
      '特此通知。',
      '{复议机关}',
      '{成文日期}',
    ],
  },
  {
    key: 'review_supplement_notice',
    title: '行政复议申请补正通知书',
    recordType: REVIEW_RECORD_TYPE,
    statuses: ['supplementing'],
    paragraphs: [
      '行政复议申请补正通知书',
      '{申请人}：',
      '你（单位）于{收到日期}向本机关提出的行政复议申请（被申请人：{被申请人}；被申请的行政行为：{被申请的行政行为}）材料不齐全或者表述不清楚，根据《中华人民共和国行政复议法》第三十一条的规定，请自收到本通知书之日起十日内补正。无正当理由逾期不补正的，视为放弃行政复议申请。',
      '特此通知。',
      '{复议机关}',
      '{成文日期}',
    ],
  },
  {
    key: 'review_reject_decision',
    title: '不予受理行政复议申请决定书',
    recordType: REVIEW_RECORD_TYPE,
    statuses: ['not_accepted'],
    paragraphs: [
      '不予受理行政复议申请决定书',
      '{案号}',
      '申请人：{申请人}',
      '被申请人：{被申请人}',
      '申请人不服被申请人{被申请的行政行为}，于{收到日期}向本机关提出行政复议申请。经审查，该申请不符合《中华人民共和国行政复议法》第三十条规定的受理条件，根据该法第三十条第二款的规定，本机关决定不予受理。',
      '申请人如不服本决定，可以自收到本决定书之日起十五日内依法向人民法院提起行政诉讼。',
      '{复议机关}',
      '{成文日期}',
    ],
  },
];
