// 行政事业性收费: each unit's charges by year (item, basis, rate, amount collected), the source of table
// 2's 第二十条第（八）项 in the 政府信息公开工作年度报告; registered and corrected here or imported.
import { Card } from 'antd';
import dayjs from 'dayjs';
import { CreateRecord, EditRecord, RecordLedger } from '../../components/records.tsx';
import { useAuth } from '../../auth.tsx';
import { FEE_ITEM, type FeeView } from '../../../shared/schemas/fees.ts';

export default function FeesPage() {
  const { can, me } = useAuth();
  return (
    <Card
      size="small"
      title="行政事业性收费"
      extra={can('foi.manage') && <CreateRecord<FeeView> def={FEE_ITEM} api="/fee-items" title="登记收费项目" submitText="登记" initialValues={{ unitId: me?.unit.id, year: dayjs().year() - 1 }} to={() => '/foi/fees'} />}
    >
      <RecordLedger<FeeView>
        def={FEE_ITEM}
        url="/fee-items"
        measure="项"
        exportName="行政事业性收费.xlsx"
        trailing={can('foi.manage') ? [{ key: 'edit', title: '操作', width: 70, render: (_, fee) => <EditRecord def={FEE_ITEM} record={fee} api="/fee-items" only={['year', 'item', 'basis', 'standard', 'amount']} title={`更正：${fee.item}`} /> }] : []}
      />
    </Card>
  );
}
