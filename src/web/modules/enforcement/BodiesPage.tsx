// 执法主体: the ledger (法定 / 授权 / 委托, officers in post, powers and those delegated to towns) and registration.
import { LedgerPage } from '../../components/pages.tsx';
import { useAuth } from '../../auth.tsx';
import type { BodyView } from '../../../shared/schemas/enforcement.ts';
import { BODY_PAGES } from './pages.ts';

export default function BodiesPage() {
  const { can, me } = useAuth();
  return (
    <LedgerPage<BodyView>
      pages={BODY_PAGES}
      measure="个"
      create={can('enforcement.register') && { title: '登记执法主体', submitText: '登记', initialValues: { unitId: me?.unit.id, kind: 'statutory' } }}
      link="name"
      trailing={[
        { key: 'officers', title: '在岗执法人员', dataIndex: 'officers', width: 110, align: 'right' },
        { key: 'powers', title: '职权事项', dataIndex: 'powers', width: 90, align: 'right' },
        { key: 'delegated', title: '其中赋权事项', dataIndex: 'delegatedPowers', width: 110, align: 'right' },
      ]}
    />
  );
}
