// 公共法律服务: legal-aid cases, monthly notarisations and consultations, service stations, and their
// record pages. From the record definitions.
import { DetailPage, LedgerPage } from '../../components/pages.tsx';
import { useAuth } from '../../auth.tsx';
import { TabsCard } from '../../components/TabsCard.tsx';
import { chinaDate } from '../../../shared/records.ts';
import { LEGAL_AID_CORRECTABLE, type ConsultationView, type LegalAidView, type NotarizationView, type StationView } from '../../../shared/schemas/legal-services.ts';
import { CONSULTATION_PAGES, LEGAL_AID_PAGES, NOTARIZATION_PAGES, STATION_PAGES } from './pages.ts';

const lastMonth = () => {
  const [y, m] = chinaDate().slice(0, 7).split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

export function LegalAidPage() {
  const { can, me } = useAuth();
  return (
    <LedgerPage<LegalAidView>
      pages={LEGAL_AID_PAGES}
      title="法律援助案件"
      create={can('legal_services.manage') && { title: '受理法律援助申请', submitText: '受理', initialValues: { unitId: me?.unit.id, receivedDate: chinaDate() } }}
      link="matter"
    />
  );
}

/** 公证 and 法律咨询: counts by month, one tab each. */
export function MonthlyCountsPage() {
  const { can, me } = useAuth();
  const manage = can('legal_services.manage');
  return (
    <TabsCard
      title="公证与法律咨询（按月统计）"
      items={[
        {
          key: 'notary',
          label: '公证办理',
          children: <LedgerPage<NotarizationView> pages={NOTARIZATION_PAGES} status={false} measure="条" create={manage && { title: '登记公证办理件数', submitText: '登记', initialValues: { unitId: me?.unit.id, month: lastMonth(), kind: 'civil' } }} link="month" />,
        },
        {
          key: 'consult',
          label: '法律咨询',
          children: <LedgerPage<ConsultationView> pages={CONSULTATION_PAGES} status={false} measure="条" create={manage && { title: '登记法律咨询人次', submitText: '登记', initialValues: { unitId: me?.unit.id, month: lastMonth(), channel: 'hotline' } }} link="month" />,
        },
      ]}
    />
  );
}

export function StationsPage() {
  const { can, me } = useAuth();
  return (
    <LedgerPage<StationView>
      pages={STATION_PAGES}
      title="公共法律服务站点"
      measure="个"
      create={can('legal_services.manage') && { title: '登记服务站点', submitText: '登记', initialValues: { unitId: me?.unit.id, kind: 'station', establishedDate: chinaDate() } }}
      link="name"
    />
  );
}

export function LegalAidDetailPage() {
  const { can } = useAuth();
  return <DetailPage<LegalAidView> pages={LEGAL_AID_PAGES} edit={{ only: LEGAL_AID_CORRECTABLE, title: '更正受理信息', may: (c) => can('legal_services.manage') && c.status !== 'closed' }} />;
}

export function NotarizationDetailPage() {
  const { can } = useAuth();
  return <DetailPage<NotarizationView> pages={NOTARIZATION_PAGES} edit={{ only: ['unitId', 'month', 'kind', 'count'], title: '更正公证办理件数', may: () => can('legal_services.manage') }} />;
}

export function ConsultationDetailPage() {
  const { can } = useAuth();
  return <DetailPage<ConsultationView> pages={CONSULTATION_PAGES} edit={{ only: ['unitId', 'month', 'channel', 'count'], title: '更正法律咨询人次', may: () => can('legal_services.manage') }} />;
}

export function StationDetailPage() {
  const { can } = useAuth();
  return <DetailPage<StationView> pages={STATION_PAGES} edit={{ only: ['unitId', 'name', 'kind', 'staffCount', 'establishedDate', 'address'], title: '更正服务站点', may: (s) => can('legal_services.manage') && s.status === 'active' }} />;
}
