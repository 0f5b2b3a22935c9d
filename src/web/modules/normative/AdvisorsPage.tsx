// 法律顾问、公职律师: the registry in the user's scope (kind, engaging unit, firm, contract period) and
// the registering drawer, both from the record definition, with the units served; the phone is shown masked.
import { Tag } from 'antd';
import { LedgerPage } from '../../components/pages.tsx';
import { ServedUnits } from './AdvisorDetailPage.tsx';
import { useAuth } from '../../auth.tsx';
import type { AdvisorView } from '../../../shared/schemas/normative.ts';
import { ADVISOR_PAGES } from './pages.ts';

export default function AdvisorsPage() {
  const { can, me } = useAuth();
  return (
    <LedgerPage<AdvisorView>
      pages={ADVISOR_PAGES}
      create={can('advisor.manage') && { title: '登记法律顾问', submitText: '登记', initialValues: { unitId: me?.unit.id, kind: 'advisor' }, children: <ServedUnits /> }}
      exportName="法律顾问名录.xlsx"
      link="name"
      trailing={[
        { key: 'served', title: '服务单位', width: 220, render: (_, a) => a.servedUnits.map((u) => u.name).join('、') },
        { key: 'engagements', title: '服务次数', width: 90, render: (_, a) => a.engagements },
        { key: 'contract', title: '聘期', width: 90, render: (_, a) => (a.underContract ? <Tag color="green">在聘</Tag> : <Tag>不在聘期</Tag>) },
      ]}
    />
  );
}
