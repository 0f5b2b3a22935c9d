// 执法主体: the ledger (法定 / 授权 / 委托, officers in post, powers and those delegated to towns) and registration.
import { Card } from 'antd';
import { CreateRecord, RecordLedger } from '../../components/records.tsx';
import { useAuth } from '../../auth.tsx';
import { ENFORCEMENT_BODY, type BodyView } from '../../../shared/schemas/enforcement.ts';

export default function BodiesPage() {
  const { can, me } = useAuth();
  return (
    <Card
      size="small"
      title="执法主体"
      extra={can('enforcement.register') && (
        <CreateRecord<BodyView> def={ENFORCEMENT_BODY} api="/enforcement-bodies" title="登记执法主体" submitText="登记" initialValues={{ unitId: me?.unit.id, kind: 'statutory' }} to={(b) => `/enforcement/bodies/${b.id}`} />
      )}
    >
      <RecordLedger<BodyView>
        def={ENFORCEMENT_BODY}
        url="/enforcement-bodies"
        measure="个"
        exportName="执法主体.xlsx"
        link={{ field: 'name', to: (b) => `/enforcement/bodies/${b.id}` }}
        trailing={[
          { key: 'officers', title: '在岗执法人员', dataIndex: 'officers', width: 110, align: 'right' },
          { key: 'powers', title: '职权事项', dataIndex: 'powers', width: 90, align: 'right' },
          { key: 'delegated', title: '其中赋权事项', dataIndex: 'delegatedPowers', width: 110, align: 'right' },
        ]}
      />
    </Card>
  );
}
