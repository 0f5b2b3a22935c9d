// The documents of supervision, default wording: a finding's rectification notice (整改通知书), and
// the 督办单 and 通报 a notice prints as. Each carries its 文号 (kernel/numbering).
import type { DocumentDef } from '../../../shared/schemas/documents.ts';
import { FINDING_RECORD_TYPE, NOTICE_RECORD_TYPE } from '../../../shared/schemas/supervision.ts';

export const SUPERVISION_DOCUMENTS: readonly DocumentDef[] = [
  {
    key: 'finding_rectification_notice',
    title: '整改通知书',
    recordType: FINDING_RECORD_TYPE,
    statuses: ['open', 'rectifying', 'reopened'],
    paragraphs: [
      '整改通知书',
      '{案号}',
      '{责任单位}：',
      '经督察，你单位存在以下问题：{问题描述}（严重程度：{严重程度}）。',
      '请于{整改期限}前完成整改，并将整改情况及佐证材料报送本机关。逾期未整改的，将予以督办、通报。',
      '{县名}全面依法治县委员会办公室',
      '{成文日期}',
    ],
  },
  {
    key: 'supervision_notice',
    title: '督办单',
    recordType: NOTICE_RECORD_TYPE,
    statuses: ['issued'],
    only: { column: 'kind', values: ['supervision'], reason: '通报不能生成督办单' },
    signature: 2,
    paragraphs: [
      '督办单',
      '{案号}',
      '{单位}：',
      '{标题}',
      '{正文}',
      '请按要求抓紧办理，并将办理结果及佐证材料按期报送本机关。',
      '{县名}全面依法治县委员会办公室',
      '{印发日期}',
    ],
  },
  {
    key: 'circular',
    title: '通报',
    recordType: NOTICE_RECORD_TYPE,
    statuses: ['issued'],
    only: { column: 'kind', values: ['circular'], reason: '督办单不能生成通报' },
    signature: 2,
    paragraphs: ['{标题}', '{案号}', '各乡镇人民政府、县直各单位：', '{正文}', '{县名}全面依法治县委员会办公室', '{印发日期}'],
  },
];
