// The public's rating of a service item (好差评, 国办发〔2019〕51号): one of the items in the list today,
// rated today, landing in the item's unit through createRating (channel 门户网站); a 差评 starts its
// follow-up clock. Named when the rater leaves a phone number (the unit calls back: 回访).
import type { PublicFormDef } from '../../kernel/public/types.ts';
import { SERVICE_RATING, SERVICE_RATING_WORKFLOW } from '../../../shared/schemas/services.ts';
import type { RecordInput } from '../../../shared/records.ts';
import { createRating, ratableItems } from './services.ts';

export const ratingForm: PublicFormDef = {
  key: 'service-rating',
  title: '政务服务“好差评”',
  record: SERVICE_RATING,
  workflow: SERVICE_RATING_WORKFLOW,
  fields: [
    { name: 'level', required: true },
    { name: 'caseNumber', hint: '办件回执或短信中的办件编号（选填），便于核实您办理的业务' },
    { name: 'comment', hint: '差评请写明办事过程中遇到的问题，便于实施单位核实整改' },
    { name: 'raterName', hint: '可不填写（匿名评价）' },
    { name: 'raterPhone', hint: '留下电话即为实名评价，差评将由实施单位回访' },
  ],
  unit: { field: 'itemId', hint: '选择您办理的政务服务事项（实施单位｜事项名称）', choices: ratableItems },
  // The kernel gives the chosen item and today; the item's own unit is looked up.
  create: (tx, platform, actor, _scope, input) => {
    const values = input as unknown as RecordInput<typeof SERVICE_RATING>;
    return createRating(tx, platform, actor, { all: true }, { ...values, receivedDate: input.receivedDate, named: Boolean(values.raterPhone), channel: 'portal' });
  },
  managePermission: 'services.manage',
  clocks: { fix: '整改期限' },
  dates: [
    { column: 'revisit_date', label: '回访' },
    { column: 'rectified_date', label: '整改' },
    { column: 'closed_date', label: '办结' },
  ],
  periods: [],
  attachments: { label: '附件', max: 0 },
  what: '评价',
};
