// 投诉举报: the ledger of complaints about enforcement with their reply deadlines (红黄牌) and the
// intake drawer, both from the record definition; a complaint naming a body goes to the body's unit.
import { Space, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { LedgerPage, pageOf } from '../../components/pages.tsx';
import { dueValue } from '../../components/Light.tsx';
import { StatusTag } from '../../components/WorkflowPanel.tsx';
import { useAuth } from '../../auth.tsx';
import { chinaDate } from '../../../shared/records.ts';
import { COMPLAINT_WORKFLOW, type ComplaintView } from '../../../shared/schemas/enforcement.ts';
import { stateLabels } from '../../../shared/workflow.ts';
import { COMPLAINT_PAGES } from './pages.ts';
import { useBodyChoices } from './shared.tsx';
import { RuleLabel } from '../../components/RuleTip.tsx';

export default function ComplaintsPage() {
  const { can, me } = useAuth();
  const bodies = useBodyChoices();
  return (
    <LedgerPage<ComplaintView>
      pages={COMPLAINT_PAGES}
      create={can('enforcement.complaint') && { button: '登记投诉举报', title: '登记行政执法投诉举报', submitText: '登记', references: { bodyId: bodies.data ?? [] }, initialValues: { unitId: me?.unit.id, kind: 'complaint', channel: 'window', receivedDate: chinaDate() } }}
      status={false}
      leading={[{ key: 'title', title: '投诉举报', dataIndex: 'title', fixed: 'left', ellipsis: true, width: 300, render: (t: string, r) => <Link to={pageOf(COMPLAINT_PAGES, r)}>{t}</Link> }]}
      trailing={[
        { key: 'due', title: <RuleLabel label="答复期限" rules={['enforcement.complaint_reply']} />, width: 200, render: (_, r) => dueValue(r.due, r.light) },
        { key: 'status', title: '状态', dataIndex: 'status', width: 150, render: (s: string, r) => <Space size={4}><StatusTag def={COMPLAINT_WORKFLOW} status={s} />{r.onTime === false && <Tag color="red">超期</Tag>}</Space> },
      ]}
      extraFilters={[{ name: 'status', label: '状态', options: stateLabels(COMPLAINT_WORKFLOW) }]}
    />
  );
}
