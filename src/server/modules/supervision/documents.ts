// The rectification notice of an inspection finding (整改通知书), default wording.
import type { DocumentDef } from '../../../shared/schemas/documents.ts';
import { FINDING_RECORD_TYPE } from '../../../shared/schemas/supervision.ts';

export const SUPERVISION_DOCUMENTS: readonly DocumentDef[] = [
  {
    key: 'finding_rectification_notice',
    title: '整改通知书',
    recordType: FINDING_RECORD_TYPE,
    statuses: ['open', 'rectifying', 'reopened'],
    paragraphs: [
      '整改通知书',
      '{责任单位}：',
      '经督察，你单位存在以下问题：{问题描述}（严重程度：{严重程度}）。',
      '请于{整改期限}前完成整改，并将整改情况及佐证材料报送本机关。逾期未整改的，将予以督办、通报。',
      '{县名}全面依法治县委员会办公室',
      '{成文日期}',
    ],
  },
];
