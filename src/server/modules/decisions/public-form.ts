// The public's comment on a draft decision open for comment (条例 art. 15): the commenter's own
// fields of the comment definition, made to one of the drafts whose period runs today, landing in
// the owner unit's comment table through createComment (channel 网上提交, received today).
import type { PublicFormDef } from '../../kernel/public/types.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { COMMENT, COMMENT_WORKFLOW } from '../../../shared/schemas/decisions.ts';
import type { RecordInput } from '../../../shared/records.ts';
import { createComment } from './decisions.ts';

export const commentForm: PublicFormDef = {
  key: 'decision-comment',
  title: '重大行政决策草案意见',
  record: COMMENT,
  workflow: COMMENT_WORKFLOW,
  fields: [
    { name: 'content', hint: '请写明对草案哪一条、哪一项的意见和建议，以及理由' },
    { name: 'commenterName', hint: '可不署名' },
    { name: 'commenterPhone', hint: '选填，仅用于就意见与您联系' },
  ],
  unit: {
    field: 'decisionId',
    hint: '选择正在公开征求意见的决策草案',
    choices: (db) => {
      const today = chinaToday();
      return db
        .selectFrom('decisions')
        .select(['id', 'title as name'])
        .where('status', '=', 'drafting')
        .where('pp_na_reason', 'is', null)
        .where('comment_start', '<=', today)
        .where('comment_end', '>=', today)
        .orderBy('comment_end')
        .orderBy('id')
        .execute();
    },
  },
  // The kernel gives the chosen draft (the form's choice) and today; the scope it gives is the choice's, so the draft's own unit is looked up.
  create: (tx, platform, actor, _scope, input) => createComment(tx, platform, actor, { all: true }, { ...(input as unknown as RecordInput<typeof COMMENT>), channel: 'online' }),
  managePermission: 'decision.manage',
  clocks: {},
  dates: [{ column: 'answered_date', label: '处理' }],
  periods: [],
  attachments: { label: '附件', max: 2, hint: '可附修改建议稿等' },
  what: '意见',
};
