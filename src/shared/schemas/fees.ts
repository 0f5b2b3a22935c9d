// 行政事业性收费 (政府信息公开条例 art. 20(8)): what a unit charges, on what basis and at what rate, and
// what it collected in a year — 本年收费金额 in table 2 of the 政府信息公开工作年度报告. One record
// per unit, year and item.
import { z } from '../zod.ts';
import { createInput, defineRecord, f, listQuery, updateInput, type RecordView } from '../records.ts';

export const FEE_RECORD_TYPE = 'fee_item';

export const FEE_ITEM = defineRecord({
  type: FEE_RECORD_TYPE,
  title: '行政事业性收费',
  table: 'fee_items',
  fields: {
    year: f.integer('年度', { required: true, list: true, filter: true, sort: true, example: '2025' }),
    unitId: f.unit('收费单位', { required: true, list: true, filter: true, example: 'SFX-D09' }),
    item: f.text('收费项目', { max: 200, required: true, list: true, search: true, example: '不动产登记费' }),
    basis: f.text('收费依据', { max: 300, required: true, search: true, note: '批准收费的文件名称和文号', example: '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）' }),
    standard: f.text('收费标准', { max: 300, list: true, example: '住宅类每件80元' }),
    amount: f.money('本年收费金额', { required: true, list: true, sort: true, column: 'amount_fen', note: '金额（元）：该年度实际收取的金额；公开年报表二按万元填列', example: '125600.00' }),
  },
});

const feeYear = z.number({ error: '年度（year）应为整数' }).int({ error: '年度（year）应为整数' }).min(2000, { error: '年度（year）应在 2000–2100 之间' }).max(2100, { error: '年度（year）应在 2000–2100 之间' }).meta({ title: '年度' });
const feeAmount = z.number({ error: '本年收费金额（amount）应为整数（分）' }).int({ error: '本年收费金额（amount）应为整数（分）' }).min(0, { error: '本年收费金额（amount）不能为负数' }).max(1e13, { error: '本年收费金额（amount）过大' }).meta({ title: '本年收费金额（分）' });

export const feeInput = createInput(FEE_ITEM, { year: feeYear, amount: feeAmount });
export type FeeInput = z.infer<typeof feeInput>;
export const feeUpdateInput = updateInput(FEE_ITEM, { year: feeYear, amount: feeAmount });
export type FeeUpdateInput = z.infer<typeof feeUpdateInput>;
export const feeListQuery = listQuery(FEE_ITEM);
export type FeeListQuery = z.infer<typeof feeListQuery>;
export type FeeView = RecordView<typeof FEE_ITEM.fields> & { unitName: string };
