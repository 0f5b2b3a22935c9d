// 依申请公开: the requests ledger with their reply deadlines (红黄牌) and the intake drawer, both from
// the record definition.
import { Space, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { LedgerPage, pageOf } from '../../components/pages.tsx';
import { dueValue } from '../../components/Light.tsx';
import { StatusTag } from '../../components/WorkflowPanel.tsx';
import { useAuth } from '../../auth.tsx';
import { chinaDate } from '../../../shared/records.ts';
import { DISCLOSURE_STATUSES, DISCLOSURE_WORKFLOW, type DisclosureRequestView } from '../../../shared/schemas/disclosure.ts';
import { DISCLOSURE_PAGES } from './pages.ts';
import { RuleLabel } from '../../components/RuleTip.tsx';

export default function DisclosureRequestsPage() {
  const { can, me } = useAuth();
  return (
    <LedgerPage<DisclosureRequestView>
      pages={DISCLOSURE_PAGES}
      create={can('foi.manage') && { button: '登记申请', title: '登记政府信息公开申请', submitText: '登记', initialValues: { unitId: me?.unit.id, channel: 'online', receivedDate: chinaDate() } }}
      // The status column carries 超期 for a request answered late.
      status={false}
      leading={[{ key: 'title', title: '申请', dataIndex: 'title', fixed: 'left', ellipsis: true, width: 280, render: (t: string, r) => <Link to={pageOf(DISCLOSURE_PAGES, r)}>{t}</Link> }]}
      trailing={[
        { key: 'due', title: <RuleLabel label="答复期限" rules={['foi.reply']} />, width: 200, render: (_, r) => dueValue(r.due, r.light) },
        { key: 'status', title: '状态', dataIndex: 'status', width: 170, render: (s: string, r) => <Space size={4}><StatusTag def={DISCLOSURE_WORKFLOW} status={s} />{r.onTime === false && <Tag color="red">超期</Tag>}</Space> },
      ]}
      extraFilters={[
        { name: 'status', label: '状态', options: DISCLOSURE_STATUSES },
        { name: 'overdue', label: '答复期限', options: { true: '仅看逾期' } },
      ]}
    />
  );
}
